/**
 * Proposed time slots for a weekly plan's meetings: a deterministic layout
 * over the working days of the week, each format at its usual time of day.
 * No calendar is read; the user moves the proposals as they like.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, type Day } from "../model/dates.js";

/** When meetings may be proposed. Times are local wall-clock `HH:MM`. */
export interface PlanSchedule {
  /** ISO weekdays to use, 1 = Monday … 7 = Sunday (default Monday to Friday). */
  days: readonly number[];
  /** Preferred start per format (default coffee 08:30, lunch 12:30, call 16:00). */
  startByFormat: Readonly<Record<string, string>>;
  /** Start of formats without a preferred time, and the earliest start of any meeting (default 08:00). */
  dayStart: string;
  /** No meeting ends after this (default 19:00). */
  dayEnd: string;
  /** Minutes kept free between two meetings (default 15). */
  gapMinutes: number;
}

/** Defaults of {@link PlanSchedule}. */
export const DEFAULT_PLAN_SCHEDULE: Readonly<PlanSchedule> = {
  days: [1, 2, 3, 4, 5],
  startByFormat: { coffee: "08:30", lunch: "12:30", call: "16:00" },
  dayStart: "08:00",
  dayEnd: "19:00",
  gapMinutes: 15,
};

/** A proposed slot: a date and local start and end times. */
export interface PlanSlot {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM`, local time. */
  end: string;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string, name: string): number {
  const m = typeof time === "string" ? TIME_RE.exec(time) : null;
  if (!m) throw new TiegraphError("tiegraph/cadence", "invalid-option", `invalid time in schedule.${name}`, { record: `schedule.${name}`, expected: "a time HH:MM between 00:00 and 23:59", got: showValue(time) });
  return Number(m[1]) * 60 + Number(m[2]);
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Merges and validates a partial schedule (throws `invalid-option`). */
export function resolvePlanSchedule(input: Partial<PlanSchedule> | undefined): PlanSchedule {
  const s: PlanSchedule = { ...DEFAULT_PLAN_SCHEDULE, ...input, startByFormat: { ...DEFAULT_PLAN_SCHEDULE.startByFormat, ...input?.startByFormat } };
  if (!Array.isArray(s.days) || s.days.length === 0 || s.days.some((d) => !(Number.isInteger(d) && d >= 1 && d <= 7)) || new Set(s.days).size !== s.days.length) {
    throw new TiegraphError("tiegraph/cadence", "invalid-option", "invalid schedule.days", { record: "schedule.days", expected: "distinct ISO weekdays 1 (Monday) to 7 (Sunday)", got: showValue(s.days) });
  }
  for (const [format, time] of Object.entries(s.startByFormat)) minutesOf(time, `startByFormat.${format}`);
  if (!(minutesOf(s.dayStart, "dayStart") < minutesOf(s.dayEnd, "dayEnd"))) {
    throw new TiegraphError("tiegraph/cadence", "invalid-option", "schedule.dayStart must come before schedule.dayEnd", { record: "schedule", expected: "dayStart < dayEnd", got: `${s.dayStart}–${s.dayEnd}` });
  }
  if (!(Number.isInteger(s.gapMinutes) && s.gapMinutes >= 0)) throw new TiegraphError("tiegraph/cadence", "invalid-option", "invalid schedule.gapMinutes", { record: "schedule.gapMinutes", expected: "a whole number of minutes ≥ 0", got: showValue(s.gapMinutes) });
  return s;
}

/**
 * Lays meetings out over the week starting on Monday `monday`. Meeting k is
 * tried first on day `k mod days`, then on the following days in turn (so
 * meetings spread over the week); on a day it takes the earliest free start
 * at or after its format's preferred time, else the earliest free start of
 * the day, keeping `gapMinutes` between meetings and ending by `dayEnd`.
 * A meeting that fits on no day gets no slot (`undefined`).
 */
export function layOutSlots(monday: Day, meetings: readonly { format: string; minutes: number }[], schedule: PlanSchedule): (PlanSlot | undefined)[] {
  const dayStart = minutesOf(schedule.dayStart, "dayStart");
  const dayEnd = minutesOf(schedule.dayEnd, "dayEnd");
  const gap = schedule.gapMinutes;
  const days = [...schedule.days].sort((a, b) => a - b);
  const booked: [number, number][][] = days.map(() => []);
  const free = (taken: readonly [number, number][], start: number, end: number) => end <= dayEnd && taken.every(([s, e]) => end + gap <= s || start >= e + gap);
  return meetings.map((m, k) => {
    const preferred = Math.max(dayStart, schedule.startByFormat[m.format] !== undefined ? minutesOf(schedule.startByFormat[m.format]!, `startByFormat.${m.format}`) : dayStart);
    for (let t = 0; t < days.length; t++) {
      const d = (k + t) % days.length;
      const taken = booked[d]!;
      // candidate starts: the preferred time, the day's start, and just after each booked meeting
      const starts = [preferred, dayStart, ...taken.map(([, e]) => e + gap)].sort((a, b) => a - b);
      const start = starts.find((s) => s >= preferred && free(taken, s, s + m.minutes)) ?? starts.find((s) => free(taken, s, s + m.minutes));
      if (start === undefined) continue;
      taken.push([start, start + m.minutes]);
      return { date: formatDay(monday + days[d]! - 1), start: timeOf(start), end: timeOf(start + m.minutes) };
    }
    return undefined;
  });
}

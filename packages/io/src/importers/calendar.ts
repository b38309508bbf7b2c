/**
 * Calendars (.ics, RFC 5545), as Google Calendar, Outlook and Apple Calendar
 * export them: events with an organizer and attendees become meetings between
 * ego and each other participant. Recurring events (RRULE, RDATE, EXDATE,
 * moved instances) are expanded within a date range; time zones come from the
 * file's VTIMEZONE blocks. ical.js does the parsing and the expansion.
 */
import ICAL from "ical.js";
import { DEFAULT_KIND_VALUES, TiegraphError, formatDay, parseDay, type Exchange, type Network, type Person } from "@tiegraph/core";
import { textChunks, type TextSource } from "../input/text-source.js";
import { normaliseEmail, normaliseName } from "../merge/identity.js";
import { componentTexts, parseComponent, type ComponentText } from "./components.js";
import { IdAllocator, slugId } from "./ids.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportWarningCode, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, egoPerson, type EgoOption, type ImportOptions } from "./options.js";
import { StepBudget, StepLimitReached, ruleProblem, seriesStarts } from "./recurrence.js";

/** How a caller gives ego's e-mail addresses, named for each way calendars are imported (the notes go to all of them). */
const EGO_ADDRESS_HOW = "the CLI's --ego-email, the library's ego.emails; or import it into a network whose ego has them: the CLI's --into, the page's network file opened with it";

/**
 * The ego of `network` as a calendar import's `ego` option (its id, name and
 * e-mail addresses), when the network has an ego with at least one address:
 * a calendar imported into that network (the CLI's `import --into`, the
 * explorer's network file opened with a calendar) then tells ego apart from
 * the other attendees by those addresses instead of inferring one from the
 * events. Undefined otherwise (the import then infers ego's address as before).
 *
 * @example
 * ```ts
 * const ego = calendarEgoOf(network); // { id: "ann", name: "Ann", emails: ["ann@example.org"] }
 * const cal = await importCalendar(icsText, ego ? { ego } : {});
 * ```
 */
export function calendarEgoOf(network: Network): Person | undefined {
  const id = network.ego;
  if (id === undefined) return undefined;
  const me = network.person(id);
  const emails = (me.emails ?? []).filter((e) => normaliseEmail(e) !== "");
  return emails.length > 0 ? { id: me.id, name: me.name, emails } : undefined;
}

/** Options of {@link importCalendar}. */
export interface CalendarOptions extends ImportOptions {
  /**
   * Whose calendar this is. Give ego's addresses in `emails` so ego is told
   * apart from the other attendees; without them, the address present in at
   * least half of the events (and more than any other) is taken as ego's.
   */
  ego?: EgoOption;
  /** First date counted, inclusive (default: no limit). */
  from?: string;
  /** Last date counted, inclusive (default: today, so planned meetings do not count yet). */
  to?: string;
  /** Events with more than this many other participants are group events (default 5). */
  groupSize?: number;
  /**
   * What group events give: `"down-weight"` (default) counts each as a meeting of value
   * `groupSize / n` (n other participants), so a 20-person meeting weighs a quarter of a
   * one-to-one; `"skip"` leaves them out. Relationship tools do either, since a large
   * meeting says little about any one tie.
   */
  groupEvents?: "down-weight" | "skip";
  /** IANA time zone (e.g. `Europe/London`) to date timed events in; default: the date as written in the file. */
  timeZone?: string;
  /** At most this many occurrences of one recurring event, in range, are counted (default 1000). */
  maxOccurrences?: number;
  /** At most this many occurrences in range are counted in the whole file (default 100,000). */
  maxFileOccurrences?: number;
  /** At most this many meetings are made from the whole file (default 200,000). */
  maxMeetings?: number;
  /**
   * Steps allowed to expand one recurring event (default 100,000): each inner
   * step of the calendar library's iterator and each date it yields, dates
   * before `from` included, plus one per year searched.
   */
  maxSeriesSteps?: number;
  /** Steps allowed for all recurring events of the file together (default 2,000,000). */
  maxFileSteps?: number;
  /**
   * Events with more other participants than this (default 8) are large
   * (all-hands, conferences): they make no people and no meetings, and the
   * result's `largeEvents` says how many were skipped, unless `largeEventContacts` is set.
   */
  largeEventSize?: number;
  /** Count large events too, making their participants people (default false). */
  largeEventContacts?: boolean;
  /** Keep each event's SUMMARY as the meeting's private note (default false). */
  summaries?: boolean;
}

/** Defaults of {@link importCalendar}. */
export const DEFAULT_CALENDAR_OPTIONS: Readonly<
  Required<Pick<CalendarOptions, "strict" | "groupSize" | "groupEvents" | "maxOccurrences" | "maxFileOccurrences" | "maxMeetings" | "maxSeriesSteps" | "maxFileSteps" | "largeEventSize" | "largeEventContacts" | "summaries">>
> = {
  ...(DEFAULT_IMPORT_OPTIONS as { strict: boolean }),
  groupSize: 5,
  groupEvents: "down-weight",
  maxOccurrences: 1000,
  maxFileOccurrences: 100_000,
  maxMeetings: 200_000,
  maxSeriesSteps: 100_000,
  maxFileSteps: 2_000_000,
  largeEventSize: 8,
  largeEventContacts: false,
  summaries: false,
};

const WANTED = new Set(["VEVENT", "VTIMEZONE"]);
/** Whole-number options and their least value. */
const COUNT_OPTIONS = [
  ["groupSize", 1],
  ["maxOccurrences", 1],
  ["maxFileOccurrences", 1],
  ["maxMeetings", 1],
  ["maxSeriesSteps", 1],
  ["maxFileSteps", 1],
  ["largeEventSize", 1],
] as const;

interface Participant {
  key: string;
  name: string;
  email: string;
  organizer: boolean;
}

/**
 * Reads a calendar. For each event (and each occurrence of a recurring one)
 * between `from` and `to` that is not cancelled: every participant other than
 * ego (organizer and attendees who did not decline; rooms and resources left
 * out) gets a `meeting` exchange with ego, dated on the event's start date,
 * lasting the event's minutes (all-day events have none), from the organizer
 * when they organised it, else from ego. Private and confidential events
 * (CLASS) give confidential meetings. Participants become people (matched by
 * e-mail on merge). A file without a BEGIN:VCALENDAR (or BEGIN:VEVENT) line
 * is not a calendar: `invalid-format` is thrown.
 *
 * @example
 * ```ts
 * const cal = await importCalendar(icsText, { ego: { id: "me", name: "Me", emails: ["me@example.com"] }, from: "2024-01-01", to: "2024-12-31" });
 * mergeInto(network, cal);
 * ```
 */
export async function importCalendar(source: TextSource, options: CalendarOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_CALENDAR_OPTIONS, ...options };
  const ego = egoPerson(opts.ego);
  const log = new ProblemLog("tiegraph/io/calendar", opts.file, opts.strict, opts.maxProblems);
  const first = opts.from === undefined ? -Infinity : optionDay(opts.from, "from");
  const last = optionDay(opts.to ?? todayText(), "to");
  for (const [name, least] of COUNT_OPTIONS) {
    const v = opts[name];
    if (!(Number.isInteger(v) && v >= least)) throw new TiegraphError("tiegraph/io/calendar", "invalid-option", `invalid ${name}`, { expected: `a whole number ≥ ${least}`, got: String(v) });
  }
  const dateOf = dater(opts.timeZone);
  const out = new ImportBuilder("calendar", opts.file, true);
  out.result.ego = ego;

  // 1. Read the components; events are parsed once every time zone is known.
  let read = 0;
  const eventTexts: ComponentText[] = [];
  const zones: ICAL.Component[] = [];
  const opened = new Set<string>();
  for await (const c of componentTexts(textChunks(source, (r) => (read = r)), WANTED, log, opened)) {
    if (c.name === "VTIMEZONE") {
      const z = parseComponent(c, log);
      if (z) zones.push(z);
    } else {
      eventTexts.push(c);
      out.result.records++;
      opts.onProgress?.({ read, total: undefined, records: out.result.records });
    }
  }
  if (!opened.has("VCALENDAR") && !opened.has("VEVENT")) log.fatal("invalid-format", "not an iCalendar file: no BEGIN:VCALENDAR line", { line: 1 }, "a calendar from BEGIN:VCALENDAR to END:VCALENDAR");

  const added: string[] = [];
  try {
    for (const z of zones) {
      const tz = new ICAL.Timezone(z);
      if (tz.tzid && !ICAL.TimezoneService.has(tz.tzid)) {
        ICAL.TimezoneService.register(tz);
        added.push(tz.tzid);
      }
    }
    // 2. Parse events and group them by UID: a master and its moved instances.
    const lineOf = new Map<ICAL.Component, number>();
    const groups = new Map<string, { master?: ICAL.Event; exceptions: ICAL.Event[] }>();
    const singles: ICAL.Event[] = [];
    for (const t of eventTexts) {
      const comp = parseComponent(t, log);
      if (!comp) continue;
      lineOf.set(comp, t.firstLine);
      let event: ICAL.Event;
      try {
        event = new ICAL.Event(comp);
      } catch (e) {
        log.report("parse-error", `the event could not be read: ${e instanceof Error ? e.message : String(e)}`, { line: t.firstLine, record: `event at line ${t.firstLine}` }, "a valid VEVENT");
        continue;
      }
      const uid = event.uid;
      if (!uid) {
        singles.push(event);
        continue;
      }
      let g = groups.get(uid);
      if (!g) groups.set(uid, (g = { exceptions: [] }));
      if (event.isRecurrenceException()) g.exceptions.push(event);
      else if (g.master) singles.push(event);
      else g.master = event;
    }
    const series: ICAL.Event[] = [...singles];
    for (const g of groups.values()) {
      if (!g.master) {
        series.push(...g.exceptions);
        continue;
      }
      for (const x of g.exceptions) {
        try {
          g.master.relateException(x);
        } catch {
          series.push(x); // an instance that does not fit its series still counts on its own
        }
      }
      series.push(g.master);
    }

    // 3. Ego's addresses, given or inferred.
    const egoEmails = new Set((ego.emails ?? []).map(normaliseEmail).filter((e) => e !== ""));
    if (egoEmails.size === 0) {
      const inferred = inferEgoEmail(series.flatMap((s) => [s, ...Object.values(s.exceptions)]));
      if (inferred) {
        egoEmails.add(inferred);
        // Kept on ego, so the merged network knows it and a later calendar's ego is recognised by it.
        out.result.ego = { ...ego, emails: [inferred] };
        out.result.notes.push(`ego's address taken to be ${inferred} (present in most events); to say otherwise, give ego's addresses (${EGO_ADDRESS_HOW})`);
      } else if (series.length) {
        out.result.notes.push(`could not tell ego's address among the attendees; every attendee was counted (give ego's addresses: ${EGO_ADDRESS_HOW})`);
      }
    }

    // 4. Occurrences → meetings, in file order, within the bounds (see the options).
    series.sort((a, b) => (lineOf.get(a.component) ?? 0) - (lineOf.get(b.component) ?? 0));
    const people = new Map<string, string>();
    const ids = new IdAllocator((id) => id === ego.id);
    let skippedGroups = 0;
    const budget = new StepBudget(opts.maxSeriesSteps, opts.maxFileSteps);
    // No date after `last` is used; a year more leaves room for time zones.
    const lastYear = Number(formatDay(last).slice(0, 4)) + 1;
    let fileOccurrences = 0;
    let expansionStopped = false;
    const largeSeries = new Set<ICAL.Event>();
    const largeKeys = new Set<string>();
    const seen = new Map<ICAL.Component, Participant[]>();
    // Participants once per component: a 20,000-attendee series is not re-read at each occurrence.
    const participants = (item: ICAL.Event): { list: Participant[]; large: boolean } => {
      let list = seen.get(item.component);
      const first = list === undefined;
      if (list === undefined) seen.set(item.component, (list = participantsOf(item, egoEmails)));
      const large = list.length > opts.largeEventSize && !opts.largeEventContacts;
      if (large && first) for (const p of list) largeKeys.add(p.key);
      return { list, large };
    };
    const recordOf = (item: ICAL.Event, line: number): string => `event ${JSON.stringify(item.uid || item.summary || "")} at line ${line}`;
    const personFor = (p: Participant, line: number): string => {
      let id = people.get(p.key);
      if (id === undefined) {
        const name = out.name(p.name, "name", line, `attendee ${JSON.stringify(p.email || p.key)} at line ${line}`);
        id = ids.take(slugId(name || p.email.split("@")[0]!, "attendee"));
        people.set(p.key, id);
        const person: Person = { id, name: name || p.email };
        if (p.email) person.emails = [p.email];
        out.person(person, line);
      }
      return id;
    };
    const occurrence = (series: ICAL.Event, item: ICAL.Event, start: ICAL.Time, end: ICAL.Time): void => {
      const line = lineOf.get(item.component) ?? 1;
      const place = { line, record: recordOf(item, line) };
      if (String(item.component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") return;
      const date = dateOf(start);
      const day = parseDay(date);
      if (day === undefined || day < first || day > last) return;
      const { list, large } = participants(item);
      if (list.length === 0) return;
      if (large) {
        largeSeries.add(series);
        return;
      }
      if (++fileOccurrences > opts.maxFileOccurrences) throw new FileBoundReached("file-occurrence-limit", opts.maxFileOccurrences);
      if (out.result.exchanges.length + list.length > opts.maxMeetings) throw new FileBoundReached("file-meeting-limit", opts.maxMeetings);
      let minutes: number | undefined;
      if (!start.isDate) {
        const m = Math.round((end.toUnixTime() - start.toUnixTime()) / 60);
        if (m < 0) {
          log.report("invalid-range", "the event ends before it starts", place, "DTEND on or after DTSTART");
          return;
        }
        minutes = m;
      }
      const n = list.length;
      let value: number | undefined;
      if (n > opts.groupSize) {
        if (opts.groupEvents === "skip") {
          skippedGroups++;
          return;
        }
        value = (DEFAULT_KIND_VALUES.meeting * opts.groupSize) / n;
      }
      const klass = String(item.component.getFirstPropertyValue("class") ?? "").toUpperCase();
      const summary = item.summary ? String(item.summary).trim() : "";
      for (const p of list) {
        const id = personFor(p, line);
        const e: Exchange = { date, kind: "meeting", from: p.organizer ? id : ego.id, to: p.organizer ? ego.id : id };
        if (minutes !== undefined) e.minutes = minutes;
        if (value !== undefined) e.value = value;
        if (klass === "PRIVATE" || klass === "CONFIDENTIAL") e.confidential = true;
        if (opts.summaries && summary) e.note = summary;
        out.exchange(e, line);
      }
    };
    for (const event of series) {
      const line = lineOf.get(event.component) ?? 1;
      const record = recordOf(event, line);
      let invented = 0;
      try {
        if (!event.isRecurring()) {
          occurrence(event, event, event.startDate, event.endDate);
          continue;
        }
        if (expansionStopped) continue;
        const problems = event.component.getAllProperties("rrule").map((p) => ruleProblem(p.getFirstValue() as ICAL.Recur));
        const problem = problems.find((p) => p === "too-frequent") ?? problems.find((p) => p !== undefined);
        if (problem !== undefined) {
          out.warn({ code: problem === "too-frequent" ? "recurrence-too-frequent" : "recurrence-impossible", line, record });
          occurrence(event, event, event.startDate, event.endDate);
          continue;
        }
        budget.startSeries();
        let counted = 0;
        for (const next of seriesStarts(event, budget, lastYear, () => invented++)) {
          const details = event.getOccurrenceDetails(next);
          const day = parseDay(dateOf(details.startDate));
          if (day !== undefined && day > last && next.compare(details.startDate) >= 0) break;
          if (day === undefined || day < first || day > last) continue;
          if (++counted > opts.maxOccurrences) {
            out.warn({ code: "series-occurrence-limit", line, record, limit: opts.maxOccurrences });
            break;
          }
          occurrence(event, details.item, details.startDate, details.endDate);
        }
      } catch (e) {
        if (e instanceof StepLimitReached) {
          out.warn({ code: e.scope === "series" ? "series-step-limit" : "file-step-limit", line, record, limit: e.limit });
          expansionStopped ||= e.scope === "file";
          continue;
        }
        if (e instanceof FileBoundReached) {
          out.warn({ code: e.code, line, record, limit: e.limit });
          break;
        }
        // ical.js throws plain errors on rules it cannot follow; ours pass through.
        if (e instanceof TiegraphError) throw e;
        log.report("parse-error", `the event could not be expanded: ${e instanceof Error ? e.message : String(e)}`, { line, record }, "a valid DTSTART, DTEND/DURATION and RRULE");
      } finally {
        if (invented) out.warn({ code: "recurrence-invented-dates", line, record, count: invented });
      }
    }
    out.result.steps = budget.used;
    if (skippedGroups) out.result.notes.push(`${skippedGroups} group events (more than ${opts.groupSize} other participants) skipped`);
    if (!opts.largeEventContacts) {
      let attendees = 0;
      for (const k of largeKeys) if (!people.has(k)) attendees++;
      out.result.largeEvents = { limit: opts.largeEventSize, events: largeSeries.size, attendees };
      if (largeSeries.size) out.result.notes.push(`${largeSeries.size} large events (more than ${opts.largeEventSize} other participants) skipped; ${attendees} of their participants did not become contacts (pass largeEventContacts to count them)`);
    }
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
  opts.onProgress?.({ read, total: undefined, records: out.result.records });
  checkImport(out.result, log);
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

/** A bound of the whole file was reached: the import stops counting there. */
class FileBoundReached extends Error {
  constructor(
    readonly code: Extract<ImportWarningCode, "file-occurrence-limit" | "file-meeting-limit">,
    readonly limit: number,
  ) {
    super(code);
  }
}

/** The other participants of an event: organizer and attendees, without ego, decliners, rooms and resources. */
function participantsOf(event: ICAL.Event, egoEmails: ReadonlySet<string>): Participant[] {
  const found = new Map<string, Participant>();
  const add = (prop: ICAL.Property | null, organizer: boolean): void => {
    if (!prop) return;
    const value = String(prop.getFirstValue() ?? "");
    const email = normaliseEmail(value);
    const cn = String(prop.getParameter("cn") ?? "").trim();
    const partstat = String(prop.getParameter("partstat") ?? "").toUpperCase();
    const cutype = String(prop.getParameter("cutype") ?? "").toUpperCase();
    if (partstat === "DECLINED" || cutype === "ROOM" || cutype === "RESOURCE") return;
    if (email && egoEmails.has(email)) return;
    const key = email ? `email:${email}` : cn ? `name:${normaliseName(cn)}` : "";
    if (!key) return;
    const known = found.get(key);
    if (known) known.organizer ||= organizer;
    else found.set(key, { key, name: cn, email, organizer });
  };
  add(event.component.getFirstProperty("organizer"), true);
  for (const a of event.attendees) add(a, false);
  return [...found.values()];
}

/** The address found in at least half of the events with addresses, and in more than any other. */
function inferEgoEmail(events: readonly ICAL.Event[]): string | undefined {
  const counts = new Map<string, number>();
  let withAddresses = 0;
  for (const e of events) {
    const seen = new Set<string>();
    for (const p of [e.component.getFirstProperty("organizer"), ...e.attendees]) {
      const email = p ? normaliseEmail(String(p.getFirstValue() ?? "")) : "";
      if (email) seen.add(email);
    }
    if (seen.size < 2) continue;
    withAddresses++;
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || withAddresses < 2 || top[1] * 2 < withAddresses || (second && second[1] === top[1])) return undefined;
  return top[0];
}

/** Dates a time: as written, or in a time zone when one is given (floating times stay as written). */
function dater(timeZone: string | undefined): (t: ICAL.Time) => string {
  const asWritten = (t: ICAL.Time): string => `${String(t.year).padStart(4, "0")}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
  if (timeZone === undefined) return asWritten;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  } catch {
    throw new TiegraphError("tiegraph/io/calendar", "invalid-option", `unknown time zone ${JSON.stringify(timeZone)}`, { expected: "an IANA time zone such as Europe/London" });
  }
  return (t) => {
    if (t.isDate || !t.zone || t.zone.tzid === "floating") return asWritten(t);
    const parts = Object.fromEntries(format.formatToParts(new Date(t.toUnixTime() * 1000)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

function optionDay(text: string, name: string): number {
  const d = parseDay(text);
  if (d === undefined) throw new TiegraphError("tiegraph/io/calendar", "invalid-option", `invalid ${name} date ${JSON.stringify(text)}`, { expected: "a date YYYY-MM-DD" });
  return d;
}

function todayText(): string {
  const now = new Date();
  return formatDay(Math.floor((now.getTime() - now.getTimezoneOffset() * 60_000) / 86_400_000));
}

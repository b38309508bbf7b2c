/**
 * Calendars (.ics, RFC 5545), as Google Calendar, Outlook and Apple Calendar
 * export them: events with an organizer and attendees become meetings between
 * ego and each other participant. Recurring events (RRULE, RDATE, EXDATE,
 * moved instances) are expanded within a date range; time zones come from the
 * file's VTIMEZONE blocks. ical.js does the parsing and the expansion.
 */
import ICAL from "ical.js";
import { DEFAULT_KIND_VALUES, TiegraphError, formatDay, parseDay, type Exchange, type Person } from "@tiegraph/core";
import { textChunks, type TextSource } from "../input/text-source.js";
import { normaliseEmail, normaliseName } from "../merge/identity.js";
import { componentTexts, parseComponent, type ComponentText } from "./components.js";
import { IdAllocator, slugId } from "./ids.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, egoPerson, type EgoOption, type ImportOptions } from "./options.js";

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
  /** At most this many occurrences of one recurring event are counted (default 1000). */
  maxOccurrences?: number;
  /** Keep each event's SUMMARY as the meeting's private note (default false). */
  summaries?: boolean;
}

/** Defaults of {@link importCalendar}. */
export const DEFAULT_CALENDAR_OPTIONS: Readonly<Required<Pick<CalendarOptions, "strict" | "groupSize" | "groupEvents" | "maxOccurrences" | "summaries">>> = {
  ...(DEFAULT_IMPORT_OPTIONS as { strict: boolean }),
  groupSize: 5,
  groupEvents: "down-weight",
  maxOccurrences: 1000,
  summaries: false,
};

const WANTED = new Set(["VEVENT", "VTIMEZONE"]);
/** Expansion steps per recurring event, occurrences before `from` included: bounds the work on any input. */
const MAX_STEPS = 100_000;

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
 * e-mail on merge).
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
  const log = new ProblemLog("tiegraph/io/calendar", opts.file, opts.strict);
  const first = opts.from === undefined ? -Infinity : optionDay(opts.from, "from");
  const last = optionDay(opts.to ?? todayText(), "to");
  if (!(Number.isInteger(opts.groupSize) && opts.groupSize >= 1)) throw new TiegraphError("tiegraph/io/calendar", "invalid-option", "invalid groupSize", { expected: "a whole number ≥ 1", got: String(opts.groupSize) });
  if (!(Number.isInteger(opts.maxOccurrences) && opts.maxOccurrences >= 1)) throw new TiegraphError("tiegraph/io/calendar", "invalid-option", "invalid maxOccurrences", { expected: "a whole number ≥ 1", got: String(opts.maxOccurrences) });
  const dateOf = dater(opts.timeZone);
  const out = new ImportBuilder("calendar", opts.file, true);
  out.result.ego = ego;

  // 1. Read the components; events are parsed once every time zone is known.
  let read = 0;
  const eventTexts: ComponentText[] = [];
  const zones: ICAL.Component[] = [];
  for await (const c of componentTexts(textChunks(source, (r) => (read = r)), WANTED, log)) {
    if (c.name === "VTIMEZONE") {
      const z = parseComponent(c, log);
      if (z) zones.push(z);
    } else {
      eventTexts.push(c);
      out.result.records++;
      opts.onProgress?.({ read, total: undefined, records: out.result.records });
    }
  }

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
        out.result.notes.push(`ego's address taken to be ${inferred} (present in most events); pass ego.emails to say otherwise`);
      } else if (series.length) {
        out.result.notes.push("could not tell ego's address among the attendees; every attendee was counted (pass ego.emails)");
      }
    }

    // 4. Occurrences → meetings.
    const people = new Map<string, string>();
    const ids = new IdAllocator((id) => id === ego.id);
    let skippedGroups = 0;
    const personFor = (p: Participant, line: number): string => {
      let id = people.get(p.key);
      if (id === undefined) {
        id = ids.take(slugId(p.name || p.email.split("@")[0]!, "attendee"));
        people.set(p.key, id);
        const person: Person = { id, name: p.name || p.email };
        if (p.email) person.emails = [p.email];
        out.person(person, line);
      }
      return id;
    };
    const occurrence = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time): void => {
      const line = lineOf.get(item.component) ?? 1;
      const place = { line, record: `event ${JSON.stringify(item.uid || item.summary || "")} at line ${line}` };
      if (String(item.component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED") return;
      const date = dateOf(start);
      const day = parseDay(date);
      if (day === undefined || day < first || day > last) return;
      const participants = participantsOf(item, egoEmails);
      if (participants.length === 0) return;
      let minutes: number | undefined;
      if (!start.isDate) {
        const m = Math.round((end.toUnixTime() - start.toUnixTime()) / 60);
        if (m < 0) {
          log.report("invalid-range", "the event ends before it starts", place, "DTEND on or after DTSTART");
          return;
        }
        minutes = m;
      }
      const n = participants.length;
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
      for (const p of participants) {
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
      try {
        if (!event.isRecurring()) {
          occurrence(event, event.startDate, event.endDate);
          continue;
        }
        const it = event.iterator();
        let counted = 0;
        for (let step = 0; step < MAX_STEPS; step++) {
          const next = it.next();
          if (!next) break;
          const details = event.getOccurrenceDetails(next);
          const day = parseDay(dateOf(details.startDate));
          if (day !== undefined && day > last && next.compare(details.startDate) >= 0) break;
          if (day === undefined || day < first || day > last) continue;
          if (++counted > opts.maxOccurrences) {
            out.result.notes.push(`recurring event at line ${line}: only the first ${opts.maxOccurrences} occurrences in range were counted`);
            break;
          }
          occurrence(details.item, details.startDate, details.endDate);
        }
      } catch (e) {
        // ical.js throws plain errors on rules it cannot follow; ours pass through.
        if (e instanceof TiegraphError) throw e;
        log.report("parse-error", `the event could not be expanded: ${e instanceof Error ? e.message : String(e)}`, { line, record: `event at line ${line}` }, "a valid DTSTART, DTEND/DURATION and RRULE");
      }
    }
    if (skippedGroups) out.result.notes.push(`${skippedGroups} group events (more than ${opts.groupSize} other participants) skipped`);
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
  opts.onProgress?.({ read, total: undefined, records: out.result.records });
  checkImport(out.result, log);
  out.result.problems = log.sorted();
  return out.result;
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

/**
 * The weekly plan as an iCalendar file (RFC 5545): one tentative event per
 * proposed slot, to import into any calendar. Written by hand: the format
 * needs only escaping, line folding and CRLF, and core stays dependency-free.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatPlanEntry, type WordingNames } from "../wording/index.js";
import type { WeeklyPlan } from "./weekly-plan.js";

/** Options of {@link planToIcs}. */
export interface PlanIcsOptions {
  /** PRODID of the calendar (default `-//tiegraph//weekly plan//EN`). */
  prodId?: string;
  /**
   * DTSTAMP of every event, the moment the file was made (default: midnight
   * UTC at the start of the plan's week, so the same plan always gives the
   * same file). Pass `new Date()` for the real moment.
   */
  stamp?: Date;
  /** Domain part of each event's UID (default `tiegraph.invalid`). */
  uidDomain?: string;
  /** Write the reasons and the offer into each event's description (default true). */
  includeReasons?: boolean;
  /**
   * How people and organisations are named (`wordingNames(network)` tells
   * same-named people apart). Default: the names on the plan's items, and
   * ids for anyone else.
   */
  names?: WordingNames;
}

/** Defaults of {@link planToIcs}. */
export const DEFAULT_PLAN_ICS_OPTIONS = {
  prodId: "-//tiegraph//weekly plan//EN",
  uidDomain: "tiegraph.invalid",
  includeReasons: true,
} as const;

/**
 * Writes a plan's proposed slots as an iCalendar (RFC 5545) `VCALENDAR`
 * with one `VEVENT` per slotted item: `SUMMARY` "Coffee with Ann", floating
 * local `DTSTART`/`DTEND` (RFC 5545 §3.3.5 form 1: the slot's wall-clock
 * time in whatever zone the calendar opening it is in, like the plan's
 * calendar dates), `STATUS:TENTATIVE` (a proposal), a `UID` stable across
 * runs (week + person), and a `DESCRIPTION` with the reasons and what to
 * offer. TEXT values are escaped (§3.3.11), lines folded at 75 octets
 * without splitting a UTF-8 character (§3.1), and lines end in CRLF.
 * Items without a slot (no room in the schedule) are left out. Notes and
 * confidential data never reach the plan, so they cannot reach the file.
 *
 * @example
 * ```ts
 * const plan = weeklyPlan(network, { week: "2026-10-05" });
 * writeFileSync("plan.ics", planToIcs(plan));
 * ```
 */
export function planToIcs(plan: WeeklyPlan, options: PlanIcsOptions = {}): string {
  const o = { ...DEFAULT_PLAN_ICS_OPTIONS, ...options };
  const stamp = options.stamp ?? new Date(`${plan.week}T00:00:00Z`);
  if (!(stamp instanceof Date) || Number.isNaN(stamp.getTime())) throw new TiegraphError("tiegraph/cadence", "invalid-option", "invalid stamp", { record: "stamp", expected: "a valid Date", got: showValue(options.stamp) });
  if (!/^[A-Za-z0-9.-]+$/.test(o.uidDomain)) throw new TiegraphError("tiegraph/cadence", "invalid-option", "invalid uidDomain", { record: "uidDomain", expected: "a domain name such as example.org", got: showValue(o.uidDomain) });
  const planned = new Map(plan.items.map((i) => [i.person, i.name]));
  const names: WordingNames = options.names ?? { person: (id) => planned.get(id) ?? id, organisation: (id) => id };
  const dtstamp = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${text(o.prodId)}`, "CALSCALE:GREGORIAN"];
  for (const item of plan.items) {
    if (!item.slot) continue;
    const day = item.slot.date.replace(/-/g, "");
    const entry = formatPlanEntry(item, names);
    lines.push(
      "BEGIN:VEVENT",
      `UID:plan-${plan.week}-${encodeURIComponent(item.person)}@${o.uidDomain}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART:${day}T${item.slot.start.replace(":", "")}00`,
      `DTEND:${day}T${item.slot.end.replace(":", "")}00`,
      `SUMMARY:${text(entry.title)}`,
    );
    if (o.includeReasons) lines.push(`DESCRIPTION:${text([...entry.reasons, entry.offer].filter(Boolean).join("\n"))}`);
    lines.push("STATUS:TENTATIVE", "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** Escapes a TEXT value (RFC 5545 §3.3.11); control characters other than tabs and newlines are dropped. */
function text(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

// TextEncoder exists in Node and every browser; core declares it below rather than pulling in the DOM lib.
const encoder = new TextEncoder();

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space (§3.1). */
function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

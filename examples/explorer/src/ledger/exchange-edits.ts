/**
 * From the "Log exchange" form's values to core edits, and from core's
 * problems back to the form's fields. The form checks nothing itself: every
 * value goes to core as typed (a bad date stays a bad date, a bad number
 * becomes NaN), and core's validation (the same as loading a file) says what
 * is wrong, so the rules live in one place.
 */
import { DEFAULT_KIND_VALUES, type Exchange, type ExchangeKind, type NetworkEdit } from "@tiegraph/core";

/** The kinds a person logs by hand (a "connection" comes from imports). */
export const LOGGED_KINDS: readonly ExchangeKind[] = ["information", "favour", "introduction", "meeting", "gesture"];

/** Who gave: you, the other person, or both (a meeting; for other kinds one exchange each way). */
export type Direction = "gave" | "received" | "both";

/** The form's values, as typed. */
export interface LogValues {
  date: string;
  /** Person ids (several for a group meeting). */
  with: string[];
  kind: ExchangeKind;
  direction: Direction;
  /** As typed; "" for the kind's default. */
  value: string;
  /** As typed; "" for none. */
  minutes: string;
  note: string;
  confidential: boolean;
  /** For introductions: the person introduced (an id, "" when none was chosen). */
  introduced: string;
}

/** The form's fields, by the accessible name of each. */
export type LogField = "Date" | "With" | "Kind" | "Direction" | "Value" | "Minutes" | "Note" | "Confidential" | "Introduced to";

/** A number as typed: "" is none, anything else is `Number` of it (NaN when it is not a number, for core to refuse). */
function typedNumber(text: string): number | undefined {
  const t = text.trim();
  return t === "" ? undefined : Number(t);
}

/**
 * The edits that log the form's exchange: one `add-exchange` per person in
 * "With" (both ways for a giving kind with direction "both"); with nobody
 * chosen, one exchange with an empty "with" so that core reports it. The
 * value is left out when it is the kind's default.
 *
 * @example exchangeEdits({ date: "2026-11-30", with: ["ann"], kind: "favour", direction: "received", value: "3", minutes: "", note: "", confidential: false, introduced: "" }, "me")
 * // [{ op: "add-exchange", exchange: { date: "2026-11-30", kind: "favour", from: "ann", to: "me" } }]
 */
export function exchangeEdits(v: LogValues, ego: string): NetworkEdit[] {
  const base = (from: string, to: string): Exchange => {
    const e: Exchange = { date: v.date.trim(), kind: v.kind, from, to };
    const value = typedNumber(v.value);
    if (value !== undefined && value !== DEFAULT_KIND_VALUES[v.kind]) e.value = value;
    const minutes = typedNumber(v.minutes);
    if (minutes !== undefined) e.minutes = minutes;
    if (v.kind === "introduction") e.introduced = v.introduced;
    if (v.note.trim()) e.note = v.note.trim();
    if (v.confidential) e.confidential = true;
    return e;
  };
  const others = v.with.length ? v.with : [""];
  const out: NetworkEdit[] = [];
  for (const other of others) {
    const giving = v.kind !== "meeting";
    if (v.direction === "gave" || (v.direction === "both" && !giving)) out.push({ op: "add-exchange", exchange: base(ego, other) });
    else if (v.direction === "received") out.push({ op: "add-exchange", exchange: base(other, ego) });
    else out.push({ op: "add-exchange", exchange: base(ego, other) }, { op: "add-exchange", exchange: base(other, ego) });
  }
  return out;
}

const FIELD_OF: Record<string, LogField> = {
  date: "Date",
  kind: "Kind",
  from: "With",
  to: "With",
  value: "Value",
  minutes: "Minutes",
  note: "Note",
  confidential: "Confidential",
  introduced: "Introduced to",
};

/**
 * The form field a core problem is about, from its pointer into the list of
 * edits (`/0/exchange/date` → "Date"); undefined for a problem about no field.
 *
 * @example fieldOfPointer("/1/exchange/to") // "With"
 */
export function fieldOfPointer(pointer: string | undefined): LogField | undefined {
  const m = pointer === undefined ? null : /^\/\d+\/(?:exchange|patch)\/([a-z]+)/i.exec(pointer);
  return m ? FIELD_OF[m[1]!] : undefined;
}

/** Today's date in the reader's time zone, as YYYY-MM-DD. */
export function todayText(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

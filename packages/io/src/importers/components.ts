/**
 * Splits vCard and iCalendar text into its top-level components
 * (`BEGIN:VCARD` … `END:VCARD`, `BEGIN:VEVENT` … `END:VEVENT`) with the lines
 * they span, so each is handed to ical.js on its own: a broken card or event
 * is reported with its lines and skipped, and the others still import.
 */
import ICAL from "ical.js";
import { TiegraphError } from "@tiegraph/core";
import { textLines } from "../input/text-source.js";
import type { ProblemLog } from "./options.js";

/** A component's text and the lines it spans (1-based, inclusive). */
export interface ComponentText {
  name: string;
  text: string;
  firstLine: number;
  lastLine: number;
}

/**
 * Reads the components named in `wanted` (upper case, e.g. `VCARD`) wherever
 * they sit (at the top, or inside a VCALENDAR), but not those nested in a
 * wanted one (a VALARM inside a VEVENT stays part of its event). Unbalanced
 * BEGIN/END lines are reported to the log. The name of every component
 * opened, wanted or not, is added to `opened` when given, so a caller can
 * tell a file of another kind (no BEGIN:VCARD at all) from an empty one.
 */
export async function* componentTexts(chunks: AsyncIterable<string>, wanted: ReadonlySet<string>, log: ProblemLog, opened?: Set<string>): AsyncGenerator<ComponentText> {
  const stack: { name: string; line: number }[] = [];
  let current: { name: string; lines: string[]; firstLine: number; depth: number } | undefined;
  for await (const [raw, no] of textLines(chunks)) {
    const m = /^(BEGIN|END):([A-Za-z0-9-]+)\s*$/i.exec(raw);
    if (m) {
      const name = m[2]!.toUpperCase();
      if (m[1]!.toUpperCase() === "BEGIN") {
        opened?.add(name);
        if (current === undefined && wanted.has(name)) current = { name, lines: [], firstLine: no, depth: stack.length };
        stack.push({ name, line: no });
      } else {
        const open = stack.pop();
        if (open === undefined || open.name !== name) {
          log.report("parse-error", `END:${name} without a matching BEGIN${open ? ` (BEGIN:${open.name} at line ${open.line} is still open)` : ""}`, { line: no }, `END:${open?.name ?? "… after a BEGIN"}`);
          if (open !== undefined) stack.push(open);
          continue;
        }
        if (current !== undefined && stack.length === current.depth) {
          current.lines.push(raw);
          yield { name: current.name, text: current.lines.join("\r\n") + "\r\n", firstLine: current.firstLine, lastLine: no };
          current = undefined;
          continue;
        }
      }
    } else if (current === undefined && stack.length === 0 && raw.trim() !== "") {
      log.report("parse-error", "text outside any component", { line: no }, "BEGIN:… to open a component");
      continue;
    }
    if (current !== undefined) current.lines.push(raw);
  }
  if (current !== undefined) log.report("parse-error", `BEGIN:${current.name} is never closed`, { line: current.firstLine }, `END:${current.name}`);
  else if (stack.length) log.report("parse-error", `BEGIN:${stack[0]!.name} is never closed`, { line: stack[0]!.line }, `END:${stack[0]!.name}`);
}

/**
 * Parses one component with ical.js; its errors (which carry no line) become
 * a `parse-error` naming the component's lines.
 */
export function parseComponent(c: ComponentText, log: ProblemLog): ICAL.Component | undefined {
  try {
    const parsed = ICAL.parse(c.text) as unknown;
    const jcal = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    const comp = new ICAL.Component(jcal as unknown[]);
    // ical.js decodes values lazily; decode them all now so a bad value is reported here, with its lines.
    const decode = (x: ICAL.Component): void => {
      for (const p of x.getAllProperties()) p.getValues();
      for (const sub of x.getAllSubcomponents()) decode(sub);
    };
    decode(comp);
    return comp;
  } catch (e) {
    if (e instanceof TiegraphError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    log.report("parse-error", `${c.name} on lines ${c.firstLine}-${c.lastLine} could not be read: ${message}`, { line: c.firstLine, record: `${c.name} at line ${c.firstLine}` }, `a valid ${c.name === "VCARD" ? "vCard (RFC 6350 / 2426)" : "iCalendar component (RFC 5545)"}`);
    return undefined;
  }
}

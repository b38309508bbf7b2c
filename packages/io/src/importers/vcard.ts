/**
 * vCard files (.vcf), versions 3.0 (RFC 2426) and 4.0 (RFC 6350), as phones
 * and mail programs export address books: several cards per file, folded
 * lines, escaped commas and semicolons, several EMAIL lines, ORG and TITLE.
 * ical.js does the parsing.
 */
import type ICAL from "ical.js";
import type { Person } from "@tiegraph/core";
import { textChunks, type TextSource } from "../input/text-source.js";
import { componentTexts, parseComponent } from "./components.js";
import { IdAllocator, slugId } from "./ids.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, type ImportOptions } from "./options.js";
import { normaliseEmail } from "../merge/identity.js";

/** Options of {@link importVCard}. */
export interface VCardOptions extends ImportOptions {
  /** Keep each card's NOTE as the person's private notes (default true; notes are never exported unless asked). */
  notes?: boolean;
}

/** Defaults of {@link importVCard}. */
export const DEFAULT_VCARD_OPTIONS: Readonly<VCardOptions> = { ...DEFAULT_IMPORT_OPTIONS, notes: true };

const WANTED = new Set(["VCARD"]);

/**
 * Reads a vCard file. Each card becomes a person: the name from FN (or N),
 * every EMAIL, the first URL on linkedin.com (else the first URL), CATEGORIES
 * as tags, NOTE as private notes; ORG (its first part, the organisation) and
 * TITLE give a current affiliation. A card that cannot be read, or has no
 * name, is skipped and listed with its lines. A file without any
 * BEGIN:VCARD line is not an address book: `invalid-format` is thrown.
 *
 * @example
 * ```ts
 * const cards = await importVCard("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nORG:Acme\\, Inc.\r\nEND:VCARD\r\n");
 * cards.people[0].name; // "Ann Lee"; cards.organisations[0].name === "Acme, Inc."
 * ```
 */
export async function importVCard(source: TextSource, options: VCardOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_VCARD_OPTIONS, ...options };
  const log = new ProblemLog("tiegraph/io/vcard", opts.file, opts.strict, opts.maxProblems);
  const out = new ImportBuilder("vcard", opts.file, true);
  const ids = new IdAllocator();
  let read = 0;
  const onRead = (r: number): void => {
    read = r;
  };
  const opened = new Set<string>();
  for await (const card of componentTexts(textChunks(source, onRead), WANTED, log, opened)) {
    out.result.records++;
    opts.onProgress?.({ read, total: undefined, records: out.result.records });
    const comp = parseComponent(card, log);
    if (!comp) continue;
    const place = { line: card.firstLine, record: `vCard at line ${card.firstLine}` };
    const name = out.name(cardName(comp), "name", card.firstLine, place.record);
    if (name === "") {
      log.report("missing-field", "card without a name", place, "an FN or N line");
      continue;
    }
    const person: Person = { id: ids.take(slugId(name, "contact")), name };
    const emails = [...new Set(texts(comp, "email").map((e) => e.replace(/^mailto:/i, "").trim()).filter((e) => normaliseEmail(e) !== ""))];
    if (emails.length) person.emails = emails;
    const urls = texts(comp, "url");
    const url = urls.find((u) => /linkedin\.com\//i.test(u)) ?? urls[0];
    if (url) person.url = url;
    const tags = comp.getAllProperties("categories").flatMap((p) => p.getValues().map(String)).map((t) => t.trim()).filter((t) => t !== "");
    if (tags.length) person.tags = [...new Set(tags)];
    const note = texts(comp, "note").join("\n").trim();
    if (note && opts.notes) person.notes = note;
    out.person(person, card.firstLine);
    const org = out.name(organisationName(comp), "organisation", card.firstLine, place.record);
    if (org) {
      const title = out.name(texts(comp, "title")[0] ?? "", "role", card.firstLine, place.record);
      const a = { person: person.id, organisation: out.organisation(org, card.firstLine) };
      out.affiliation(title ? { ...a, role: title } : a, card.firstLine);
    }
  }
  opts.onProgress?.({ read, total: undefined, records: out.result.records });
  if (!opened.has("VCARD")) log.fatal("invalid-format", "not a vCard file: no BEGIN:VCARD line", { line: 1 }, "cards from BEGIN:VCARD to END:VCARD");
  checkImport(out.result, log);
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

/** Every value of a property as trimmed text (structured values joined; a `\;` ical.js leaves escaped in vCard 3 text is unescaped). */
function texts(comp: ICAL.Component, prop: string): string[] {
  return comp
    .getAllProperties(prop)
    .flatMap((p) => p.getValues().map((v) => decoded(p, v)))
    .map((v) => (Array.isArray(v) ? v.join(" ") : String(v ?? "")).replace(/\\;/g, ";").trim())
    .filter((v) => v !== "");
}

/**
 * A value as written, or decoded when the property says
 * `ENCODING=QUOTED-PRINTABLE` (vCard 2.1's encoding, which phones and older
 * address books still write for notes and non-ASCII names): `=C3=A9` is
 * the byte 0xC3 then 0xA9, read in the property's CHARSET (default UTF-8).
 */
function decoded(p: ICAL.Property, v: unknown): unknown {
  const encoding = p.getParameter("encoding");
  if (typeof encoding !== "string" || encoding.toLowerCase() !== "quoted-printable") return v;
  const charset = p.getParameter("charset");
  const decode = (text: unknown): unknown => (typeof text === "string" ? quotedPrintable(text, typeof charset === "string" ? charset : "utf-8") : text);
  return Array.isArray(v) ? v.map((x) => (Array.isArray(x) ? x.map(decode) : decode(x))) : decode(v);
}

/** Decodes quoted-printable text (RFC 2045 §6.7): runs of `=XX` escapes are bytes in `charset`; `=` ends a soft line break. */
function quotedPrintable(text: string, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return text
    .replace(/=(\r?\n|$)/g, "")
    .replace(/(?:=[0-9A-Fa-f]{2})+/g, (run) => decoder.decode(Uint8Array.from(run.slice(1).split("="), (h) => parseInt(h, 16))))
    .replace(/\r\n?/g, "\n");
}

function cardName(comp: ICAL.Component): string {
  const fn = texts(comp, "fn")[0];
  if (fn) return fn;
  // N is family;given;additional;prefix;suffix
  const nProp = comp.getFirstProperty("n");
  const n = nProp ? decoded(nProp, nProp.getFirstValue()) : undefined;
  if (Array.isArray(n)) {
    const parts = n.map((x) => (Array.isArray(x) ? x.join(" ") : String(x ?? "")).trim());
    return [parts[3], parts[1], parts[2], parts[0], parts[4]].filter((x) => x).join(" ");
  }
  return typeof n === "string" ? n.trim() : "";
}

/** ORG is organisation;unit;…: the first part names the organisation. */
function organisationName(comp: ICAL.Component): string {
  const orgProp = comp.getFirstProperty("org");
  const v = orgProp ? decoded(orgProp, orgProp.getFirstValue()) : undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return (Array.isArray(first) ? String(first[0] ?? "") : String(first ?? "")).trim();
}

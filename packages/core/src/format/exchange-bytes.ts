/**
 * The exchanges array of a network file read straight from its bytes into
 * {@link ExchangeRows}: no text of the whole file, no object per exchange.
 * Each record's fields are read into one reused record and checked by the
 * same rules as a parsed file's (`ExchangeRows.add` runs the model's
 * `exchangeOf`); person ids, dates, kinds, formats and tags repeat across a
 * million records, so each distinct one is decoded once (looked up by its
 * bytes).
 *
 * Only what a tiegraph file holds is read here: an array of objects whose
 * keys are exchange fields, each once, with values of the field's type. The
 * first record written any other way (another key, a key twice, a value of
 * another type, `null`, a number JSON does not allow), or any record a rule
 * refuses, stops the reading: the caller then reads the file the general
 * way, whose errors name the line and record (see network-bytes.ts).
 */
import { ExchangeRows } from "../model/exchange-rows.js";
import type { Exchange } from "../model/types.js";
import { NO_ID, type PersonRef } from "../model/validate.js";
import { ByteTable, FNV_BASIS, FNV_PRIME } from "./byte-table.js";
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-bytes.js";

const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** The fields an exchange record may have, by code (a bit each, to find one named twice). */
const FIELDS = ["id", "date", "kind", "from", "to", "value", "minutes", "format", "introduced", "tags", "note", "confidential"] as const;
const FIELD_BYTES = FIELDS.map((f) => Array.from(f, (c) => c.charCodeAt(0)));

/** What the rules are given as the giver, receiver and introduced person of a record (see `ExchangeReader.ref`). */
const PERSON_MARKS: readonly string[] = ["\u0000from", "\u0000to", "\u0000introduced"];

const [ID, DATE, KIND, FROM, TO, VALUE, MINUTES, FORMAT, INTRODUCED, TAGS, NOTE, CONFIDENTIAL] = FIELDS.map((_, f) => f) as [number, number, number, number, number, number, number, number, number, number, number, number];

/** The exchanges read, and one past the array's closing bracket. */
export interface ExchangeBytesRead {
  rows: ExchangeRows;
  end: number;
}

/**
 * Reads the array of exchange records whose `[` is at `start` into
 * {@link ExchangeRows} (see the module comment for what is read); undefined
 * as soon as a record is not written as a tiegraph file writes it or breaks
 * one of the model's rules, which the general reading then reports.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('[{"date": "2024-03-01", "kind": "favour", "from": "ann", "to": "me"}]');
 * readExchangeBytes(bytes, 0, "net.json")?.rows.length; // 1
 * readExchangeBytes(new TextEncoder().encode('[{"date": null}]'), 0); // undefined
 * ```
 */
export function readExchangeBytes(bytes: Uint8Array, start: number, file?: string): ExchangeBytesRead | undefined {
  return new ExchangeReader(bytes, file).read(start);
}

/** Not a value of the field's type, or not JSON: the record is left to the general reading. */
const NOT_READ = Symbol("not read");

/** The reading of one exchanges array; `i` is where it is in the bytes. */
class ExchangeReader {
  private i = 0;
  /** One past the closing quote of the string scanned last, its bytes' hash, and whether it has escapes. */
  private stringEnd = 0;
  private stringHash = 0;
  private escaped = false;
  private readonly n: number;
  /** Texts that repeat (dates, kinds, formats, tags), each decoded once, by number. */
  private readonly texts: string[] = [];
  private readonly shared: ByteTable;
  /** Person ids: their position in the rows' people. */
  private readonly ids: ByteTable;
  private readonly decoder = new TextDecoder();
  private readonly rows: ExchangeRows;
  /** One record for every exchange, every field present (absent ones undefined), so that it keeps one shape. */
  private readonly fields: Record<(typeof FIELDS)[number], unknown> = { id: undefined, date: undefined, kind: undefined, from: undefined, to: undefined, value: undefined, minutes: undefined, format: undefined, introduced: undefined, tags: undefined, note: undefined, confidential: undefined };
  /** The same record, as the rules read it. */
  private readonly record = this.fields as unknown as Exchange;
  /** The positions in the rows' people of the record's giver, receiver and introduced person. */
  private readonly numbers = new Int32Array(3);
  /**
   * The record's people are given to the rules as {@link PERSON_MARKS}, which
   * this resolves to the positions read (the rules compare people by
   * position; they need an id's text only to word a problem, and a problem
   * ends this reading anyway).
   */
  private readonly ref: PersonRef = (id) => {
    const p = PERSON_MARKS.indexOf(id as string);
    return p < 0 ? NO_ID : this.numbers[p]!;
  };

  constructor(
    private readonly bytes: Uint8Array,
    file: string | undefined,
  ) {
    this.n = bytes.length;
    this.rows = new ExchangeRows(file, 1 << 14);
    this.shared = new ByteTable((_, from, to) => this.texts.push(this.decoder.decode(bytes.subarray(from, to))) - 1);
    this.ids = new ByteTable((_, from, to) => this.rows.personNumber(this.decoder.decode(bytes.subarray(from, to))));
  }

  read(start: number): ExchangeBytesRead | undefined {
    const { bytes, record, rows } = this;
    this.i = start;
    if (bytes[this.i] !== OPEN_BRACKET) return undefined;
    this.i++;
    this.space();
    if (bytes[this.i] === CLOSE_BRACKET) return { rows, end: this.i + 1 };
    for (;;) {
      if (bytes[this.i] !== OPEN_BRACE) return undefined;
      this.i++;
      const r = this.fields;
      r.id = r.value = r.minutes = r.format = r.introduced = r.tags = r.note = r.confidential = undefined;
      r.date = r.kind = r.from = r.to = undefined;
      let seen = 0;
      this.space();
      if (bytes[this.i] !== CLOSE_BRACE) {
        for (;;) {
          if (bytes[this.i] !== QUOTE || !this.scanString() || this.escaped) return undefined;
          const f = this.fieldAt();
          if (f < 0 || seen & (1 << f)) return undefined;
          seen |= 1 << f;
          this.i = this.stringEnd;
          this.space();
          if (bytes[this.i] !== COLON) return undefined;
          this.i++;
          this.space();
          const value = this.value(f);
          if (value === NOT_READ) return undefined;
          // a named store to each property (a keyed store per field would be far slower)
          switch (f) {
            case ID:
              r.id = value;
              break;
            case DATE:
              r.date = value;
              break;
            case KIND:
              r.kind = value;
              break;
            case FROM:
              r.from = value;
              break;
            case TO:
              r.to = value;
              break;
            case VALUE:
              r.value = value;
              break;
            case MINUTES:
              r.minutes = value;
              break;
            case FORMAT:
              r.format = value;
              break;
            case INTRODUCED:
              r.introduced = value;
              break;
            case TAGS:
              r.tags = value;
              break;
            case NOTE:
              r.note = value;
              break;
            default:
              r.confidential = value;
          }
          this.space();
          const c = bytes[this.i];
          this.i++;
          if (c === COMMA) this.space();
          else if (c === CLOSE_BRACE) break;
          else return undefined;
        }
      } else this.i++;
      if (rows.add(record, 0, this.ref).length > 0) return undefined;
      this.space();
      const c = bytes[this.i];
      this.i++;
      if (c === COMMA) this.space();
      else if (c === CLOSE_BRACKET) return { rows, end: this.i };
      else return undefined;
    }
  }

  /** The value of field `f` at `i` (moving past it), of the field's type, or {@link NOT_READ}. */
  private value(f: number): unknown {
    const bytes = this.bytes;
    const c = bytes[this.i];
    switch (f) {
      case VALUE:
      case MINUTES:
        return this.number();
      case CONFIDENTIAL:
        if (c === 0x74 && this.literal("true")) return true;
        if (c === 0x66 && this.literal("false")) return false;
        return NOT_READ;
      case TAGS: {
        if (c !== OPEN_BRACKET) return NOT_READ;
        this.i++;
        this.space();
        const tags: string[] = [];
        if (bytes[this.i] === CLOSE_BRACKET) {
          this.i++;
          return tags;
        }
        for (;;) {
          if (bytes[this.i] !== QUOTE || !this.scanString()) return NOT_READ;
          const tag = this.text(true);
          if (tag === undefined) return NOT_READ;
          tags.push(tag);
          this.space();
          const d = bytes[this.i];
          this.i++;
          if (d === COMMA) this.space();
          else if (d === CLOSE_BRACKET) return tags;
          else return NOT_READ;
        }
      }
      case FROM:
      case TO:
      case INTRODUCED: {
        // an id with escapes, or empty, is left to the general reading
        if (c !== QUOTE || !this.scanString() || this.escaped || this.stringEnd === this.i + 2) return NOT_READ;
        const p = f === FROM ? 0 : f === TO ? 1 : 2;
        this.numbers[p] = this.ids.get(this.bytes, this.i + 1, this.stringEnd - 1, this.stringHash);
        this.i = this.stringEnd;
        return PERSON_MARKS[p];
      }
      case DATE:
      case KIND:
      case FORMAT:
        if (c !== QUOTE || !this.scanString()) return NOT_READ;
        return this.text(true) ?? NOT_READ;
      default:
        // id and note: text seldom repeated
        if (c !== QUOTE || !this.scanString()) return NOT_READ;
        return this.text(false) ?? NOT_READ;
    }
  }

  private space(): void {
    const bytes = this.bytes;
    let i = this.i;
    for (;;) {
      const c = bytes[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** Scans the string whose opening quote is at `i` (hashing its bytes, FNV-1a); false when the bytes end first or hold a control character. */
  private scanString(): boolean {
    const { bytes, n } = this;
    let h = FNV_BASIS;
    let j = this.i + 1;
    let escaped = false;
    for (;;) {
      if (j >= n) return false;
      const c = bytes[j]!;
      if (c === QUOTE) break;
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        escaped = true;
        j += 2;
        continue;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
    }
    this.stringEnd = j + 1;
    this.stringHash = h | 0;
    this.escaped = escaped;
    return true;
  }

  /** The scanned string's text (looked up among the shared texts when `shared` and it has no escapes), moving past it; undefined when its escapes are not JSON's. */
  private text(shared: boolean): string | undefined {
    const from = this.i;
    this.i = this.stringEnd;
    if (this.escaped) {
      try {
        return JSON.parse(this.decoder.decode(this.bytes.subarray(from, this.stringEnd))) as string;
      } catch {
        return undefined;
      }
    }
    if (shared) return this.texts[this.shared.get(this.bytes, from + 1, this.stringEnd - 1, this.stringHash)]!;
    return this.decoder.decode(this.bytes.subarray(from + 1, this.stringEnd - 1));
  }

  /** The JSON number at `i`, moving past it; {@link NOT_READ} when the bytes there are not one. */
  private number(): number | typeof NOT_READ {
    const { bytes, n } = this;
    const from = this.i;
    let j = from;
    if (bytes[j] === MINUS) j++;
    const intStart = j;
    let whole = 0;
    for (let c = bytes[j]!; j < n && c >= ZERO && c <= NINE; c = bytes[++j]!) whole = whole * 10 + (c - ZERO);
    const digits = j - intStart;
    if (digits === 0 || (digits > 1 && bytes[intStart] === ZERO)) return NOT_READ;
    let simple = digits <= 15;
    if (bytes[j] === DOT) {
      simple = false;
      const f = ++j;
      while (j < n && bytes[j]! >= ZERO && bytes[j]! <= NINE) j++;
      if (j === f) return NOT_READ;
    }
    if (bytes[j] === 0x65 || bytes[j] === 0x45) {
      simple = false;
      j++;
      if (bytes[j] === 0x2b || bytes[j] === MINUS) j++;
      const e = j;
      while (j < n && bytes[j]! >= ZERO && bytes[j]! <= NINE) j++;
      if (j === e) return NOT_READ;
    }
    this.i = j;
    if (simple) return bytes[from] === MINUS ? -whole : whole;
    // the same correctly rounded conversion JSON.parse makes
    return Number(this.decoder.decode(bytes.subarray(from, j)));
  }

  /** Which field the scanned key at `i` names (by code), or -1. */
  private fieldAt(): number {
    const bytes = this.bytes;
    const from = this.i + 1;
    const len = this.stringEnd - 1 - from;
    for (let f = 0; f < FIELD_BYTES.length; f++) {
      const name = FIELD_BYTES[f]!;
      if (name.length !== len) continue;
      let k = 0;
      while (k < len && bytes[from + k] === name[k]) k++;
      if (k === len) return f;
    }
    return -1;
  }

  private literal(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.bytes[this.i + k] !== word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }
}

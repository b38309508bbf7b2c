/**
 * Exchanges read from a file straight into columns: each row is checked by
 * the model's rules as it is read (the same `exchangeOf` that checks a batch),
 * then kept as numbers (day, kind, value, minutes, flags) with its people as
 * positions in a list of ids, so a million rows make no object per row and
 * are checked once. The rules that depend on the network and the rest of the
 * batch (who the ids name, duplicate ids, formats) run when the rows are
 * applied: `network.apply(batch, { rows: [rows] })`.
 */
import { showValue, type Problem } from "../errors.js";
import { formatDay } from "./dates.js";
import { idHash } from "./id-index.js";
import { FLAG_CONFIDENTIAL, FLAG_EXPLICIT_VALUE, type ExchangeExtras, type StagedExchange, type StagedExchanges } from "./exchange-store.js";
import { DEFAULT_KIND_VALUES, EXCHANGE_KINDS, type Exchange } from "./types.js";
import { NO_ID, SharedTags, exchangeOf, formatRule, idRule, introducedRule, partiesRule, type ExchangeRowsPart, type NetworkLookup, type PersonRef, type Report } from "./validate.js";

/** Shared extras records the rows keep one entry for, at most (as many as {@link SharedTags} shares). */
const MAX_SHARED_EXTRAS = 10_000;

/** Each kind's default value, by its code. */
const KIND_VALUES = EXCHANGE_KINDS.map((k) => DEFAULT_KIND_VALUES[k]);

/** A network with nothing in it: rows are checked among themselves as they are read. */
const NOTHING: NetworkLookup = { personCount: 0, organisationCount: 0, formats: [""], findPerson: () => -1, findOrganisation: () => -1, findExchange: () => -1 };

/**
 * Ids numbered in the order they are first seen. A million rows name a
 * hundred thousand people two million times; a `Map` reaches each id through
 * its bucket, its entry and the id's string, scattered over the heap (cache
 * misses that dominated reading). Here the ids' characters are packed in one
 * array, and an open-addressing table in another holds each id's hash beside
 * its number (as core's IdIndex, but growing as ids come).
 */
class IdNumbers {
  private count = 0;
  private chars = new Uint16Array(1 << 12);
  private used = 0;
  private start: Int32Array<ArrayBuffer> = new Int32Array(256);
  private length: Int32Array<ArrayBuffer> = new Int32Array(256);
  /** Pairs [hash, number + 1]; 0 marks an empty slot. */
  private slots = new Int32Array(1024);
  private mask = 511;

  /** The number of `id` (the next one when it is new). */
  number(id: string): number {
    const n = id.length;
    const h = idHash(id);
    const { slots, mask, chars } = this;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const v = slots[2 * s + 1]!;
      if (v === 0) break;
      if (slots[2 * s] !== h || this.length[v - 1] !== n) continue;
      const at = this.start[v - 1]!;
      let i = 0;
      while (i < n && chars[at + i] === id.charCodeAt(i)) i++;
      if (i === n) return v - 1;
    }
    return this.add(id, h, s);
  }

  private add(id: string, h: number, slot: number): number {
    const k = this.count++;
    if (k === this.start.length) {
      this.start = grown(this.start, k * 2);
      this.length = grown(this.length, k * 2);
    }
    if (this.used + id.length > this.chars.length) {
      const more = new Uint16Array(Math.max(this.chars.length * 2, this.used + id.length));
      more.set(this.chars);
      this.chars = more;
    }
    for (let i = 0; i < id.length; i++) this.chars[this.used + i] = id.charCodeAt(i);
    this.start[k] = this.used;
    this.length[k] = id.length;
    this.used += id.length;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = k + 1;
    // at most half full, so a probe ends soon
    if (this.count * 2 > this.mask + 1) this.rehash();
    return k;
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let s = old[j]! & this.mask;
      while (this.slots[2 * s + 1] !== 0) s = (s + 1) & this.mask;
      this.slots[2 * s] = old[j]!;
      this.slots[2 * s + 1] = old[j + 1]!;
    }
  }
}

function grown(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** The columns of a set of rows (shared between an {@link ExchangeRows} and its copies with people renamed). */
type Columns = Omit<ExchangeRowsParts, "file" | "ids" | "tried" | "seenIds" | "seenFormats">;

/** The extras of row `i`, if any. */
function extrasAt(c: Columns, i: number): ExchangeExtras | undefined {
  const x = c.extra[i]!;
  return x === 0 ? undefined : c.extras[x - 1];
}

/** A typed array's constructor, as the columns use them. */
type ColumnType<T> = { new (buffer: ArrayBuffer | SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/** A column of `cap` rows, in memory of its own or shared between threads. */
function column<T>(type: ColumnType<T>, cap: number, shared: boolean): T {
  const bytes = cap * type.BYTES_PER_ELEMENT;
  return new type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

function emptyColumns(cap: number, shared: boolean): Columns {
  const col = <T>(type: ColumnType<T>): T => column(type, cap, shared);
  return { n: 0, from: col(Int32Array), to: col(Int32Array), day: col(Int32Array), kind: col(Uint8Array), value: col(Float64Array), minutes: col(Float32Array), flags: col(Uint8Array), format: col(Uint8Array), formats: [""], extra: col(Int32Array), extras: [], line: col(Int32Array) };
}

/** {@link ExchangeRows} as plain data ({@link ExchangeRows.toParts}), to send to another thread. */
export interface ExchangeRowsParts {
  file: string | undefined;
  /** Rows kept (every column holds at least this many). */
  n: number;
  from: Int32Array;
  to: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  value: Float64Array;
  minutes: Float32Array;
  flags: Uint8Array;
  /** Format code: index into `formats` (0: none). */
  format: Uint8Array;
  formats: string[];
  /**
   * Where each row's extras are in `extras` plus one (0: none). A list with
   * an entry for every row grew (and was copied) a million entries long for
   * the few rows that have extras.
   */
  extra: Int32Array;
  /**
   * Id, note, tags and the introduced person (a position in the people list),
   * of the rows that have any; rows with the same shared record (tags alone)
   * point at one entry.
   */
  extras: ExchangeExtras[];
  /**
   * `JSON.stringify(extras)`, when the extras came as that text (from the
   * thread that read them) and `extras` are its objects as `JSON.parse` made
   * them: a columnar copy of a network that holds those very objects takes
   * each one's text from it rather than writing it again (see
   * `encodeNetworkColumnsParts`).
   */
  extrasText?: string;
  line: Int32Array;
  /** The person ids the rows name, in the order they were first named. */
  ids: string[];
  /** Rows tried, kept or not (the position of the next one in problem pointers). */
  tried: number;
  /** Explicit exchange ids and formats the rules have seen, refused rows' included (a later row reusing an id is a duplicate). */
  seenIds: string[];
  seenFormats: string[];
}

/**
 * Exchanges read row by row into columns, each checked by the model's rules
 * as it is added. Rows that break a rule are not kept: {@link add} returns
 * their problems (pointer `/exchanges/<k>/…`, k counting every row added).
 *
 * @example
 * ```ts
 * const rows = new ExchangeRows("ex.csv");
 * rows.add({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" }, 2); // []
 * rows.add({ date: "2024-03-02", kind: "favour", from: "ann", to: "ann" }, 3); // [{ code: "self-exchange", line: 3, ... }]
 * network.apply({ people: [{ id: "ann", name: "Ann" }, { id: "me", name: "Me" }] }, { rows: [rows] });
 * ```
 */
export class ExchangeRows implements ExchangeRowsPart {
  private c: Columns;
  private readonly ids: string[];
  /** While rows are added: person id → position in `ids`; formats → code; the rules' state. */
  private readonly numbers = new IdNumbers();
  private readonly formatCodes = new Map<string, number>([["", 0]]);
  private readonly newIds = new Set<string>();
  private readonly newFormats = new Set<string>();
  private readonly tags = new SharedTags();
  /**
   * Where each shared extras record (tags alone: {@link SharedTags} gives
   * equal lists one record) is in the extras list: rows with the same one
   * point at one entry, so the list holds each once and a structured clone
   * of the rows ({@link toParts}) sends a few records, not a reference per row.
   */
  private readonly sharedAt = new Map<ExchangeExtras, number>();
  private readonly found: Problem[] = [];
  private tried = 0;
  private line = 0;
  private readonly report: Report;
  /** How many of {@link ids} the number table holds (rows rebuilt from parts number theirs when first asked). */
  private numbered = 0;
  private readonly number = (id: unknown): number => {
    if (typeof id !== "string" || id === "") return NO_ID;
    if (this.numbered < this.ids.length) {
      for (let k = this.numbered; k < this.ids.length; k++) this.numbers.number(this.ids[k]!);
    }
    const n = this.numbers.number(id);
    if (n === this.ids.length) this.ids.push(id);
    this.numbered = this.ids.length;
    return n;
  };

  /**
   * @param file The file the rows are read from (named by every problem).
   * @param capacity Rows room is made for at first.
   * @param shared Keep the columns in `SharedArrayBuffer`s: another thread
   * given the rows ({@link ExchangeRows.toParts}) reads the same memory,
   * and this thread can go on reading the rows (nothing is moved or copied).
   */
  constructor(
    readonly file?: string,
    capacity = 1024,
    private readonly shared = false,
  ) {
    this.c = emptyColumns(Math.max(1, capacity), shared);
    this.ids = [];
    this.report = (code, message, record, pointer, expected, ...got) => {
      const p: Problem = { code, message, record };
      if (pointer !== undefined) p.pointer = pointer;
      if (this.file !== undefined) p.file = this.file;
      p.line = this.line;
      if (expected !== undefined) p.expected = expected;
      if (got.length) p.got = showValue(got[0]);
      this.found.push(p);
    };
  }

  /**
   * The position of a person id in {@link people} (added when new), as the
   * rows refer to it; {@link NO_ID} for an empty id.
   *
   * @example new ExchangeRows().personNumber("ann") // 0
   */
  personNumber(id: string): number {
    return this.number(id);
  }

  /** Number of rows kept. */
  get length(): number {
    return this.c.n;
  }

  /** The person ids the rows name; rows hold positions in this list. */
  get people(): readonly string[] {
    return this.ids;
  }

  /**
   * Checks an exchange read at `line` with the model's rules (all but those
   * that depend on a network: who the ids name) and keeps it when it passes.
   * Returns its problems (empty when kept). `ref` gives the position in
   * {@link people} of an id the reader has already looked up (it must answer
   * as {@link personNumber} does, and name no id that does not resolve there).
   */
  add(e: Exchange, line: number, ref: PersonRef = this.number): Problem[] {
    const k = this.tried++;
    this.line = line;
    const s = exchangeOf(e, k, NOTHING, this.newIds, ref, this.report, this.found, true, this.tags);
    if (s === undefined || !formatRule(e.format ?? "", NOTHING, this.newFormats, () => `exchange #${k}`, k, this.report)) {
      const out = [...this.found];
      this.found.length = 0;
      return out;
    }
    this.push(s, line);
    return [];
  }

  /**
   * Makes room for `rows` rows in all, so that adding up to that many copies
   * no column again (a reader that can tell about how many rows a file holds
   * calls it once; by default the room doubles as rows come). Never shrinks.
   *
   * @example const rows = new ExchangeRows("ex.csv"); rows.reserve(1_000_000);
   */
  reserve(rows: number): void {
    if (rows > this.c.from.length) this.grow(Math.ceil(rows));
  }

  /**
   * Keeps a row that a reader has read and judged itself, as {@link add}
   * keeps it, without building a record for the rules: people `from` and
   * `to` (positions in {@link people}, from {@link personNumber}, asked for
   * in that order, and not the same person), `day` a day number and `kind`
   * a kind's code, both read from good texts; `value` and `minutes` (-1:
   * none) finite and ≥ 0, as read; `format` ("" for none), `tags` (a good,
   * non-empty list, or undefined) and `note` as read. A row with an id or an
   * introduced person is not kept this way. False, keeping nothing, when the
   * format is not one a kept row already has (only {@link add} judges a new
   * format): the caller then hands the row to {@link add}.
   *
   * @example
   * ```ts
   * const rows = new ExchangeRows("ex.csv");
   * rows.add({ date: "2024-03-01", kind: "meeting", from: "ann", to: "me", format: "coffee" }, 2); // []
   * rows.addRead(rows.personNumber("bob"), rows.personNumber("ann"), parseDay("2024-03-02")!, KIND_CODE.meeting, -1, 30, false, "coffee", undefined, undefined, 3); // true
   * rows.record(1); // { date: "2024-03-02", from: "bob", to: "ann", kind: "meeting", minutes: 30, format: "coffee" }
   * ```
   */
  addRead(from: number, to: number, day: number, kind: number, value: number, minutes: number, confidential: boolean, format: string, tags: readonly string[] | undefined, note: string | undefined, line: number): boolean {
    const code = this.formatCodes.get(format);
    if (code === undefined) return false;
    this.tried++;
    let extras: ExchangeExtras | undefined;
    // the extras exchangeOf makes: tags alone shared, a note with its own record (its tags shared)
    if (note !== undefined) {
      extras = { note };
      if (tags !== undefined) extras.tags = this.tags.list(tags);
    } else if (tags !== undefined) extras = this.tags.alone(tags);
    const explicit = value >= 0;
    this.keep(from, to, day, kind, explicit ? value : KIND_VALUES[kind]!, explicit, minutes >= 0 ? minutes : NaN, confidential, code, extras, line);
    return true;
  }

  private push(s: StagedExchange, line: number): void {
    let code = this.formatCodes.get(s.format);
    if (code === undefined) {
      code = this.c.formats.length;
      this.c.formats.push(s.format);
      this.formatCodes.set(s.format, code);
    }
    this.keep(s.from, s.to, s.day, s.kind, s.value, s.explicit, s.minutes, s.confidential, code, s.extras, line);
  }

  /** Appends a row to the columns (`format` a code of {@link formatCodes}). */
  private keep(from: number, to: number, day: number, kind: number, value: number, explicit: boolean, minutes: number, confidential: boolean, format: number, ex: ExchangeExtras | undefined, line: number): void {
    let c = this.c;
    if (c.n === c.from.length) c = this.grow(Math.max(16, c.n * 2));
    const i = c.n++;
    c.from[i] = from;
    c.to[i] = to;
    c.day[i] = day;
    c.kind[i] = kind;
    c.value[i] = value;
    c.minutes[i] = minutes;
    c.flags[i] = (confidential ? FLAG_CONFIDENTIAL : 0) | (explicit ? FLAG_EXPLICIT_VALUE : 0);
    c.format[i] = format;
    if (ex === undefined) c.extra[i] = 0;
    else if (ex.id === undefined && ex.note === undefined && ex.introduced === undefined) {
      let at = this.sharedAt.get(ex);
      if (at === undefined) {
        at = c.extras.push(ex);
        // as many as SharedTags shares (past that, each row's record is its own: a map of them would only grow)
        if (this.sharedAt.size < MAX_SHARED_EXTRAS) this.sharedAt.set(ex, at);
      }
      c.extra[i] = at;
    } else c.extra[i] = c.extras.push(ex);
    c.line[i] = line;
  }

  private grow(cap: number): Columns {
    const c = this.c;
    const g = <T extends Int32Array | Uint8Array | Float64Array | Float32Array>(a: T): T => {
      const b = column(a.constructor as unknown as ColumnType<T>, cap, this.shared);
      b.set(a);
      return b;
    };
    this.c = { ...c, from: g(c.from), to: g(c.to), day: g(c.day), kind: g(c.kind), value: g(c.value), minutes: g(c.minutes), flags: g(c.flags), format: g(c.format), extra: g(c.extra), line: g(c.line) };
    return this.c;
  }

  /** File and line row `i` was read at. */
  place(i: number): { file?: string; line?: number } {
    const out: { file?: string; line?: number } = {};
    if (this.file !== undefined) out.file = this.file;
    const line = this.c.line[i]!;
    if (line > 0) out.line = line;
    return out;
  }

  /** Line row `i` was read at. */
  lineOf(i: number): number {
    return this.c.line[i]!;
  }

  /** Scratch for {@link row}: one record, rewritten for each row. */
  private readonly scratch: StagedExchange = { from: -1, to: -1, day: 0, kind: 0, value: 0, explicit: false, minutes: NaN, confidential: false, format: "", extras: undefined };
  private at = 0;
  private atId: string | undefined;
  private readonly rec = (): string => (this.atId !== undefined ? `exchange ${showValue(this.atId)}` : `exchange #${this.at}`);

  /** See {@link ExchangeRowsPart.row}: the rules that depend on the network and the batch, then row `i` staged. */
  row(i: number, refs: readonly number[], network: NetworkLookup, newIds: Set<string>, newFormats: Set<string>, k: number, report: Report, problems: readonly Problem[]): StagedExchange | undefined {
    const c = this.c;
    const before = problems.length;
    const f = c.from[i]!;
    const t = c.to[i]!;
    const from = refs[f]!;
    const to = refs[t]!;
    const extras = extrasAt(c, i);
    this.at = k;
    this.atId = extras?.id;
    if (extras?.id !== undefined) idRule(extras.id, k, network, newIds, report);
    partiesRule(from, to, this.ids[f], this.ids[t], k, this.rec, report);
    let intro: number | undefined;
    if (extras?.introduced !== undefined) intro = introducedRule(refs[extras.introduced]!, from, to, this.ids[extras.introduced], this.ids[f], this.ids[t], c.kind[i] === EXCHANGE_KINDS.indexOf("introduction"), k, this.rec, report);
    const format = c.formats[c.format[i]!]!;
    // as for records, a refused exchange's format is not counted towards the limit of formats
    if (problems.length !== before || !formatRule(format, network, newFormats, this.rec, k, report)) return undefined;
    const s = this.scratch;
    const flags = c.flags[i]!;
    s.from = from;
    s.to = to;
    s.day = c.day[i]!;
    s.kind = c.kind[i]!;
    s.value = c.value[i]!;
    s.explicit = (flags & FLAG_EXPLICIT_VALUE) !== 0;
    s.minutes = c.minutes[i]!;
    s.confidential = (flags & FLAG_CONFIDENTIAL) !== 0;
    s.format = format;
    // an introduced person's position here becomes their index in the network (in a copy: these extras are not changed)
    s.extras = intro === undefined ? extras : { ...extras, introduced: intro };
    return s;
  }

  /**
   * Stages every row, in order, into `into` (when given), handing to
   * `judge` each row the rules could find a problem with (its caller runs
   * {@link row} on it and stages what that returns): rows with an explicit
   * id or an introduced person, rows whose people did not resolve to two
   * different people of the network or the batch (`refs`: what each of
   * {@link people} resolved to), and rows whose format neither the network
   * nor the batch (`newFormats`) has yet. Every other row passes all the
   * rules {@link row} runs and is staged here as it is, as {@link row}
   * would stage it.
   *
   * @example rows.stageRows(rows.people.map((id) => network.findPerson(id)), network, new Set(), staged, (i) => void staged.push(rows.row(i, refs, network, ids, formats, i, report, problems)!))
   */
  stageRows(refs: readonly number[], network: NetworkLookup, newFormats: ReadonlySet<string>, into: StagedExchanges | undefined, judge: (i: number) => void): void {
    const c = this.c;
    const n = c.n;
    // per format code of the rows: its staged code once the network or the batch has it (-1: not yet)
    const staged = new Int32Array(c.formats.length).fill(-1);
    const accepted = (f: number): boolean => {
      const name = c.formats[f]!;
      if (!(name === "" || network.formats.includes(name) || newFormats.has(name))) return false;
      staged[f] = into === undefined ? 0 : into.formatCode(name);
      return true;
    };
    for (let i = 0; i < n; i++) {
      const from = refs[c.from[i]!]!;
      const to = refs[c.to[i]!]!;
      const x = c.extra[i]!;
      const extras = x === 0 ? undefined : c.extras[x - 1];
      const f = c.format[i]!;
      if (from >= 0 && to >= 0 && from !== to && (extras === undefined || (extras.id === undefined && extras.introduced === undefined)) && (staged[f]! >= 0 || accepted(f))) {
        into?.pushCoded(from, to, c.day[i]!, c.kind[i]!, c.value[i]!, c.minutes[i]!, c.flags[i]! & (FLAG_CONFIDENTIAL | FLAG_EXPLICIT_VALUE), staged[f]!, extras);
      } else judge(i);
    }
  }

  /**
   * Row `i` as a record, as it was read (the date in YYYY-MM-DD form).
   *
   * @example rows.record(0) // { date: "2024-03-01", from: "ann", to: "me", kind: "favour" }
   */
  record(i: number): Exchange {
    const c = this.c;
    const x = extrasAt(c, i);
    const flags = c.flags[i]!;
    const e: Exchange = { date: formatDay(c.day[i]!), from: this.ids[c.from[i]!]!, to: this.ids[c.to[i]!]!, kind: EXCHANGE_KINDS[c.kind[i]!]! };
    if (x?.id !== undefined) e.id = x.id;
    if (flags & FLAG_EXPLICIT_VALUE) e.value = c.value[i]!;
    if (!Number.isNaN(c.minutes[i]!)) e.minutes = c.minutes[i]!;
    if (c.format[i] !== 0) e.format = c.formats[c.format[i]!]!;
    if (x?.introduced !== undefined) e.introduced = this.ids[x.introduced]!;
    if (x?.tags !== undefined) e.tags = [...x.tags];
    if (x?.note !== undefined) e.note = x.note;
    if (flags & FLAG_CONFIDENTIAL) e.confidential = true;
    return e;
  }

  /**
   * The same rows naming other people: each id becomes `rename(id)` (the
   * columns are shared, not copied). Two ids may become one: the rules run
   * when the rows are applied then refuse an exchange of a person with themself.
   *
   * @example rows.withPeople((id) => (id === "a.b" ? "ann" : id))
   */
  withPeople(rename: (id: string) => string): ExchangeRows {
    const out = new ExchangeRows(this.file, 1);
    out.c = this.c;
    for (const id of this.ids) out.ids.push(rename(id));
    return out;
  }

  /**
   * The rows where `keep` is non-zero, in order (a copy).
   *
   * @example rows.subset(Uint8Array.of(1, 0, 1)).length // 2
   */
  subset(keep: Uint8Array): ExchangeRows {
    const c = this.c;
    let m = 0;
    for (let i = 0; i < c.n; i++) if (keep[i]) m++;
    const out = new ExchangeRows(this.file, m);
    const d = out.c;
    d.formats = c.formats;
    for (let i = 0; i < c.n; i++) {
      if (!keep[i]) continue;
      const j = d.n++;
      d.from[j] = c.from[i]!;
      d.to[j] = c.to[i]!;
      d.day[j] = c.day[i]!;
      d.kind[j] = c.kind[i]!;
      d.value[j] = c.value[i]!;
      d.minutes[j] = c.minutes[i]!;
      d.flags[j] = c.flags[i]!;
      d.format[j] = c.format[i]!;
      const x = extrasAt(c, i);
      d.extra[j] = x === undefined ? 0 : d.extras.push(x);
      d.line[j] = c.line[i]!;
    }
    for (const id of this.ids) out.ids.push(id);
    return out;
  }

  /**
   * The rows as plain data, for another thread: typed-array columns (cut to
   * the rows kept; `buffers` lists theirs, to move rather than copy in a
   * `postMessage`), the person ids, formats and extras (shared extras stay
   * shared in one structured clone), and how many rows were tried. Moving the
   * buffers leaves these rows empty-handed: use {@link ExchangeRows.fromParts}
   * on the other side and drop these. Rows made `shared` list no buffers: their
   * columns are views of shared memory, which both threads then read (add no
   * rows to these).
   *
   * @example
   * ```ts
   * const { parts, buffers } = rows.toParts();
   * port.postMessage(parts, buffers); // on the other thread: ExchangeRows.fromParts(message)
   * ```
   */
  toParts(): { parts: ExchangeRowsParts; buffers: ArrayBuffer[] } {
    const c = this.c;
    const n = c.n;
    // the columns as they are when little of them is unused (room reserved for about as many rows): no copy
    // shared columns: views of the rows, nothing to move
    const cut = <T extends Int32Array | Uint8Array | Float64Array | Float32Array>(a: T): T => (this.shared ? (a.subarray(0, n) as T) : a.length - n <= n >>> 3 ? a : (a.slice(0, n) as T));
    const columns = { from: cut(c.from), to: cut(c.to), day: cut(c.day), kind: cut(c.kind), value: cut(c.value), minutes: cut(c.minutes), flags: cut(c.flags), format: cut(c.format), extra: cut(c.extra), line: cut(c.line) };
    const buffers = this.shared ? [] : Object.values(columns).map((a) => a.buffer as ArrayBuffer);
    const parts: ExchangeRowsParts = { file: this.file, n, ...columns, formats: c.formats, extras: c.extras, ids: this.ids, tried: this.tried, seenIds: [...this.newIds], seenFormats: [...this.newFormats] };
    return { parts, buffers };
  }

  /**
   * Rows rebuilt from {@link toParts} (after a structured clone): the same
   * rows, people, places and records, and rows added to them are checked and
   * numbered as they would have been on the original (person ids, formats
   * and explicit exchange ids seen so far, refused rows' included, are known
   * again).
   *
   * @example ExchangeRows.fromParts(structuredClone(rows.toParts().parts)).length === rows.length // true
   */
  static fromParts(parts: ExchangeRowsParts): ExchangeRows {
    const out = new ExchangeRows(parts.file, 1);
    const { n, from, to, day, kind, value, minutes, flags, format, extra, line, formats, extras } = parts;
    out.c = { n, from, to, day, kind, value, minutes, flags, format, formats, extra, extras, line };
    // the ids in their order; their number table is built if more rows are added (applying the rows needs none)
    for (const id of parts.ids) out.ids.push(id);
    formats.forEach((f, code) => out.formatCodes.set(f, code));
    for (const id of parts.seenIds) out.newIds.add(id);
    for (const f of parts.seenFormats) out.newFormats.add(f);
    out.tried = parts.tried;
    return out;
  }

  /** Position in {@link people} of the giver, receiver and introduced person (-1: none) of row `i`. */
  peopleOf(i: number): [from: number, to: number, introduced: number] {
    return [this.c.from[i]!, this.c.to[i]!, extrasAt(this.c, i)?.introduced ?? -1];
  }

  /** Explicit id of row `i`, if any. */
  idOf(i: number): string | undefined {
    return extrasAt(this.c, i)?.id;
  }
}

/**
 * The exchange store: every exchange of a network held column-wise in typed
 * arrays (a few tens of bytes each, so a million fit comfortably in memory and
 * the analytics scan them in one pass), with the rare extras (ids, notes, tags,
 * introduced people) in a side map. The {@link Network} owns one; it is not
 * part of the public API.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, type Day } from "./dates.js";
import { EXCHANGE_KINDS, type Exchange, type ExchangeKind } from "./types.js";

const SCOPE = "tiegraph/model";

/** Bits of an exchange's stored flags: confidential; value given explicitly (not the kind's default). Shared with exchange-rows.ts. */
export const FLAG_CONFIDENTIAL = 1;
export const FLAG_EXPLICIT_VALUE = 2;

/**
 * Kind code of each kind (index in {@link EXCHANGE_KINDS}).
 *
 * @example KIND_CODE.favour // 1
 */
export const KIND_CODE: Readonly<Record<ExchangeKind, number>> = Object.fromEntries(EXCHANGE_KINDS.map((k, i) => [k, i])) as Record<ExchangeKind, number>;
/**
 * Kind codes that are touchpoints, not gifts (meeting, connection).
 *
 * @example TOUCHPOINT_CODES.has(KIND_CODE.meeting) // true
 */
export const TOUCHPOINT_CODES: ReadonlySet<number> = new Set([KIND_CODE.meeting, KIND_CODE.connection]);

/** Read-only typed-array view of all exchanges (length = exchange count). */
export interface ExchangeColumns {
  readonly count: number;
  /** Person index of the giver (or initiator). */
  readonly from: Int32Array;
  /** Person index of the receiver (or other participant). */
  readonly to: Int32Array;
  /** Calendar day of the exchange. */
  readonly day: Int32Array;
  /** Index into {@link EXCHANGE_KINDS}. */
  readonly kind: Uint8Array;
  /** Value (the kind's default unless overridden). */
  readonly value: Float64Array;
  /** Minutes, or NaN when not recorded. */
  readonly minutes: Float32Array;
  /** 1 when confidential. */
  readonly confidential: Uint8Array;
  /** Format code (index into {@link Network.formats}); 0 = none. */
  readonly format: Uint8Array;
}

/** The rarely-set fields of an exchange, kept out of the columns. */
export interface ExchangeExtras {
  id?: string;
  note?: string;
  tags?: string[];
  /** Person index of the person introduced (introductions). */
  introduced?: number;
}

/** The store's columns as stored (see {@link ExchangeStore.raw}): flags bit 1 = confidential, bit 2 = explicit value. */
export interface RawExchangeColumns {
  count: number;
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
  day: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  value: Float64Array<ArrayBuffer>;
  minutes: Float32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  format: Uint8Array<ArrayBuffer>;
  /** Interned formats after "no format" (code 1 onwards). */
  formats: string[];
  /**
   * Extras by position, ascending; or a {@link LazyExtras} that
   * {@link ExchangeStore.fromRaw} asks only when an extra is first needed: a
   * command that reads no id, note, tag or introduction never builds them,
   * and one that reads a few builds those few.
   */
  extras: [number, ExchangeExtras][] | LazyExtras;
}

/** The columns as a store holds them: its extras always as a list. */
export interface StoredExchangeColumns extends RawExchangeColumns {
  extras: [number, ExchangeExtras][];
  /**
   * Per exchange, where its extras are in {@link extraSlots} (-1: none): a
   * way through them that builds no list (a pair per exchange that has
   * extras: a million of them when every exchange has a tag). Read them
   * with {@link extrasReader}.
   */
  extraSlot?: Int32Array;
  extraSlots?: readonly (ExchangeExtras | undefined)[];
}

/**
 * Columns with their extras by slot (`slot[i]`: where exchange `i`'s extras
 * are in `slots`, -1 for none): readers go through the slots (see
 * {@link extrasReader}); the list of `extras` is made only when asked for.
 *
 * @example slottedColumns(columns, Int32Array.of(-1, 0), [{ tags: ["t"] }]).extras // [[1, { tags: ["t"] }]]
 */
export function slottedColumns(columns: Omit<RawExchangeColumns, "extras">, slot: Int32Array, slots: readonly (ExchangeExtras | undefined)[]): StoredExchangeColumns {
  let extras: [number, ExchangeExtras][] | undefined;
  return {
    ...columns,
    get extras() {
      if (extras === undefined) {
        extras = [];
        for (let i = 0; i < columns.count; i++) if (slot[i]! >= 0) extras.push([i, slots[slot[i]!]!]);
      }
      return extras;
    },
    extraSlot: slot,
    extraSlots: slots,
  };
}

/**
 * The extras of exchange `i` of `raw` (undefined: none), read through its
 * slot column when it has one, else through its list (then `i` should go up
 * from one call to the next, as a writer goes through the exchanges; going
 * back costs a binary search).
 *
 * @example
 * ```ts
 * const extrasOf = extrasReader(net.rawExchangeColumns());
 * extrasOf(0)?.tags; // the first exchange's tags, if it has some
 * ```
 */
export function extrasReader(raw: StoredExchangeColumns): (i: number) => ExchangeExtras | undefined {
  const { extraSlot: slot, extraSlots: slots } = raw;
  if (slot !== undefined && slots !== undefined) {
    return (i) => {
      const k = slot[i]!;
      return k < 0 ? undefined : slots[k];
    };
  }
  const extras = raw.extras;
  let next = 0;
  return (i) => {
    if (next > 0 && extras[next - 1]![0] >= i) {
      // asked for an earlier one: the first entry at or after i
      let lo = 0;
      let hi = extras.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (extras[mid]![0] < i) lo = mid + 1;
        else hi = mid;
      }
      next = lo;
    }
    while (next < extras.length && extras[next]![0] < i) next++;
    return next < extras.length && extras[next]![0] === i ? extras[next++]![1] : undefined;
  };
}

/** Extras read on demand (from a columnar copy): fresh objects on every call. */
export interface LazyExtras {
  /** Every entry, positions ascending. */
  all(): [number, ExchangeExtras][];
  /** The extras of the exchange at this position, or undefined when it has none. */
  at(position: number): ExchangeExtras | undefined;
}

/** One exchange resolved to indices and codes, ready to be stored (see validate.ts). */
export interface StagedExchange {
  from: number;
  to: number;
  day: Day;
  kind: number;
  value: number;
  explicit: boolean;
  minutes: number;
  confidential: boolean;
  format: string;
  extras: ExchangeExtras | undefined;
}

/**
 * Exchanges checked and resolved but not yet stored (see validate.ts), held
 * column-wise like the store, so staging a million exchanges makes no object
 * per exchange. Formats are a column of codes into the batch's few distinct
 * formats (a list of positions and names grew with every exchange that has
 * one: half a million entries, reallocated as they grew); extras, which few
 * exchanges have, sit in lists of positions and values.
 *
 * @example
 * ```ts
 * const staged = new StagedExchanges(1);
 * staged.push({ from: 0, to: 1, day: 19800, kind: KIND_CODE.favour, value: 3, explicit: false, minutes: NaN, confidential: false, format: "", extras: undefined });
 * staged.at(0).from; // 0
 * ```
 */
export class StagedExchanges {
  private n = 0;
  /** Person indices, day, kind, value, minutes and flags (as in the store) of each staged exchange. */
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
  day: Int32Array<ArrayBuffer>;
  kind: Uint8Array<ArrayBuffer>;
  value: Float64Array<ArrayBuffer>;
  minutes: Float32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  /** Format of each staged exchange: an index into {@link formatNames} (0: none). */
  format: Uint16Array;
  /** The distinct formats staged, in the order first staged; "" (none) first. */
  readonly formatNames: string[] = [""];
  private readonly formatCodes = new Map<string, number>([["", 0]]);
  /** Extras: positions ascending, with the value at each. */
  readonly extrasAt: number[] = [];
  readonly extras: ExchangeExtras[] = [];

  /**
   * @param capacity Exchanges room is made for at first (the batch's count, when known: the
   * columns then never grow, so a million exchanges are not copied twenty times over).
   */
  constructor(capacity = 16) {
    const cap = Math.max(1, Math.floor(capacity));
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.day = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.value = new Float64Array(cap);
    this.minutes = new Float32Array(cap);
    this.flags = new Uint8Array(cap);
    this.format = new Uint16Array(cap);
  }

  /** Number of staged exchanges. */
  get length(): number {
    return this.n;
  }

  /** Stages one exchange (its fields are copied). */
  push(s: StagedExchange): void {
    const flags = (s.confidential ? FLAG_CONFIDENTIAL : 0) | (s.explicit ? FLAG_EXPLICIT_VALUE : 0);
    this.pushCoded(s.from, s.to, s.day, s.kind, s.value, s.minutes, flags, this.formatCode(s.format), s.extras);
  }

  /**
   * The code of a format among the staged ones ({@link formatNames}), given
   * one when it is new (as {@link push} gives it, the first time a staged
   * exchange has it).
   *
   * @example new StagedExchanges().formatCode("coffee") // 1 ("" is 0)
   */
  formatCode(format: string): number {
    if (format === "") return 0;
    let code = this.formatCodes.get(format);
    if (code === undefined) {
      code = this.formatNames.push(format) - 1;
      this.formatCodes.set(format, code);
    }
    return code;
  }

  /**
   * Stages one exchange given as its column values: `flags` as stored
   * (confidential, explicit value), `format` a code from {@link formatCode}.
   *
   * @example staged.pushCoded(0, 1, 19800, KIND_CODE.favour, 3, NaN, 0, 0, undefined)
   */
  pushCoded(from: number, to: number, day: number, kind: number, value: number, minutes: number, flags: number, format: number, extras: ExchangeExtras | undefined): void {
    const i = this.n;
    if (i === this.from.length) this.grow(i * 2);
    this.from[i] = from;
    this.to[i] = to;
    this.day[i] = day;
    this.kind[i] = kind;
    this.value[i] = value;
    this.minutes[i] = minutes;
    this.flags[i] = flags;
    this.format[i] = format;
    if (extras) {
      this.extrasAt.push(i);
      this.extras.push(extras);
    }
    this.n++;
  }

  /** Staged exchange `i` as a record. */
  at(i: number): StagedExchange {
    const flags = this.flags[i]!;
    return { from: this.from[i]!, to: this.to[i]!, day: this.day[i]!, kind: this.kind[i]!, value: this.value[i]!, explicit: (flags & FLAG_EXPLICIT_VALUE) !== 0, minutes: this.minutes[i]!, confidential: (flags & FLAG_CONFIDENTIAL) !== 0, format: this.formatNames[this.format[i]!]!, extras: valueAt(this.extrasAt, this.extras, i) };
  }

  private grow(cap: number): void {
    const n = this.n;
    [this.from, this.to, this.day] = [resized(this.from, cap, n), resized(this.to, cap, n), resized(this.day, cap, n)];
    [this.kind, this.value, this.minutes, this.flags] = [resized(this.kind, cap, n), resized(this.value, cap, n), resized(this.minutes, cap, n), resized(this.flags, cap, n)];
    this.format = resized(this.format, cap, n);
  }
}

/** The value at position `i` of a list of ascending positions and their values, or undefined. */
function valueAt<T>(positions: readonly number[], values: readonly T[], i: number): T | undefined {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo] === i ? values[lo] : undefined;
}

/** Extras not built yet (see `ExchangeStore.pending`). */
interface PendingExtras {
  source: LazyExtras;
  /** For a filtered copy: the source position of each exchange, ascending (absent: positions as in the source). */
  origin?: Int32Array;
  /** Exchanges in the source: a position from 0 below this that `origin` does not name was left out. */
  sourceCount: number;
  dropNotes: boolean;
  people: number;
  seen: Map<number, ExchangeExtras | undefined>;
}

/**
 * People whose exchanges {@link ExchangeStore.ofPerson} finds by a scan of
 * the columns each (about a millisecond per million exchanges) before it
 * builds the per-person index of everyone (a few hundred milliseconds).
 */
const SCANS_BEFORE_INDEX = 16;

/**
 * Column store of exchanges. Positions are indices `0..count-1`; an exchange
 * without an explicit id is known as `#<position+1>`. Internal to the model:
 * read exchanges through {@link Network.exchangeColumns} and friends.
 *
 * @example
 * ```ts
 * const store = new ExchangeStore();
 * store.append([{ from: 0, to: 1, day: 19800, kind: KIND_CODE.favour, value: 3, explicit: false, minutes: NaN, confidential: false, format: "", extras: undefined }]);
 * store.columns().from[0]; // 0
 * ```
 */
export class ExchangeStore {
  private cap = 0;
  private n = 0;
  private from = new Int32Array(0);
  private to = new Int32Array(0);
  private day = new Int32Array(0);
  private kind = new Uint8Array(0);
  private value = new Float64Array(0);
  private minutes = new Float32Array(0);
  private flags = new Uint8Array(0);
  private format = new Uint8Array(0);
  /** Per exchange, the slot of its extras in `slots`, or -1. A column, so it moves with the others. */
  private slot = new Int32Array(0);
  /** Extras by slot (undefined: a free slot), and the position of the exchange each belongs to. */
  private slots: (ExchangeExtras | undefined)[] = [];
  private slotPos: number[] = [];
  private readonly freeSlots: number[] = [];
  /** Explicit id → slot. */
  private readonly ids = new Map<string, number>();
  private readonly formatList: string[] = [""];
  private readonly formatIndex = new Map<string, number>([["", 0]]);
  private byPerson: { people: number; offsets: Int32Array; items: Int32Array } | undefined;
  /** People's exchange lists found by a scan each, before {@link byPerson} is built (see {@link ExchangeStore.ofPerson}). */
  private scanned: { people: number; lists: Map<number, Int32Array> } | undefined;
  /**
   * Extras not built yet: where to get them (positions as they come) and,
   * for a filtered copy of a store that had not built its own, where each
   * exchange came from and whether notes are dropped. Built on the
   * first use of any extra, by {@link ExchangeStore.ready}.
   */
  private pending: PendingExtras | undefined;
  private view: ExchangeColumns | undefined;

  /** Number of exchanges. */
  get count(): number {
    return this.n;
  }
  /** Interned formats; index 0 is "no format". */
  get formats(): readonly string[] {
    return this.formatList;
  }

  /** Whether a format is interned already. */
  hasFormat(format: string): boolean {
    return this.formatIndex.has(format);
  }

  /** Typed-array view (valid until the next change). */
  columns(): ExchangeColumns {
    if (this.view) return this.view;
    const n = this.n;
    const flags = this.flags.subarray(0, n);
    const confidential = new Uint8Array(n);
    for (let i = 0; i < n; i++) confidential[i] = flags[i]! & FLAG_CONFIDENTIAL;
    return (this.view = {
      count: n,
      from: this.from.subarray(0, n),
      to: this.to.subarray(0, n),
      day: this.day.subarray(0, n),
      kind: this.kind.subarray(0, n),
      value: this.value.subarray(0, n),
      minutes: this.minutes.subarray(0, n),
      confidential,
      format: this.format.subarray(0, n),
    });
  }

  /** Whether exchange `i` is confidential. */
  isConfidential(i: number): boolean {
    return (this.flags[i]! & FLAG_CONFIDENTIAL) !== 0;
  }
  /** The id of exchange `i` (`#<i+1>` when none was given). */
  id(i: number): string {
    return this.extrasOf(i)?.id ?? `#${i + 1}`;
  }
  /** Whether exchange `i` has an explicit id. */
  hasExplicitId(i: number): boolean {
    return this.extrasOf(i)?.id !== undefined;
  }
  /** Whether an explicit id is in use. */
  hasId(id: string): boolean {
    this.ready();
    return this.ids.has(id);
  }
  /** Position of the exchange with this id (explicit or `#n`), or -1. */
  find(id: string): number {
    this.ready();
    const explicit = this.ids.get(id);
    if (explicit !== undefined) return this.slotPos[explicit]!;
    if (/^#\d+$/.test(id)) {
      const i = Number(id.slice(1)) - 1;
      if (i >= 0 && i < this.n && this.extrasOf(i)?.id === undefined) return i;
    }
    return -1;
  }
  /** Extras of exchange `i`. */
  extrasOf(i: number): ExchangeExtras | undefined {
    if (this.pending) return this.pendingExtras(i);
    const k = i >= 0 && i < this.n ? this.slot[i]! : -1;
    return k < 0 ? undefined : this.slots[k];
  }

  /** The extras of exchange `i` while they are pending: read one by one from the source, each once. */
  private pendingExtras(i: number): ExchangeExtras | undefined {
    const pending = this.pending!;
    if (!(i >= 0 && i < this.n)) return undefined;
    if (pending.seen.has(i)) return pending.seen.get(i);
    const i0 = pending.origin ? pending.origin[i]! : i;
    let ex = pending.source.at(i0);
    if (ex) {
      this.checkExtras(ex, i0, pending.people);
      if (pending.dropNotes) delete ex.note;
      if (Object.keys(ex).length === 0) ex = undefined;
    }
    pending.seen.set(i, ex);
    return ex;
  }

  private checkExtras(ex: ExchangeExtras, i0: number, people: number): void {
    if (ex.introduced !== undefined && !(Number.isInteger(ex.introduced) && ex.introduced >= 0 && ex.introduced < people)) {
      throw new TiegraphError(SCOPE, "invalid-format", `exchange column row ${i0} has extras out of range`, { record: `exchange #${i0 + 1}`, expected: "columns written by rawExchangeColumns of a valid network" });
    }
  }

  /**
   * Builds the extras left pending by {@link ExchangeStore.fromRaw} or a
   * filtered copy. An extra naming a person out of range, or a position out
   * of range, is a typed `invalid-format` error naming the row (the columnar
   * copy it came from was damaged after its checksum was taken).
   */
  private ready(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const n = this.n;
    const kept: [number, ExchangeExtras][] = [];
    // every entry is checked before any is attached: a bad one leaves the store without extras, never half of them
    for (const [i0, fresh] of pending.source.all()) {
      const i = pending.origin ? (i0 >= 0 && i0 < pending.sourceCount ? indexIn(pending.origin, i0) : -2) : i0;
      if (i === -1) continue;
      try {
        if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new TiegraphError(SCOPE, "invalid-format", `exchange column row ${i0} has extras out of range`, { record: `exchange #${i0 + 1}`, expected: "columns written by rawExchangeColumns of a valid network" });
        this.checkExtras(fresh, i0, pending.people);
      } catch (e) {
        this.pending = pending;
        throw e;
      }
      // an extra already handed out stays the same object
      if (pending.seen.has(i)) {
        const ex = pending.seen.get(i);
        if (ex) kept.push([i, ex]);
        continue;
      }
      if (pending.dropNotes) delete fresh.note;
      if (Object.keys(fresh).length > 0) kept.push([i, fresh]);
    }
    for (const [i, ex] of kept) this.attach(i, ex);
  }

  /** Exchange `i` as a plain record, with person ids given by `personId`. */
  record(i: number, personId: (index: number) => string): Exchange & { id: string } {
    if (i < 0 || i >= this.n) throw new TiegraphError(SCOPE, "unknown-exchange", `no exchange at index ${i}`, { expected: `an index from 0 to ${this.n - 1}`, got: showValue(i) });
    const ex = this.extrasOf(i);
    const out: Exchange & { id: string } = {
      id: ex?.id ?? `#${i + 1}`,
      date: formatDay(this.day[i]!),
      kind: EXCHANGE_KINDS[this.kind[i]!]!,
      from: personId(this.from[i]!),
      to: personId(this.to[i]!),
    };
    if (this.flags[i]! & FLAG_EXPLICIT_VALUE) out.value = this.value[i]!;
    const min = this.minutes[i]!;
    if (!Number.isNaN(min)) out.minutes = min;
    if (this.format[i]) out.format = this.formatList[this.format[i]!]!;
    if (ex?.introduced !== undefined) out.introduced = personId(ex.introduced);
    if (ex?.tags) out.tags = [...ex.tags];
    if (ex?.note !== undefined) out.note = ex.note;
    if (this.flags[i]! & FLAG_CONFIDENTIAL) out.confidential = true;
    return out;
  }

  /** Positions of the exchanges that name a person as giver, receiver or introduced person, ascending. */
  naming(person: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      if (this.from[i] === person || this.to[i] === person || this.extrasOf(i)?.introduced === person) out.push(i);
    }
    return out;
  }

  /** First and last day, or undefined when empty. */
  dayRange(): { first: Day; last: Day } | undefined {
    if (this.n === 0) return undefined;
    let first = this.day[0]!;
    let last = first;
    for (let i = 1; i < this.n; i++) {
      const d = this.day[i]!;
      if (d < first) first = d;
      if (d > last) last = d;
    }
    return { first, last };
  }

  /**
   * Exchange positions of a person (either side), in date-then-insertion
   * order. The first few people asked for are found by one scan of the
   * columns each (a command that looks at a handful of people never builds
   * the index of everyone); after {@link SCANS_BEFORE_INDEX} of them the
   * per-person index of everyone is built and answers the rest. Both give the
   * same lists.
   */
  ofPerson(person: number, people: number): Int32Array {
    let idx = this.byPerson;
    if (!idx || idx.people !== people) {
      const scanned = this.scanned?.people === people ? this.scanned : (this.scanned = { people, lists: new Map() });
      const known = scanned.lists.get(person);
      if (known) return known;
      if (scanned.lists.size < SCANS_BEFORE_INDEX) {
        const list = this.scanPerson(person);
        scanned.lists.set(person, list);
        return list;
      }
      idx = this.byPerson = this.buildByPerson(people);
      this.scanned = undefined;
    }
    return idx.items.subarray(idx.offsets[person]!, idx.offsets[person + 1]!);
  }

  /** One person's exchange positions by a scan of the columns: ascending, then stably by day (as {@link buildByPerson} orders them). */
  private scanPerson(person: number): Int32Array {
    const { from, to, day } = this;
    let k = 0;
    for (let i = 0; i < this.n; i++) if (from[i] === person || to[i] === person) k++;
    const out = new Int32Array(k);
    k = 0;
    for (let i = 0; i < this.n; i++) if (from[i] === person || to[i] === person) out[k++] = i;
    let sorted = true;
    for (let j = 1; j < k && sorted; j++) sorted = day[out[j - 1]!]! <= day[out[j]!]!;
    if (!sorted) return out.sort((a, b) => day[a]! - day[b]! || a - b);
    return out;
  }

  private buildByPerson(n: number): { people: number; offsets: Int32Array; items: Int32Array } {
    const m = this.n;
    // each exchange twice, in date-then-insertion order: under its giver, then its receiver.
    // The giver and receiver come beside the day order, so this pass reads in order
    // and writes one place per person (no pass jumps through the columns)
    const { order, from, to } = byDayWithPeople(this.day, this.from, this.to, m);
    const offsets = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      offsets[from[k]! + 1]!++;
      offsets[to[k]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const items = new Int32Array(2 * m);
    for (let k = 0; k < m; k++) {
      const e = order[k]!;
      items[fill[from[k]!]!++] = e;
      items[fill[to[k]!]!++] = e;
    }
    return { people: n, offsets, items };
  }

  // ------------------------------------------------------------ bulk copies

  /**
   * A new store with the exchanges whose `keep` entry is 1, in their order
   * (implicit `#n` ids renumber as if the others had never been recorded),
   * copied column by column without re-validating; notes are left out when
   * `dropNotes`. Format codes stay the same.
   */
  where(keep: Uint8Array, dropNotes: boolean): ExchangeStore {
    const out = new ExchangeStore();
    for (let f = 1; f < this.formatList.length; f++) out.internFormat(this.formatList[f]!);
    const kept = keptPositions(keep, this.n);
    const m = kept.length;
    out.resize(m);
    if (this.pending) out.pending = this.pendingAfter(kept, dropNotes);
    this.gatherColumns(out, kept);
    out.slot.fill(-1, 0, m);
    out.n = m;
    if (this.pending) return out;
    for (let j = 0; j < m; j++) {
      const ex = this.extrasOf(kept[j]!);
      if (!ex) continue;
      const copy = keptExtras(ex, dropNotes);
      if (copy) out.attach(j, copy);
    }
    return out;
  }

  /**
   * Keeps only the exchanges whose `keep` entry is 1, in place: what
   * {@link ExchangeStore.where} gives, without a second set of columns
   * (each kept exchange moves down to its new position). Notes are left out
   * when `dropNotes`; extras handed out before are not changed.
   */
  keepOnly(keep: Uint8Array, dropNotes: boolean): void {
    const kept = keptPositions(keep, this.n);
    const m = kept.length;
    if (this.pending) this.pending = this.pendingAfter(kept, dropNotes);
    // kept[j] >= j: moving each down in ascending order never overwrites one still to move
    this.gatherColumns(this, kept);
    if (!this.pending) {
      // the extras of the exchanges left out are freed; those kept follow their exchange
      const n = this.n;
      for (let i = 0, j = 0; i < n; i++) {
        if (j < m && kept[j] === i) {
          j++;
          continue;
        }
        this.release(i);
      }
      for (let j = 0; j < m; j++) {
        const k = this.slot[kept[j]!]!;
        this.slot[j] = k;
        if (k < 0) continue;
        this.slotPos[k] = j;
        if (!dropNotes || this.slots[k]!.note === undefined) continue;
        // replaced, not changed: whoever holds the old object keeps its note
        const copy = keptExtras(this.slots[k]!, true);
        if (copy) this.slots[k] = copy;
        else this.releaseSlot(k, j);
      }
    } else this.slot.fill(-1, 0, m);
    this.n = m;
    this.changed();
  }

  /**
   * Writes this store's exchange at `kept[j]` to position j of `out`'s
   * columns, for every j. Each column is gathered on its own (one array read
   * and one written at a time). `out` may be this store: positions only move
   * down, since `kept` ascends and kept[j] >= j.
   */
  private gatherColumns(out: ExchangeStore, kept: Int32Array): void {
    gatherInt32(out.from, this.from, kept);
    gatherInt32(out.to, this.to, kept);
    gatherInt32(out.day, this.day, kept);
    gatherUint8(out.kind, this.kind, kept);
    gatherFloat64(out.value, this.value, kept);
    gatherFloat32(out.minutes, this.minutes, kept);
    gatherUint8(out.flags, this.flags, kept);
    gatherUint8(out.format, this.format, kept);
  }

  /** The pending extras of a filtered copy of this store keeping the positions `kept` (this store's are pending). */
  private pendingAfter(kept: Int32Array, dropNotes: boolean): PendingExtras {
    const pending = this.pending!;
    // straight from the source, the kept positions are where each came from; from a filtered copy, where those came from
    let origin = kept;
    if (pending.origin) {
      origin = new Int32Array(kept.length);
      for (let j = 0; j < kept.length; j++) origin[j] = pending.origin[kept[j]!]!;
    }
    return { source: pending.source, origin, sourceCount: pending.sourceCount, dropNotes: pending.dropNotes || dropNotes, people: pending.people, seen: new Map() };
  }

  /** The stored columns as they are (flags and all), for a columnar copy of the network; see {@link ExchangeStore.fromRaw}. */
  raw(): StoredExchangeColumns {
    this.ready();
    const n = this.n;
    return slottedColumns(
      {
        count: n,
        from: this.from.subarray(0, n),
        to: this.to.subarray(0, n),
        day: this.day.subarray(0, n),
        kind: this.kind.subarray(0, n),
        value: this.value.subarray(0, n),
        minutes: this.minutes.subarray(0, n),
        flags: this.flags.subarray(0, n),
        format: this.format.subarray(0, n),
        formats: this.formatList.slice(1),
      },
      this.slot.subarray(0, n),
      this.slots,
    );
  }

  /**
   * A store holding the columns of {@link ExchangeStore.raw} (taken over, not
   * copied). Checks what a column can break cheaply (people indices below
   * `people`, no self-exchange, known kinds, format codes in range,
   * non-negative values); the records themselves were validated when the
   * columns were written. Returns the position of the first bad row, or the store.
   */
  static fromRaw(raw: RawExchangeColumns, people: number): ExchangeStore | { badRow: number } {
    const n = raw.count;
    const formats = raw.formats.length + 1;
    for (let i = 0; i < n; i++) {
      const f = raw.from[i]!;
      const t = raw.to[i]!;
      if (!(f >= 0 && f < people && t >= 0 && t < people && f !== t && raw.kind[i]! < EXCHANGE_KINDS.length && raw.format[i]! < formats && raw.value[i]! >= 0 && (raw.flags[i]! & ~3) === 0)) return { badRow: i };
    }
    const extras = raw.extras;
    if (Array.isArray(extras)) for (const [i, ex] of extras) if (!(i >= 0 && i < n) || (ex.introduced !== undefined && !(ex.introduced >= 0 && ex.introduced < people))) return { badRow: i };
    const out = new ExchangeStore();
    for (const f of raw.formats) out.internFormat(f);
    out.n = out.cap = n;
    out.from = raw.from;
    out.to = raw.to;
    out.day = raw.day;
    out.kind = raw.kind;
    out.value = raw.value;
    out.minutes = raw.minutes;
    out.flags = raw.flags;
    out.format = raw.format;
    out.slot = new Int32Array(n).fill(-1);
    if (Array.isArray(extras)) for (const [i, ex] of extras) out.attach(i, ex);
    else out.pending = { source: extras, sourceCount: n, dropNotes: false, people, seen: new Map() };
    return out;
  }

  // ---------------------------------------------------------------- changes

  /** Forgets derived views after a change. */
  private changed(): void {
    this.byPerson = undefined;
    this.scanned = undefined;
    this.view = undefined;
  }

  private internFormat(format: string): number {
    let f = this.formatIndex.get(format);
    if (f === undefined) {
      f = this.formatList.length;
      this.formatList.push(format);
      this.formatIndex.set(format, f);
    }
    return f;
  }

  /** Gives exchange `i` (which has none) its extras, in a free slot. */
  private attach(i: number, extras: ExchangeExtras): void {
    const k = this.freeSlots.pop() ?? this.slots.length;
    this.slots[k] = extras;
    this.slotPos[k] = i;
    this.slot[i] = k;
    if (extras.id !== undefined) this.ids.set(extras.id, k);
  }

  private write(i: number, s: StagedExchange): void {
    this.from[i] = s.from;
    this.to[i] = s.to;
    this.day[i] = s.day;
    this.kind[i] = s.kind;
    this.value[i] = s.value;
    this.minutes[i] = s.minutes;
    this.flags[i] = (s.confidential ? FLAG_CONFIDENTIAL : 0) | (s.explicit ? FLAG_EXPLICIT_VALUE : 0);
    this.format[i] = this.internFormat(s.format);
    if (s.extras) {
      this.attach(i, s.extras);
    } else {
      this.slot[i] = -1;
    }
  }

  /**
   * Appends validated exchanges staged column-wise, copying whole columns;
   * an empty store takes them over instead (the staged exchanges are not to
   * be used again).
   */
  appendStaged(staged: StagedExchanges): void {
    const m = staged.length;
    if (m === 0) return;
    const at = this.n;
    const adopt = at === 0 && this.pending === undefined;
    if (adopt) {
      // an empty store takes the staged columns over (they were made for this batch alone, sized for it):
      // a million exchanges are not copied into fresh columns once more
      const cap = staged.from.length;
      this.from = staged.from;
      this.to = staged.to;
      this.day = staged.day;
      this.kind = staged.kind;
      this.value = staged.value;
      this.minutes = staged.minutes;
      this.flags = staged.flags;
      this.format = new Uint8Array(cap);
      this.slot = new Int32Array(cap);
      this.cap = cap;
      this.view = undefined;
    } else {
      this.ensureCapacity(at + m);
      this.from.set(staged.from.subarray(0, m), at);
      this.to.set(staged.to.subarray(0, m), at);
      this.day.set(staged.day.subarray(0, m), at);
      this.kind.set(staged.kind.subarray(0, m), at);
      this.value.set(staged.value.subarray(0, m), at);
      this.minutes.set(staged.minutes.subarray(0, m), at);
      this.flags.set(staged.flags.subarray(0, m), at);
    }
    this.slot.fill(-1, at, at + m);
    // the staged formats' codes here, interned in the order they were first staged
    const codes = staged.formatNames.map((f) => (f === "" ? 0 : this.internFormat(f)));
    const format = this.format;
    const from = staged.format;
    for (let i = 0; i < m; i++) format[at + i] = codes[from[i]!]!;
    this.n = at + m;
    if (adopt && this.slots.length === 0) {
      // the staged extras become the slots as they are (positions ascending, as attach would give them)
      this.slots = staged.extras;
      this.slotPos = staged.extrasAt;
      const { slot, ids } = this;
      staged.extrasAt.forEach((i, k) => {
        slot[i] = k;
        const id = staged.extras[k]!.id;
        if (id !== undefined) ids.set(id, k);
      });
    } else {
      // extras in position order, as append gives them slots
      staged.extrasAt.forEach((i, k) => this.attach(at + i, staged.extras[k]!));
    }
    this.changed();
  }

  /** Appends validated exchanges. */
  append(staged: readonly StagedExchange[]): void {
    this.ready();
    if (staged.length === 0) return;
    this.ensureCapacity(this.n + staged.length);
    for (const s of staged) this.write(this.n++, s);
    this.changed();
  }

  /** Replaces exchange `i` with a validated one. */
  replace(i: number, s: StagedExchange): void {
    this.ready();
    this.release(i);
    this.write(i, s);
    this.changed();
  }

  /** Inserts a validated exchange at position `at` (later ones move up by one). */
  insert(at: number, s: StagedExchange): void {
    this.ready();
    this.ensureCapacity(this.n + 1);
    const n = this.n;
    for (const col of this.cols()) col.copyWithin(at + 1, at, n);
    this.n++;
    this.shiftExtras(at, +1);
    this.write(at, s);
    this.changed();
  }

  /** Removes exchange `i` (later ones move down by one). */
  remove(i: number): void {
    this.ready();
    this.release(i);
    for (const col of this.cols()) col.copyWithin(i, i + 1, this.n);
    this.n--;
    // the last one (an undone append) moves nothing
    if (i < this.n) this.shiftExtras(i + 1, -1);
    this.changed();
  }

  /**
   * Renumbers people after one was removed or inserted: every person index
   * `p` becomes `map(p)`.
   */
  remapPeople(map: (p: number) => number): void {
    this.ready();
    for (let i = 0; i < this.n; i++) {
      this.from[i] = map(this.from[i]!);
      this.to[i] = map(this.to[i]!);
    }
    for (const ex of this.slots) if (ex?.introduced !== undefined) ex.introduced = map(ex.introduced);
    this.changed();
  }

  /** Frees the extras slot of exchange `i`, if it has one. */
  private release(i: number): void {
    const k = this.slot[i]!;
    if (k >= 0) this.releaseSlot(k, i);
  }

  /** Frees extras slot `k`, held by exchange `i`. */
  private releaseSlot(k: number, i: number): void {
    const id = this.slots[k]!.id;
    if (id !== undefined) this.ids.delete(id);
    this.slots[k] = undefined;
    this.freeSlots.push(k);
    this.slot[i] = -1;
  }

  /** Moves the recorded positions of extras at positions ≥ `start` by `delta` (their slots moved with the columns). */
  private shiftExtras(start: number, delta: number): void {
    const { slots, slotPos } = this;
    for (let k = 0; k < slotPos.length; k++) if (slots[k] !== undefined && slotPos[k]! >= start) slotPos[k]! += delta;
  }

  private cols(): (Int32Array | Uint8Array | Float64Array | Float32Array)[] {
    return [this.from, this.to, this.day, this.kind, this.value, this.minutes, this.flags, this.format, this.slot];
  }

  private ensureCapacity(n: number): void {
    if (n <= this.cap) return;
    let cap = Math.max(16, this.cap);
    while (cap < n) cap = Math.ceil(cap * 1.5);
    this.resize(cap);
  }

  private resize(cap: number): void {
    const n = this.n;
    [this.from, this.to, this.day, this.slot] = [resized(this.from, cap, n), resized(this.to, cap, n), resized(this.day, cap, n), resized(this.slot, cap, n)];
    [this.kind, this.value, this.minutes] = [resized(this.kind, cap, n), resized(this.value, cap, n), resized(this.minutes, cap, n)];
    [this.flags, this.format] = [resized(this.flags, cap, n), resized(this.format, cap, n)];
    this.cap = cap;
    this.view = undefined;
  }

  /** Gives back memory reserved for growth. */
  compact(): void {
    if (this.cap !== this.n) this.resize(this.n);
  }
}

/** Where `value` is in an ascending column, or -1. */
function indexIn(column: Int32Array, value: number): number {
  let lo = 0;
  let hi = column.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = column[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The positions below `n` whose `keep` entry is 1, ascending. */
function keptPositions(keep: Uint8Array, n: number): Int32Array {
  let m = 0;
  for (let i = 0; i < n; i++) m += keep[i]!;
  const kept = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) kept[j++] = i;
  return kept;
}

/** A copy of an exchange's extras for a filtered store (tags copied, the note left out when asked), or undefined when nothing is left. */
function keptExtras(ex: ExchangeExtras, dropNotes: boolean): ExchangeExtras | undefined {
  const copy: ExchangeExtras = { ...ex };
  if (ex.tags) copy.tags = [...ex.tags];
  if (dropNotes) delete copy.note;
  return Object.keys(copy).length === 0 ? undefined : copy;
}

/**
 * `out[j] = column[kept[j]]` for every j of `kept` (`out` may be `column`
 * itself: `kept` ascends from j on). One function per element type, so each
 * loop sees one kind of array.
 */
function gatherInt32(out: Int32Array, column: Int32Array, kept: Int32Array): void {
  for (let j = 0; j < kept.length; j++) out[j] = column[kept[j]!]!;
}
function gatherUint8(out: Uint8Array, column: Uint8Array, kept: Int32Array): void {
  for (let j = 0; j < kept.length; j++) out[j] = column[kept[j]!]!;
}
function gatherFloat64(out: Float64Array, column: Float64Array, kept: Int32Array): void {
  for (let j = 0; j < kept.length; j++) out[j] = column[kept[j]!]!;
}
function gatherFloat32(out: Float32Array, column: Float32Array, kept: Int32Array): void {
  for (let j = 0; j < kept.length; j++) out[j] = column[kept[j]!]!;
}

/** A column of `cap` entries holding the first `used` of `column` (the same kind of typed array). */
function resized<T extends Int32Array | Uint8Array | Uint16Array | Float64Array | Float32Array>(column: T, cap: number, used: number): T {
  const out = new (column.constructor as new (length: number) => T)(cap);
  out.set(column.subarray(0, Math.min(used, cap)) as never);
  return out;
}

/** The earliest and latest of the first m (≥ 1) days. */
function dayRange(day: Int32Array, m: number): [lo: number, hi: number] {
  let lo = day[0]!;
  let hi = lo;
  for (let i = 1; i < m; i++) {
    const d = day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return [lo, hi];
}

/**
 * Indices 0..m-1 sorted by day (stable), by counting sort over the day range
 * (a comparison sort when the range is much wider than the count).
 *
 * @example sortedByDay(Int32Array.of(5, 3, 5), 3) // Int32Array [1, 0, 2]
 */
export function sortedByDay(day: Int32Array, m: number): Int32Array {
  const order = new Int32Array(m);
  if (m === 0) return order;
  const [lo, hi] = dayRange(day, m);
  const span = hi - lo + 1;
  if (span > 4 * m + 100000) {
    const idx = Array.from({ length: m }, (_, i) => i);
    idx.sort((a, b) => day[a]! - day[b]! || a - b);
    order.set(idx);
    return order;
  }
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < m; i++) counts[day[i]! - lo + 1]!++;
  for (let i = 0; i < span; i++) counts[i + 1]! += counts[i]!;
  for (let i = 0; i < m; i++) order[counts[day[i]! - lo]!++] = i;
  return order;
}

/**
 * Positions 0..m-1 sorted by day (stable, as {@link sortedByDay}), with the
 * giver and receiver of each beside it: a counting sort over the day range
 * that carries them along (a few thousand days make as many sequential
 * streams), or the comparison sort's order and a gather when the range is wide.
 */
function byDayWithPeople(day: Int32Array, from: Int32Array, to: Int32Array, m: number): { order: Int32Array; from: Int32Array; to: Int32Array } {
  const order = new Int32Array(m);
  const byFrom = new Int32Array(m);
  const byTo = new Int32Array(m);
  if (m === 0) return { order, from: byFrom, to: byTo };
  const [lo, hi] = dayRange(day, m);
  const span = hi - lo + 1;
  if (span > 4 * m + 100000 || span > 1 << 16) {
    order.set(sortedByDay(day, m));
    for (let k = 0; k < m; k++) {
      byFrom[k] = from[order[k]!]!;
      byTo[k] = to[order[k]!]!;
    }
    return { order, from: byFrom, to: byTo };
  }
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < m; i++) counts[day[i]! - lo + 1]!++;
  for (let i = 0; i < span; i++) counts[i + 1]! += counts[i]!;
  for (let i = 0; i < m; i++) {
    const at = counts[day[i]! - lo]!++;
    order[at] = i;
    byFrom[at] = from[i]!;
    byTo[at] = to[i]!;
  }
  return { order, from: byFrom, to: byTo };
}

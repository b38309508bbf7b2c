/**
 * A seeded generator of realistic professional networks: an ego with a few
 * hundred contacts across tens of organisations, job changes, three years of
 * exchanges with a realistic mix, one-sided relationships that sour, dormant
 * ties and confidential exchanges. The same generator scales to 100,000
 * people and 1,000,000 exchanges for benchmarks.
 */
import { TiegraphError } from "../errors.js";
import { parseDay } from "../model/dates.js";
import type { ExchangeExtras } from "../model/exchange-store.js";
import { KIND_CODE, Network, OPEN_END, type AffiliationColumns, type RawExchangeColumns } from "../model/network.js";
import { DEFAULT_KIND_VALUES, type ExchangeKind, type Organisation, type Person } from "../model/types.js";
import { cumulativePicker } from "../random/cumulative-pick.js";
import { createRandom, type Random } from "../random/seeded-random.js";
import { FIRST_NAMES, LAST_NAMES, ORG_PREFIXES, ORG_SUFFIXES, PERSON_TAGS, TOPICS } from "./names.js";

/** Options of {@link generateNetwork}. */
export interface GenerateOptions {
  /** Seed: the same seed gives the same network. */
  seed: number;
  /** Number of people besides ego. */
  people: number;
  /** Number of exchanges. */
  exchanges: number;
  /** Number of organisations (default max(5, people / 25)). */
  organisations?: number;
  /** Whether the network has an ego "me" who knows most people (default: people ≤ 5000). */
  ego?: boolean;
  /** Last day of the generated history (default 2026-09-30). */
  end?: string;
  /** Years of history (default 3). */
  years?: number;
  /** Average relationships per person besides ego's (default 4). */
  relationshipsPerPerson?: number;
  /** Share of exchanges that are confidential (default 0.03). */
  confidentialShare?: number;
  /**
   * Whether people get emails, interests, tags and private notes, information
   * exchanges topic tags and confidential exchanges notes (default true, at
   * any size). `false` gives the same people, organisations and exchanges
   * without those fields: the smallest network of that shape, for measuring
   * the model's bare columns.
   */
  extras?: boolean;
}

/** Defaults of {@link generateNetwork}. */
export const DEFAULT_GENERATE_OPTIONS: Readonly<Required<Omit<GenerateOptions, "organisations" | "ego">>> = {
  seed: 1,
  people: 300,
  exchanges: 6000,
  end: "2026-09-30",
  years: 3,
  relationshipsPerPerson: 4,
  confidentialShare: 0.03,
  extras: true,
};

// relationship profiles, by number (a relationship's profile is kept in a byte)
const CLOSE = 0;
const ACTIVE = 1;
const WIDER = 2;
const ACQUAINTANCE = 3;
const DORMANT = 4;
const TAKER = 5;
const GIVER = 6;
const PROFILE_WEIGHTS: [number, number][] = [
  [CLOSE, 0.06], [ACTIVE, 0.16], [WIDER, 0.3], [ACQUAINTANCE, 0.28], [DORMANT, 0.1], [TAKER, 0.05], [GIVER, 0.05],
];
/** Relative share of the exchanges of a relationship of each profile (by number). */
const PROFILE_INTENSITY = [12, 5, 2, 0.7, 4, 4, 4];
const KIND_MIX: [ExchangeKind, number][] = [["meeting", 0.4], ["information", 0.3], ["favour", 0.1], ["gesture", 0.1], ["introduction", 0.05], ["connection", 0.05]];
const FORMATS: [string, number][] = [["coffee", 45], ["lunch", 75], ["call", 30]];

function weighted<T>(rnd: Random, items: readonly (readonly [T, number])[]): T {
  return items[weightedIndex(rnd, items)]![0];
}

/** The position in `items` of the item {@link weighted} picks (one draw, the weights subtracted in order). */
function weightedIndex(rnd: Random, items: readonly (readonly [unknown, number])[]): number {
  let x = rnd();
  for (let k = 0; k < items.length; k++) {
    if ((x -= items[k]![1]) < 0) return k;
  }
  return items.length - 1;
}

/** Each kind of the mix's code and default value, by its position in the mix. */
const MIX_CODE = KIND_MIX.map(([kind]) => KIND_CODE[kind]);
const MIX_VALUE = KIND_MIX.map(([kind]) => DEFAULT_KIND_VALUES[kind]);
/** Where "favour" stands in the mix (an introduction without a third person becomes one). */
const FAVOUR = KIND_MIX.findIndex(([kind]) => kind === "favour");

/** A growing typed column (of relationships, of affiliations): half a million values are not half a million boxed numbers. */
class Column<A extends Int32Array | Uint8Array | Float64Array> {
  length = 0;
  constructor(public values: A) {}
  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new (this.values.constructor as new (n: number) => A)(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

/** The most slots a {@link PairSet} is given up front (room for about 4 million pairs); beyond, it grows as it fills. */
const MAX_PRESIZED_SLOTS = 1 << 23;

/**
 * Unordered pairs of people already related: an open-addressing hash set of
 * `lo * n + hi` (a number up to n², beyond a small integer, which a `Set`
 * would box). `add` answers whether the pair is new.
 */
class PairSet {
  private keys: Float64Array;
  private size = 0;
  private readonly n: number;
  /** A set of pairs of `n` people, with room for about `expected` pairs (up to 4 million) before it grows (each growth rehashes every key). */
  constructor(n: number, expected = 0) {
    this.n = n;
    let size = 1 << 16;
    while (size < 2 * expected && size < MAX_PRESIZED_SLOTS) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
  }
  add(lo: number, hi: number): boolean {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const added = insertKey(this.keys, lo * this.n + hi);
    if (added) this.size++;
    return added;
  }
  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(2 * old.length).fill(-1);
    for (let k = 0; k < old.length; k++) if (old[k]! >= 0) insertKey(this.keys, old[k]!);
  }
}

/** Inserts a non-negative key into an open-addressing table (linear probing, -1 empty); false when it was there. */
function insertKey(keys: Float64Array, key: number): boolean {
  const mask = keys.length - 1;
  // multiplicative hash of the key's low and high 32 bits
  let h = (Math.imul(key >>> 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 4294967296), 0x85ebca6b)) & mask;
  for (;;) {
    const k = keys[h]!;
    if (k === key) return false;
    if (k < 0) {
      keys[h] = key;
      return true;
    }
    h = (h + 1) & mask;
  }
}

/**
 * Generates a network. Deterministic for a given set of options: no clock,
 * no `Math.random`.
 *
 * Shape: organisations with Zipf-like sizes; each person has one to three
 * jobs (job changes during the window); relationships are 60% with
 * colleagues, 40% across organisations; each relationship has a profile
 * (close, active, wider, acquaintance, dormant: active only in the first year,
 * taker/giver: giving goes 90% one way, so it sours) that sets its share of
 * the exchanges; exchange kinds follow the mix meeting 40%, information 30%,
 * favour 10%, gesture 10%, introduction 5%, connection 5%. With `extras`
 * (the default, at any size) people carry emails and some interests, tags and
 * private notes, information exchanges a topic tag and confidential ones a
 * note; `extras: false` leaves exactly those fields out and nothing else
 * changes (the random draws are the same).
 *
 * @example
 * ```ts
 * const net = generateNetwork({ seed: 7, people: 300, exchanges: 6000 });
 * net.ego; // "me"
 * generateNetwork({ seed: 7, people: 300, exchanges: 6000, extras: false }).person("p1").emails; // undefined
 * ```
 */
export function generateNetwork(options: Partial<GenerateOptions> & { seed: number }): Network {
  const o = { ...DEFAULT_GENERATE_OPTIONS, ...options };
  if (!(Number.isInteger(o.people) && o.people >= 2)) throw new TiegraphError("tiegraph/generate", "invalid-option", "people must be an integer ≥ 2", { got: String(o.people) });
  if (!(Number.isInteger(o.exchanges) && o.exchanges >= 0)) throw new TiegraphError("tiegraph/generate", "invalid-option", "exchanges must be an integer ≥ 0", { got: String(o.exchanges) });
  if (typeof o.extras !== "boolean") throw new TiegraphError("tiegraph/generate", "invalid-option", "extras must be true or false", { got: String(o.extras) });
  const endDay = parseDay(o.end);
  if (endDay === undefined) throw new TiegraphError("tiegraph/generate", "invalid-option", "end must be a date YYYY-MM-DD", { got: o.end });
  const rnd = createRandom(o.seed);
  const hasEgo = o.ego ?? o.people <= 5000;
  const N = o.people + (hasEgo ? 1 : 0);
  const startDay = endDay - Math.round(o.years * 365.25);
  const span = endDay - startDay;
  const O = o.organisations ?? Math.max(5, Math.round(o.people / 25));

  // organisations, with Zipf-like popularity
  const orgs: Organisation[] = [];
  const usedNames = new Set<string>();
  for (let k = 0; k < O; k++) {
    let name = `${rnd.pick(ORG_PREFIXES)} ${rnd.pick(ORG_SUFFIXES)}`;
    if (usedNames.has(name)) name = `${name} ${k}`;
    usedNames.add(name);
    orgs.push({ id: `o${k + 1}`, name });
  }
  const orgCum = new Float64Array(O);
  let acc = 0;
  for (let k = 0; k < O; k++) orgCum[k] = acc += 1 / Math.pow(k + 1, 0.8);
  const pickOrg = (): number => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = O - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orgCum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // people and careers; the affiliations as columns (day numbers, role numbers), which the network
  // takes as they are, instead of records whose dates it would parse again
  const people: Person[] = [];
  const affPerson = new Column(new Int32Array(2 * N));
  const affOrg = new Column(new Int32Array(2 * N));
  const affFrom = new Column(new Int32Array(2 * N));
  const affTo = new Column(new Int32Array(2 * N));
  const affRole = new Column(new Int32Array(2 * N));
  const members: number[][] = Array.from({ length: O }, () => []);
  const currentOrg = new Int32Array(N);
  const roles = ["Engineer", "Analyst", "Manager", "Director", "Consultant", "Designer", "Counsel", "Account Executive"];
  for (let i = 0; i < N; i++) {
    const isEgo = hasEgo && i === 0;
    const id = isEgo ? "me" : `p${hasEgo ? i : i + 1}`;
    const name = isEgo ? "Me" : `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    const p: Person = { id, name };
    if (!isEgo) {
      // the draws happen with or without extras, so `extras: false` changes nothing else
      // one topic, sometimes a second (once, when the second draw repeats the first)
      let interests: string[] | undefined;
      if (rnd.chance(0.5)) {
        const first = rnd.pick(TOPICS);
        const second = rnd.chance(0.4) ? rnd.pick(TOPICS) : first;
        interests = second === first ? [first] : [first, second];
      }
      const tags = rnd.chance(0.25) ? [rnd.pick(PERSON_TAGS)] : undefined;
      const notes = rnd.chance(0.05) ? `Private: ${rnd.pick(["going through a reorg", "considering leaving", "asked me to keep the merger quiet", "health leave last spring"])}` : undefined;
      if (o.extras) {
        p.emails = [`${id}@example.org`];
        if (interests) p.interests = interests;
        if (tags) p.tags = tags;
        if (notes) p.notes = notes;
      }
    }
    people.push(p);
    const jobs = isEgo ? 2 : 1 + (rnd.chance(0.3) ? 1 : 0) + (rnd.chance(0.08) ? 1 : 0);
    // the days of the job changes, drawn in order, then in ascending order (at most two), two days apart at least
    let change0 = 0;
    let change1 = 0;
    if (jobs > 1) change0 = startDay + 30 + rnd.int(span - 60);
    if (jobs > 2) {
      const next = startDay + 30 + rnd.int(span - 60);
      if (next < change0) [change0, change1] = [next, change0];
      else change1 = next;
      if (change1 <= change0 + 1) change1 = change0 + 2;
    }
    const change = (k: number): number => (k === 0 ? change0 : change1);
    let prevOrg = -1;
    for (let j = 0; j < jobs; j++) {
      let org = pickOrg();
      if (org === prevOrg) org = (org + 1) % O;
      prevOrg = org;
      const from = j === 0 ? startDay - 200 - rnd.int(3000) : change(j - 1) + 1;
      const to = j === jobs - 1 ? undefined : change(j);
      affPerson.push(i);
      affOrg.push(org);
      affFrom.push(from);
      affTo.push(to ?? OPEN_END);
      affRole.push(rnd.int(roles.length));
      members[org]!.push(i);
      currentOrg[i] = org;
    }
  }

  // relationships (unordered pairs), each with a profile and an intensity
  // each person adds 1 to 2 × relationshipsPerPerson - 1 pairs (relationshipsPerPerson on average), and ego one with most people
  const pairs = new PairSet(N, (hasEgo ? N : 0) + Math.ceil(N * o.relationshipsPerPerson * 1.1));
  const relAs = new Column(new Int32Array(1024));
  const relBs = new Column(new Int32Array(1024));
  const relProfiles = new Column(new Uint8Array(1024));
  const relWeights = new Column(new Float64Array(1024));
  const addRel = (x: number, y: number, profile: number): void => {
    if (x === y) return;
    if (!pairs.add(Math.min(x, y), Math.max(x, y))) return;
    relAs.push(x);
    relBs.push(y);
    relProfiles.push(profile);
    relWeights.push(PROFILE_INTENSITY[profile]! * (0.5 + rnd()));
  };
  const start = hasEgo ? 1 : 0;
  if (hasEgo) {
    for (let i = 1; i < N; i++) if (rnd.chance(0.92)) addRel(0, i, weighted(rnd, PROFILE_WEIGHTS));
  }
  const perPerson = o.relationshipsPerPerson;
  for (let i = start; i < N; i++) {
    const k = 1 + rnd.int(Math.max(1, Math.round(perPerson * 2 - 1)));
    for (let j = 0; j < k; j++) {
      const colleagues = members[currentOrg[i]!]!;
      let other = rnd.chance(0.6) && colleagues.length > 1 ? rnd.pick(colleagues) : start + rnd.int(N - start);
      if (other === i) other = start + ((other - start + 1) % (N - start));
      addRel(i, other, rnd.chance(0.08) ? (rnd.chance(0.5) ? TAKER : GIVER) : rnd.chance(0.1) ? DORMANT : WIDER);
    }
  }
  const R = relAs.length;
  const relA = relAs.values;
  const relB = relBs.values;
  const relProfile = relProfiles.values;
  const relWeight = relWeights.values;
  const relCum = new Float64Array(R);
  let wsum = 0;
  for (let r = 0; r < R; r++) relCum[r] = wsum += relWeight[r]!;
  const pickRel = cumulativePicker(relCum, wsum);
  // neighbours, for introductions
  const nbrStart = new Int32Array(N + 1);
  for (let r = 0; r < R; r++) {
    nbrStart[relA[r]! + 1]!++;
    nbrStart[relB[r]! + 1]!++;
  }
  for (let i = 0; i < N; i++) nbrStart[i + 1]! += nbrStart[i]!;
  const nbr = new Int32Array(2 * R);
  const fill = nbrStart.slice(0, N);
  for (let r = 0; r < R; r++) {
    nbr[fill[relA[r]!]!++] = relB[r]!;
    nbr[fill[relB[r]!]!++] = relA[r]!;
  }

  // the exchanges go straight into typed columns (no record per exchange, nothing to re-validate:
  // every index and code below is in range by construction); Network.fromColumns checks them cheaply
  const M = R === 0 ? 0 : o.exchanges;
  const extraList: [number, ExchangeExtras][] = [];
  const raw: RawExchangeColumns = {
    count: M,
    from: new Int32Array(M),
    to: new Int32Array(M),
    day: new Int32Array(M),
    kind: new Uint8Array(M),
    value: new Float64Array(M),
    minutes: new Float32Array(M).fill(NaN),
    flags: new Uint8Array(M),
    format: new Uint8Array(M),
    formats: [],
    extras: extraList,
  };
  const formatCode = (f: string): number => {
    let c = raw.formats.indexOf(f);
    if (c < 0) c = raw.formats.push(f) - 1;
    return c + 1;
  };
  // an information exchange's extras hold only its topic: one shared record per topic, as an import shares
  // equal tag lists (a note makes a record of its own): a million exchanges make 15 such records, not 291,289
  const topicExtras = new Map<string, ExchangeExtras>();
  const confidentialNotes = ["told me in confidence about layoffs", "shared salary bands", "is interviewing elsewhere", "board is unhappy with the CEO"];
  for (let x = 0; x < M; x++) {
    const r = pickRel(rnd() * wsum);
    const profile = relProfile[r]!;
    let giver = relA[r]!;
    let taker = relB[r]!;
    const mix = weightedIndex(rnd, KIND_MIX);
    let kind = KIND_MIX[mix]![0];
    if (profile === TAKER || profile === GIVER) {
      // one side (relB for taker, relA for giver) gives 90% of the time
      const oneWay = rnd.chance(0.9);
      if ((profile === TAKER) === oneWay) {
        giver = relB[r]!;
        taker = relA[r]!;
      }
    } else if (rnd.chance(0.5)) {
      giver = relB[r]!;
      taker = relA[r]!;
    }
    const dayOffset = profile === DORMANT ? rnd.int(Math.min(span, 300)) : rnd.int(span + 1);
    raw.from[x] = giver;
    raw.to[x] = taker;
    raw.day[x] = startDay + dayOffset;
    let extras: ExchangeExtras | undefined;
    if (kind === "meeting") {
      const meeting = FORMATS[rnd.int(FORMATS.length)]!;
      raw.format[x] = formatCode(meeting[0]);
      raw.minutes[x] = meeting[1];
    } else if (kind === "gesture") {
      raw.format[x] = formatCode(rnd.chance(0.7) ? "coffee" : "lunch");
    } else if (kind === "information") {
      const topic = rnd.pick(TOPICS);
      if (o.extras) {
        extras = topicExtras.get(topic);
        if (extras === undefined) topicExtras.set(topic, (extras = { tags: [topic] }));
      }
    } else if (kind === "introduction") {
      const a = nbrStart[giver]!;
      const b = nbrStart[giver + 1]!;
      let third = -1;
      for (let t = 0; t < 4 && third < 0; t++) {
        const c = nbr[a + rnd.int(b - a)]!;
        if (c !== taker && c !== giver) third = c;
      }
      if (third < 0) kind = "favour";
      else extras = { introduced: third };
    }
    // codes and values looked up in arrays by the mix's position, not by the kind's name
    const m = kind === "favour" ? FAVOUR : mix;
    raw.kind[x] = MIX_CODE[m]!;
    raw.value[x] = MIX_VALUE[m]!;
    if (rnd.chance(o.confidentialShare)) {
      raw.flags[x] = 1; // confidential
      const note = rnd.pick(confidentialNotes);
      if (o.extras) extras = { ...extras, note };
    }
    if (extras) extraList.push([x, extras]);
  }
  const k = affPerson.length;
  const affiliations: AffiliationColumns = { person: affPerson.values.subarray(0, k), organisation: affOrg.values.subarray(0, k), from: affFrom.values.subarray(0, k), to: affTo.values.subarray(0, k), role: affRole.values.subarray(0, k), roles };
  return Network.fromColumns({ organisations: orgs, people, ...(hasEgo ? { ego: "me" } : {}) }, raw, affiliations);
}

/**
 * The balance of one relationship: what each side has given the other, how
 * lopsided it is, how long the current one-way run is, and whether it has
 * soured.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay } from "../model/dates.js";
import type { ExchangeColumns, Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { resolveReciprocityOptions, type ReciprocityOptionsInput, type ResolvedReciprocityOptions } from "./options.js";
import { emptyPairScan, imbalanceOf, NO_DAY, packRuns, scanRun, type PairScan } from "./pair-scan.js";
import { judgeSouring, type Souring } from "./souring.js";

/** One relationship's reciprocity, seen from `person` ("you") towards `contact` ("them"). */
export interface RelationshipBalance {
  person: PersonId;
  contact: PersonId;
  /** Value you gave them, recency-decayed with the tie half-life, repeated gestures diminished. */
  given: number;
  /** Value they gave you, on the same terms. */
  received: number;
  /** Recorded value you gave them (no decay, no gesture rule). */
  givenRaw: number;
  /** Recorded value they gave you. */
  receivedRaw: number;
  /** `given − received`: positive when they owe you. */
  balance: number;
  /** `(given − received) / (given + received)` in [−1, 1]; null when neither side gave anything. */
  imbalance: number | null;
  /** How many of the latest giving exchanges went the same way in a row (0 when none). */
  oneWayStreak: number;
  /** Which way that run goes. */
  streakDirection: "given" | "received" | "none";
  /** Days from their last giving exchange to the reference day; null when they never gave. */
  daysSinceOtherGave: number | null;
  /** Days from your last giving exchange to the reference day; null when you never gave. */
  daysSinceYouGave: number | null;
  /** Date of the last exchange of any kind (meetings included); null when none. */
  lastDate: string | null;
  /** Exchanges of any kind counted. */
  exchanges: number;
  /** Present when the relationship has soured by the rules in force. */
  souring?: Souring;
}

/** Turns a finished scan into the public record. */
export function balanceRecord(network: Network, cols: ExchangeColumns, s: PairScan, a: number, b: number, o: ResolvedReciprocityOptions): RelationshipBalance {
  const imbalance = imbalanceOf(s.given, s.received);
  const rec: RelationshipBalance = {
    person: network.personAt(a).id,
    contact: network.personAt(b).id,
    given: s.given,
    received: s.received,
    givenRaw: s.givenRaw,
    receivedRaw: s.receivedRaw,
    balance: s.given - s.received,
    imbalance: Number.isNaN(imbalance) ? null : imbalance,
    oneWayStreak: s.streak,
    streakDirection: s.streakDirection > 0 ? "given" : s.streakDirection < 0 ? "received" : "none",
    daysSinceOtherGave: s.lastGaveB === NO_DAY ? null : o.asOf - s.lastGaveB,
    daysSinceYouGave: s.lastGaveA === NO_DAY ? null : o.asOf - s.lastGaveA,
    lastDate: s.lastDay === NO_DAY ? null : formatDay(s.lastDay),
    exchanges: s.exchanges,
  };
  const souring = judgeSouring(s, cols, o);
  if (souring) rec.souring = souring;
  return rec;
}

/**
 * The reciprocity of the relationship between `person` and `contact`, from
 * `person`'s side. Only giving exchanges (information, favours, introductions,
 * gestures) carry value; meetings and connections are touchpoints and count
 * only in `exchanges` and `lastDate`.
 *
 * - given `G = Σ v_e · 2^(−Δ_e/h)` over exchanges person → contact, `Δ_e` the
 *   days to the reference day, `h` the half-life; gestures enter with their
 *   diminished value ({@link gestureValue}); `received` likewise the other way.
 * - imbalance `(G − R) / (G + R)` ∈ [−1, 1], +1 when only you gave.
 * - the one-way streak counts the latest giving exchanges that all went the
 *   same way.
 * - souring: see {@link SouringRules}.
 *
 * The exponential decay is the tie-strength decay ({@link decayedValue});
 * the normalised imbalance is the dyadic form of the reciprocity index of
 * Squartini et al. (2013, "Reciprocity of weighted networks", Sci Rep 3:2729).
 *
 * @example
 * ```ts
 * const b = relationshipBalance(network, "me", "ann");
 * if (b.souring?.direction === "you-owe") console.log(formatSouringReasons(b.souring.reasons)); // "the last 4 giving exchanges all went from them to you"
 * ```
 */
export function relationshipBalance(network: Network, person: PersonId, contact: PersonId, options: ReciprocityOptionsInput = {}): RelationshipBalance {
  const a = network.personIndex(person);
  const b = network.personIndex(contact);
  if (a === b) throw new TiegraphError("tiegraph/reciprocity", "invalid-option", "a relationship needs two different people", { record: `person ${showValue(person)}`, expected: "a contact other than the person" });
  const o = resolveReciprocityOptions(network, options);
  const cols = network.exchangeColumns();
  const runs = packRuns(cols, network.exchangesBetween(a, b));
  const s = emptyPairScan();
  scanRun(runs, 0, runs.day.length, a < b, o, s);
  return balanceRecord(network, cols, s, a, b, o);
}

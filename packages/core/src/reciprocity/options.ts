/**
 * Reciprocity options: the tie half-life, the token-gesture rule and the
 * souring rules, with their defaults. Shared by every per-relationship
 * measure of this folder (balance, ledger, pair balances) so they agree.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { DEFAULT_TIE_STRENGTH_OPTIONS } from "../graph/tie-strength.js";
import { defaultAsOf } from "../graph/visible-exchanges.js";

const SCOPE = "tiegraph/reciprocity";

/** The rules that flag a relationship as souring (one-sided). */
export type SouringRule = "imbalance" | "streak" | "unreturned-favour";

/**
 * Thresholds of the souring rules. A relationship sours, seen from "you":
 * - `imbalance`: over the last `windowDays` days, with gestures diminished and
 *   no decay, `|(G − R) / (G + R)| ≥ imbalanceThreshold` with at least
 *   `minWindowExchanges` giving exchanges in the window;
 * - `streak`: the last `streakLength` giving exchanges all went one way;
 * - `unreturned-favour`: a favour or introduction was given and the other side
 *   has given nothing at all since, for `favourDays` days or more. A
 *   confidential favour is only considered with `revealConfidential`, so a
 *   reason never cites one by default.
 * Each rule points to "you owe" (they gave more) or "they owe" (you did).
 */
export interface SouringRules {
  /** Rules in force (default all three). */
  rules: readonly SouringRule[];
  /** Recent window of the imbalance rule, in days before the reference day. */
  windowDays: number;
  /** The imbalance rule fires when |(G − R) / (G + R)| over the window reaches this. */
  imbalanceThreshold: number;
  /** …and the window holds at least this many giving exchanges. */
  minWindowExchanges: number;
  /** The streak rule fires when the last this-many giving exchanges all went one way. */
  streakLength: number;
  /** The unreturned-favour rule fires when a favour or introduction has gone unreturned this many days. */
  favourDays: number;
}

/** Options of the per-relationship reciprocity measures. */
export interface ReciprocityOptions {
  /** Reference day `YYYY-MM-DD` ("now"); exchanges after it are ignored. Default: the network's last exchange day. */
  asOf?: string;
  /** Half-life of an exchange's value in days. Default: `network.settings.halfLifeDays`, else the tie-strength default (180). */
  halfLifeDays?: number;
  /** Gestures closer than this many days to earlier ones of the same giver to the same receiver count less. */
  gestureWindowDays: number;
  /** Each earlier gesture inside the window multiplies a gesture's value by this factor. */
  gestureDecay: number;
  /** Souring thresholds. */
  souring: SouringRules;
  /** Leave confidential exchanges out of every number (default false: they count, but are never cited). */
  excludeConfidential: boolean;
  /** Allow souring reasons to cite confidential exchanges (default false). */
  revealConfidential: boolean;
}

/** What callers pass: every field optional, souring thresholds one by one. */
export type ReciprocityOptionsInput = Partial<Omit<ReciprocityOptions, "souring">> & { souring?: Partial<SouringRules> };

/**
 * Defaults. Gestures: a 90-day window and a factor of 0.5, so a second coffee
 * within three months counts half, a third a quarter. Souring: over the last
 * 180 days an imbalance beyond ±0.6 with at least 3 giving exchanges, or the
 * last 4 giving exchanges all one way, or a favour or introduction unreturned
 * for 90 days.
 */
export const DEFAULT_RECIPROCITY_OPTIONS: Readonly<ReciprocityOptions> = {
  gestureWindowDays: 90,
  gestureDecay: 0.5,
  souring: {
    rules: ["imbalance", "streak", "unreturned-favour"],
    windowDays: 180,
    imbalanceThreshold: 0.6,
    minWindowExchanges: 3,
    streakLength: 4,
    favourDays: 90,
  },
  excludeConfidential: false,
  revealConfidential: false,
};

/** Options with every value settled against a network. */
export interface ResolvedReciprocityOptions extends Omit<ReciprocityOptions, "asOf" | "halfLifeDays"> {
  asOf: Day;
  halfLifeDays: number;
}

const RULES: readonly SouringRule[] = ["imbalance", "streak", "unreturned-favour"];

function invalid(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError(SCOPE, "invalid-option", `invalid option ${name}`, { record: `options.${name}`, expected, got: showValue(got) });
}

function positive(name: string, v: number, allowZero = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) throw invalid(name, allowZero ? "a finite number ≥ 0" : "a finite number > 0", v);
  return v;
}

/** Settles options against a network: fills defaults, checks every value (throws `invalid-option`). */
export function resolveReciprocityOptions(network: Network, input: ReciprocityOptionsInput = {}): ResolvedReciprocityOptions {
  const d = DEFAULT_RECIPROCITY_OPTIONS;
  const souring: SouringRules = { ...d.souring, ...input.souring };
  let asOf = defaultAsOf(network, { excludeConfidential: input.excludeConfidential === true });
  if (input.asOf !== undefined) {
    const day = typeof input.asOf === "string" ? parseDay(input.asOf) : undefined;
    if (day === undefined) throw invalid("asOf", "a calendar date YYYY-MM-DD", input.asOf);
    asOf = day;
  }
  const halfLifeDays = positive("halfLifeDays", input.halfLifeDays ?? network.settings.halfLifeDays ?? DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays);
  const gestureDecay = input.gestureDecay ?? d.gestureDecay;
  if (!(typeof gestureDecay === "number" && gestureDecay >= 0 && gestureDecay <= 1)) throw invalid("gestureDecay", "a factor between 0 and 1", gestureDecay);
  if (!Array.isArray(souring.rules) || souring.rules.some((r) => !RULES.includes(r))) throw invalid("souring.rules", `a list of ${RULES.join(", ")}`, souring.rules);
  const thr = souring.imbalanceThreshold;
  if (!(typeof thr === "number" && thr > 0 && thr <= 1)) throw invalid("souring.imbalanceThreshold", "a number in (0, 1]", thr);
  for (const k of ["minWindowExchanges", "streakLength"] as const) {
    if (!(Number.isInteger(souring[k]) && souring[k] >= 1)) throw invalid(`souring.${k}`, "an integer ≥ 1", souring[k]);
  }
  positive("souring.windowDays", souring.windowDays);
  positive("souring.favourDays", souring.favourDays, true);
  return {
    asOf,
    halfLifeDays,
    gestureWindowDays: positive("gestureWindowDays", input.gestureWindowDays ?? d.gestureWindowDays, true),
    gestureDecay,
    souring,
    excludeConfidential: input.excludeConfidential === true,
    revealConfidential: input.revealConfidential === true,
  };
}

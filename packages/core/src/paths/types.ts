/**
 * The records introduction paths answer with: hops, paths, nearest
 * contacts and the answer as a whole. Plain data, safe to serialise.
 */
import type { OrganisationId, PersonId } from "../model/types.js";
import type { SouringReason } from "../reciprocity/souring.js";
import type { AskStanding } from "./ask-standing.js";

/** Whom to reach: a person, anyone affiliated with an organisation on the reference day, or anyone carrying a tag. */
export type IntroductionTarget = { person: PersonId } | { organisation: OrganisationId } | { tag: string };

/** How paths are scored: the largest product of tie strengths, or the strongest weakest tie. */
export type IntroductionMode = "reliable" | "widest";

/** One tie of a path, told from `from`'s side. */
export interface IntroductionHop {
  from: PersonId;
  to: PersonId;
  /** The relationship's strength in (0, 1]. */
  strength: number;
  /** Last exchange between them on or before the reference day (confidential ones only when asked for); absent when none can be shown. */
  lastDate?: string;
  /** Days from `lastDate` to the reference day. */
  daysSince?: number;
  /** `given − received`: positive when `to` owes `from`. */
  balance: number;
  /** Recency-decayed value `from` gave `to` (see relationshipBalance). */
  given: number;
  /** Recency-decayed value `to` gave `from`. */
  received: number;
  /** Where the tie stands for `from` asking `to` a favour. */
  standing: AskStanding;
  /** Which way the tie is souring, from `from`'s side, when the reciprocity souring rules fire: `you-owe` (`from` owes) or `they-owe`. */
  souringDirection?: "you-owe" | "they-owe";
  /** Why the tie counts as souring, from `from`'s side, when it does (never citing confidential exchanges unless asked; words: `formatSouringReasons`). */
  souringReasons?: SouringReason[];
  /** True when the relationship rests only on confidential exchanges (then no date is shown unless asked). */
  confidentialOnly: boolean;
}

/** One ranked introduction path. */
export interface IntroductionPath {
  /** Source, intermediaries, and the person reached. */
  people: PersonId[];
  /**
   * What the path was ranked by: reliable mode, the product of the hops'
   * strengths; widest mode, the weakest hop's strength (ties broken by the
   * product). With reciprocity-aware ranking the first hop's strength is
   * multiplied by its ask factor first.
   */
  score: number;
  /** The weakest hop's strength. */
  bottleneck: number;
  /** The product of the hops' strengths: the chance the whole chain holds if each tie holds independently. */
  product: number;
  /** The first hop's reciprocity multiplier (1 unless reciprocity-aware). */
  askFactor: number;
  hops: IntroductionHop[];
  /** Why the path ranked where it did, in data; `formatPath` (core's wording) puts it in words. */
  reasons: PathReason[];
}

/**
 * Why a path ranked where it did. `rank` is 1-based; scores are the ranking
 * values (after the first hop's ask factor when reciprocity-aware), chances
 * the plain products, weakest ties the plain bottlenecks.
 * - `most-reliable`: #1 and no other path's chain holds with a higher chance (reliable mode);
 * - `strongest-weakest`: #1 and no other path has a stronger weakest tie (widest mode);
 * - `first-after-asking`: #1 only because the first hops were weighed (a `reordered` reason follows);
 * - `below`: ranked under `above` by the plain score; `below-weighted` the same with the first hop weighed;
 * - `same-weakest`: widest mode, the same weakest tie as `above`, a lower chance;
 * - `reordered`: a path ranked lower (`over`) has the better plain chain, but its first hop stands worse for asking;
 * - `ask`: where the first hop stands for asking, and its factor (reciprocity-aware only, when no `reordered` reason names it).
 */
export type PathReason =
  | { code: "most-reliable"; rank: 1; chance: number; maxHops: number | null }
  | { code: "strongest-weakest"; rank: 1; weakest: number; maxHops: number | null }
  | { code: "first-after-asking"; rank: 1; mode: IntroductionMode; score: number }
  | { code: "below" | "below-weighted"; rank: number; above: number; mode: IntroductionMode; score: number; aboveScore: number }
  | { code: "same-weakest"; rank: number; above: number; weakest: number; chance: number; aboveChance: number }
  | { code: "reordered"; rank: number; over: number; mode: IntroductionMode; value: number; overValue: number; from: PersonId; person: PersonId; standing: AskStanding; overPerson: PersonId; overStanding: AskStanding }
  | { code: "ask"; rank: number; from: PersonId; person: PersonId; standing: AskStanding; factor: number };

/** A person of the target's group reachable from the source, for answers with no path in the hop limit. */
export interface NearestContact {
  person: PersonId;
  /** The organisation through which they belong to the target's group (their colleague's or the target organisation). */
  organisation?: OrganisationId;
  /** Fewest hops from the source, ignoring the hop limit. */
  hops: number;
  /** Whether they are within the hop limit. */
  withinHopLimit: boolean;
  /** A fewest-hop chain from the source to them. */
  people: PersonId[];
}

/**
 * An answer of introductionPaths, in data (codes and numbers; the summary in
 * words comes from `formatPathSummary`):
 * - `found`: paths within the hop limit;
 * - `direct`: found, and the source already has a tie with the target (listed in `direct`);
 * - `self`: the source is the target;
 * - `none`: no path within the limit (`nearest` says who of the target's group is closest).
 */
export interface IntroductionAnswer {
  status: "found" | "direct" | "self" | "none";
  from: PersonId;
  to: IntroductionTarget;
  mode: IntroductionMode;
  /** The hop limit (null for none). */
  maxHops: number | null;
  /** Reference day of strengths, balances and affiliations. */
  asOf: string;
  /** Best first. */
  paths: IntroductionPath[];
  /** The source's own ties to the target (status `direct`). */
  direct?: IntroductionHop[];
  /** Closest reachable people of the target's group (status `none`). */
  nearest?: NearestContact[];
  /** Why the status is `none`: nobody (else, not avoided) is in the target's group, or no path reaches them within the limit. */
  none?: "empty-group" | "no-path";
}

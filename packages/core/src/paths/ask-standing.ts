/**
 * Where a relationship stands for asking a favour: whether the person you
 * would ask owes you, is in balance with you, is owed by you, or the tie has
 * soured. Reciprocity-aware introduction ranking weighs the first hop by it.
 */
import type { RelationshipBalance } from "../reciprocity/relationship-balance.js";

/**
 * A relationship's standing from one side ("you") towards the other:
 * - `owed`: they received clearly more than they gave (they owe you), or the
 *   reciprocity rules flag the tie as one-sided in your favour;
 * - `balanced`: giving is roughly even, or nobody gave anything;
 * - `owing`: you received clearly more (you owe them);
 * - `souring`: the reciprocity rules flag the tie as one-sided against you
 *   (you owe them and have let it run).
 */
export type AskStanding = "owed" | "balanced" | "owing" | "souring";

/** Options of reciprocity-aware ranking. */
export interface AskStandingOptions {
  /** `|imbalance|` below this counts as balanced; imbalance is `(given − received) / (given + received)`. */
  balancedWithin: number;
  /** Multiplier of the first hop's strength for each standing, in (0, 1]. */
  factors: Readonly<Record<AskStanding, number>>;
}

/**
 * Defaults: within ±0.2 counts as balanced. Asking someone who owes you or
 * is in balance costs nothing extra (×1); asking someone you already owe
 * draws on a debt (×0.7); a tie souring because you owe and have not
 * repaid is a poor first hop (×0.4). A tie souring the other way (they owe
 * you) counts as `owed` (×1). The
 * norm behind it is Gouldner's norm of reciprocity (1960, "The Norm of
 * Reciprocity", American Sociological Review 25(2)): people help those who
 * helped them, and an unreturned favour makes the next request harder.
 */
export const DEFAULT_ASK_STANDING_OPTIONS: Readonly<AskStandingOptions> = {
  balancedWithin: 0.2,
  factors: { owed: 1, balanced: 1, owing: 0.7, souring: 0.4 },
};

/**
 * The standing of a relationship from its `person`'s side, and the factor
 * reciprocity-aware ranking applies to a first hop with that standing.
 * The souring rules come first, by direction: souring against you (`you-owe`:
 * you let a debt run) is `souring`; souring in your favour (`they-owe`: you
 * gave and gave) is `owed`, because someone who owes you a lot is, by the
 * norm of reciprocity, the person most inclined to return a favour, never a
 * worse one to ask. Without souring, the imbalance
 * `(given − received) / (given + received)` is read against `balancedWithin`.
 *
 * @example
 * ```ts
 * const b = relationshipBalance(network, "me", "ann");
 * askStanding(b).standing; // "owed" when Ann received clearly more than she gave
 * ```
 */
export function askStanding(balance: RelationshipBalance, options: AskStandingOptions = DEFAULT_ASK_STANDING_OPTIONS): { standing: AskStanding; factor: number } {
  let standing: AskStanding;
  if (balance.souring) standing = balance.souring.direction === "you-owe" ? "souring" : "owed";
  else if (balance.imbalance === null || Math.abs(balance.imbalance) < options.balancedWithin) standing = "balanced";
  else standing = balance.imbalance > 0 ? "owed" : "owing";
  return { standing, factor: options.factors[standing] };
}

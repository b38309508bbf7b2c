/**
 * Why each introduction path ranked where it did, as data: the rank codes
 * with their figures, the reorderings reciprocity-aware ranking caused, and
 * where each first hop stands for asking. Words come from core's wording.
 */
import type { IntroductionMode, IntroductionPath, PathReason } from "./types.js";

/** What a path's plain chain is worth in a mode: the product, or the weakest tie (then the product). */
function plainBetter(mode: IntroductionMode, a: IntroductionPath, b: IntroductionPath): boolean {
  if (mode === "reliable") return a.product > b.product;
  return a.bottleneck > b.bottleneck || (a.bottleneck === b.bottleneck && a.product > b.product);
}

/**
 * The reasons of each path of a ranking (best first), written into
 * `path.reasons`. A path ranked above one with a better plain chain gets a
 * `reordered` reason naming the first such path and both first hops'
 * standings (instead of its own `ask` reason); #1 is `most-reliable` / `strongest-weakest` only when no path
 * below it has the better plain chain.
 *
 * @example
 * ```ts
 * setRankReasons(paths, "reliable", 4, false);
 * paths[0].reasons; // [{ code: "most-reliable", rank: 1, chance: 0.45, maxHops: 4 }]
 * ```
 */
export function setRankReasons(paths: IntroductionPath[], mode: IntroductionMode, maxHops: number | null, reciprocityAware: boolean): void {
  paths.forEach((p, i) => {
    const rank = i + 1;
    const reasons: PathReason[] = [];
    const over = paths.findIndex((q, k) => k > i && plainBetter(mode, q, p));
    if (i === 0) {
      if (over >= 0) reasons.push({ code: "first-after-asking", rank: 1, mode, score: p.score });
      else if (mode === "reliable") reasons.push({ code: "most-reliable", rank: 1, chance: p.product, maxHops });
      else reasons.push({ code: "strongest-weakest", rank: 1, weakest: p.bottleneck, maxHops });
    } else {
      const above = paths[i - 1]!;
      if (mode === "widest" && p.score === above.score) {
        reasons.push({ code: "same-weakest", rank, above: rank - 1, weakest: p.score, chance: p.product * p.askFactor, aboveChance: above.product * above.askFactor });
      } else {
        reasons.push({ code: reciprocityAware ? "below-weighted" : "below", rank, above: rank - 1, mode, score: p.score, aboveScore: above.score });
      }
    }
    const first = p.hops[0];
    if (reciprocityAware && first) {
      if (over >= 0) {
        const q = paths[over]!;
        const value = mode === "reliable" ? p.product : p.bottleneck;
        const overValue = mode === "reliable" ? q.product : q.bottleneck;
        reasons.push({ code: "reordered", rank, over: over + 1, mode, value, overValue, from: first.from, person: first.to, standing: first.standing, overPerson: q.hops[0]!.to, overStanding: q.hops[0]!.standing });
      } else {
        // (a reordering already names this first hop's standing)
        reasons.push({ code: "ask", rank, from: first.from, person: first.to, standing: first.standing, factor: p.askFactor });
      }
    }
    p.reasons = reasons;
  });
}

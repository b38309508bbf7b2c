/**
 * Introduction paths in words: a summary line, one line per hop (strength,
 * last contact, balance) and why the path ranked where it did. Built only
 * from the hop records, which carry no notes and no confidential dates
 * unless the caller asked for them.
 */
import type { Network } from "../model/network.js";
import type { IntroductionHop, IntroductionMode, IntroductionPath } from "./types.js";

/** What the wording depends on besides the path itself. */
export interface ExplainContext {
  network: Network;
  /** Id of the source; called "you" when it is the network's ego. */
  source: string;
  sourceIsEgo: boolean;
  mode: IntroductionMode;
  maxHops: number;
  reciprocityAware: boolean;
  showConfidential: boolean;
}

const two = (x: number): string => x.toFixed(2);
const one = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);
/** A chance: three decimals, or two significant digits when tiny. */
export const chance = (x: number): string => (x >= 0.01 ? x.toFixed(3) : x.toPrecision(2));

/** Display name of a person; "you" for an ego source. */
export function nameOf(ctx: ExplainContext, id: string, capital = false): string {
  if (id === ctx.source && ctx.sourceIsEgo) return capital ? "You" : "you";
  return ctx.network.person(id).name;
}

function isYou(ctx: ExplainContext, id: string): boolean {
  return id === ctx.source && ctx.sourceIsEgo;
}

/** "you owe" / "Ann owes". */
function owes(ctx: ExplainContext, id: string): string {
  return `${nameOf(ctx, id)} ${isYou(ctx, id) ? "owe" : "owes"}`;
}

/** The balance of a hop in words, from its `from` side. */
export function balanceText(ctx: ExplainContext, hop: IntroductionHop): string {
  const gave = `${nameOf(ctx, hop.from)} gave ${one(hop.given)}, received ${one(hop.received)}`;
  switch (hop.standing) {
    case "owed":
      return `${owes(ctx, hop.to)} ${nameOf(ctx, hop.from)} (${gave})`;
    case "owing":
      return `${owes(ctx, hop.from)} ${nameOf(ctx, hop.to)} (${gave})`;
    case "souring": {
      const why = hop.souringReasons && isYou(ctx, hop.from) ? hop.souringReasons.join("; ") : gave;
      return `souring, one-sided giving (${why})`;
    }
    default:
      return hop.given === 0 && hop.received === 0 ? "no favours either way" : `in balance (${gave})`;
  }
}

/** One line about one hop. */
export function hopLine(ctx: ExplainContext, hop: IntroductionHop): string {
  const pair = `${nameOf(ctx, hop.from, true)} – ${nameOf(ctx, hop.to)}`;
  if (hop.confidentialOnly && !ctx.showConfidential) {
    return `${pair}: strength ${two(hop.strength)}, known only from exchanges in confidence (details withheld).`;
  }
  const when = hop.lastDate !== undefined ? `last contact ${hop.lastDate} (${hop.daysSince} days ago)` : "no contact on record to show";
  return `${pair}: strength ${two(hop.strength)}, ${when}; ${balanceText(ctx, hop)}.`;
}

function limitText(ctx: ExplainContext): string {
  return Number.isFinite(ctx.maxHops) ? `within ${ctx.maxHops} hop${ctx.maxHops === 1 ? "" : "s"}` : "of any length";
}

function weakestHop(path: IntroductionPath): IntroductionHop {
  let w = path.hops[0]!;
  for (const h of path.hops) if (h.strength < w.strength) w = h;
  return w;
}

/** Why a path ranked `rank` (1-based), given the path ranked just above it. */
export function rankLine(ctx: ExplainContext, path: IntroductionPath, rank: number, above: IntroductionPath | undefined): string {
  let line: string;
  if (ctx.mode === "reliable") {
    line = !above ? `Ranked #1: the most reliable chain ${limitText(ctx)}` : `Ranked #${rank}: chance ${chance(path.score)}, below #${rank - 1}'s ${chance(above.score)}`;
  } else if (!above) {
    line = `Ranked #1: its weakest tie (${two(path.score)}) is the strongest weakest tie of any path ${limitText(ctx)}`;
  } else if (path.score < above.score) {
    line = `Ranked #${rank}: weakest tie ${two(path.score)}, below #${rank - 1}'s ${two(above.score)}`;
  } else {
    line = `Ranked #${rank}: same weakest tie as #${rank - 1} (${two(path.score)}), lower chance ${chance(path.product * path.askFactor)} against ${chance(above.product * above.askFactor)}`;
  }
  if (ctx.reciprocityAware && path.hops.length > 0) {
    const first = path.hops[0]!;
    const who = nameOf(ctx, first.to);
    if (path.askFactor < 1) {
      const why = first.standing === "souring" ? `the tie with ${who} is souring` : `${owes(ctx, first.from)} ${who}`;
      line += `; the first hop counts ×${two(path.askFactor)} because ${why}`;
    } else {
      line += first.standing === "owed" ? `; ${owes(ctx, first.to)} ${nameOf(ctx, first.from)}, a good person to ask` : `; ${nameOf(ctx, first.from)} and ${who} are in balance, so asking costs nothing extra`;
    }
  }
  return `${line}.`;
}

/** The full explanation of a path. */
export function explainPath(ctx: ExplainContext, path: IntroductionPath, rank: number, above: IntroductionPath | undefined): string[] {
  const chain = path.people.map((id, i) => nameOf(ctx, id, i === 0)).join(" → ");
  const weakest = weakestHop(path);
  const n = path.hops.length;
  const head = `#${rank} ${chain}: the chain holds with chance ${chance(path.product)} (product of ${n} tie strength${n === 1 ? "" : "s"}); weakest tie ${two(path.bottleneck)} (${nameOf(ctx, weakest.from, true)} – ${nameOf(ctx, weakest.to)}).`;
  return [head, ...path.hops.map((h) => hopLine(ctx, h)), rankLine(ctx, path, rank, above)];
}

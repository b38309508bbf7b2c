/**
 * Introduction answers in words: the summary, each path's title, hop lines
 * and rank line, and the nearest people when nothing is in reach. The CLI
 * and the explorer both call these, so they say the same thing with the same
 * figures. Every sentence comes from the message table.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import type { AskStanding } from "../paths/ask-standing.js";
import type { IntroductionAnswer, IntroductionHop, IntroductionPath, NearestContact, PathReason } from "../paths/types.js";
import { displayNames } from "./display-names.js";
import { message, type MessageCode } from "./messages.js";
import { formatSouringReasons } from "./souring-text.js";

/** How the formatter names people and organisations, and who "you" is. */
export interface WordingNames {
  /** A person's display name (see {@link displayNames}). */
  person(id: PersonId): string;
  /** An organisation's name. */
  organisation(id: string): string;
  /** The reader: this person is called "you" (usually the network's ego). */
  you?: PersonId;
}

/**
 * The names a network gives the formatter: every `format…` function of the
 * wording takes them. People get their display names ({@link displayNames}:
 * a name shared by two people carries the organisation, then the email, then
 * the id, to tell them apart); organisations their name, or their id when the network does
 * not hold them; and one person, the reader, is "you": the network's ego
 * unless `options.you` names someone else (`undefined` for nobody, as when
 * wording a path from someone other than ego for a third party).
 *
 * @example
 * ```ts
 * const names = wordingNames(network); // ego is "you"
 * names.person("p38"); // "Dmitri Kim (Aurora Legal)": two Dmitri Kims in the network
 * names.organisation("o2"); // "Aurora Legal"
 * formatIntroduction(answer, wordingNames(network, { you: answer.from })); // the asker reads "you"
 * ```
 */
export function wordingNames(network: Network, options: { you?: PersonId | undefined } = {}): WordingNames {
  const name = displayNames(network);
  const you = "you" in options ? options.you : network.ego;
  const out: WordingNames = { person: (id) => name(id), organisation: (id) => (network.hasOrganisation(id) ? network.organisation(id).name : id) };
  if (you !== undefined) out.you = you;
  return out;
}

/**
 * A chance as the words show it: three decimals, or two significant digits when tiny.
 *
 * @example
 * ```ts
 * formatChance(0.4562); // "0.456"
 * formatChance(0.00456); // "0.0046"
 * ```
 */
export function formatChance(x: number): string {
  return x >= 0.01 ? x.toFixed(3) : x.toPrecision(2);
}
const two = (x: number): string => x.toFixed(2);
const one = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** The person's name, or "you"/"You" for the reader. */
function who(names: WordingNames, id: PersonId, capital = false): string {
  if (id === names.you) return capital ? "You" : "you";
  return names.person(id);
}
/** The message code with its ".you" variant when `id` is the reader. */
function variant(base: string, names: WordingNames, id: PersonId): MessageCode {
  return (id === names.you ? `${base}.you` : base) as MessageCode;
}

function limit(maxHops: number | null): string {
  return maxHops === null ? message("limit.none") : message("limit.hops", { hops: maxHops });
}

function targetText(answer: IntroductionAnswer, names: WordingNames): string {
  const to = answer.to;
  if ("person" in to) return message("target.person", { name: names.person(to.person) });
  if ("organisation" in to) return message("target.organisation", { name: names.organisation(to.organisation) });
  return message("target.tag", { tag: to.tag });
}

/**
 * The answer in one or two sentences, quoting the #1 path's own figure (its
 * chance in reliable mode, its weakest tie in widest mode): the same figure
 * as #1's title line.
 *
 * @example
 * ```ts
 * formatPathSummary(introductionPaths(network, { to: { person: "bob" } }), wordingNames(network));
 * // "3 paths from you to Bob within 4 hops; the best, #1, holds with chance 0.450."
 * ```
 */
export function formatPathSummary(answer: IntroductionAnswer, names: WordingNames): string {
  const from = who(names, answer.from);
  if (answer.status === "self") return answer.from === names.you ? message("summary.self.you") : message("summary.self", { from: who(names, answer.from, true) });
  if (answer.status === "none") {
    if (answer.none === "empty-group") {
      const to = answer.to;
      const where = "tag" in to ? message("where.tag", { tag: to.tag }) : "organisation" in to ? message("where.organisation", { name: names.organisation(to.organisation) }) : message("where.person", { name: names.person(to.person) });
      return message("summary.empty", { from, where, date: answer.asOf });
    }
    const none = message("summary.none", { from, target: targetText(answer, names), limit: limit(answer.maxHops) });
    const nearest = answer.nearest ?? [];
    if (nearest.length) return `${none} ${message("summary.none.closest", { list: nearest.map((c) => message("summary.none.closest.item", { name: names.person(c.person), hops: c.hops })).join(", ") })}`;
    const to = answer.to;
    const group = "tag" in to ? message("group.tag", { tag: to.tag }) : "organisation" in to ? names.organisation(to.organisation) : names.person(to.person);
    return `${none} ${message("summary.none.unreachable", { group, from })}`;
  }
  const best = answer.paths[0]!;
  const found =
    answer.mode === "reliable"
      ? message("summary.found.reliable", { count: answer.paths.length, from, target: targetText(answer, names), limit: limit(answer.maxHops), chance: formatChance(best.product) })
      : message("summary.found.widest", { count: answer.paths.length, from, target: targetText(answer, names), limit: limit(answer.maxHops), weakest: two(best.bottleneck) });
  const direct = answer.direct ?? [];
  if (direct.length === 0) return found;
  // the strongest three by name, the rest as a count
  let list = direct
    .slice(0, 3)
    .map((h) => message("summary.direct.item", { name: names.person(h.to), strength: two(h.strength), last: h.lastDate ? message("summary.direct.last", { date: h.lastDate }) : "" }))
    .join(", ");
  if (direct.length > 3) list = message("summary.direct.rest", { list, count: direct.length - 3 });
  const known = answer.from === names.you ? message("summary.direct.you", { list }) : message("summary.direct", { from: who(names, answer.from, true), list });
  return `${known} ${found}`;
}

function weakestHop(path: IntroductionPath): IntroductionHop {
  let w = path.hops[0]!;
  for (const h of path.hops) if (h.strength < w.strength) w = h;
  return w;
}

/**
 * A path's title line: rank, chain of names, the chance the chain holds and
 * its weakest tie.
 *
 * @example
 * ```ts
 * formatPathTitle(answer.paths[0], 1, names);
 * // "#1 You → Ann → Bob: the chain holds with chance 0.450 (product of 2 tie strengths); weakest tie 0.50 (Ann – Bob)."
 * ```
 */
export function formatPathTitle(path: IntroductionPath, rank: number, names: WordingNames): string {
  const w = weakestHop(path);
  return message("path.title", {
    rank,
    chain: path.people.map((id, i) => who(names, id, i === 0)).join(" → "),
    chance: formatChance(path.product),
    hops: path.hops.length,
    weakest: two(path.bottleneck),
    a: who(names, w.from, true),
    b: who(names, w.to),
  });
}

/** A hop's balance in words, from its `from` side. */
function balanceText(hop: IntroductionHop, names: WordingNames): string {
  const from = who(names, hop.from);
  const to = who(names, hop.to);
  const gave = message("hop.gave", { from, given: one(hop.given), received: one(hop.received) });
  // souring reasons are worded for the `from` side: shown only when that is the reader
  const why = hop.souringReasons && hop.from === names.you ? formatSouringReasons(hop.souringReasons) : gave;
  switch (hop.standing) {
    case "owed":
      return hop.souringDirection === "they-owe" ? message(variant("hop.owed.souring", names, hop.from), { from, to, why }) : message(variant("hop.owed", names, hop.from), { from, to, gave });
    case "owing":
      return message(variant("hop.owing", names, hop.from), { from, to, gave });
    case "souring":
      return message(variant("hop.souring", names, hop.from), { from, to, why });
    default:
      return hop.given === 0 && hop.received === 0 ? message("hop.nothing") : message("hop.balanced", { gave });
  }
}

/**
 * One line about one hop: strength, last contact ("1 day ago", never
 * "1 days ago") and where the balance stands. A tie known only from
 * confidential exchanges, with no date to show, says its details are withheld.
 *
 * @example
 * ```ts
 * formatHop(path.hops[0], names);
 * // "You – Ann: strength 0.90, last contact 2026-03-02 (18 days ago); you owe Ann (you gave 0.9, received 2.8)."
 * ```
 */
export function formatHop(hop: IntroductionHop, names: WordingNames): string {
  const a = who(names, hop.from, true);
  const b = who(names, hop.to);
  if (hop.confidentialOnly && hop.lastDate === undefined) return message("hop.withheld", { a, b, strength: two(hop.strength) });
  const when = hop.lastDate === undefined ? message("hop.when.none") : hop.daysSince === 0 ? message("hop.when.today", { date: hop.lastDate }) : message("hop.when", { date: hop.lastDate, days: hop.daysSince ?? 0 });
  return message("hop.line", { a, b, strength: two(hop.strength), when, balance: balanceText(hop, names) });
}

function standingText(standing: AskStanding, from: PersonId, person: PersonId, names: WordingNames): string {
  const values = { from: who(names, from), person: who(names, person) };
  if (standing === "souring") return message("standing.souring", values);
  return message(variant(`standing.${standing}`, names, from), values);
}

/**
 * One reason a path ranked where it did, in words (a clause, no final stop).
 *
 * @example
 * ```ts
 * formatPathReason({ code: "below", rank: 2, above: 1, mode: "reliable", score: 0.42, aboveScore: 0.45 }, names);
 * // "Ranked #2: chance 0.420, below #1's 0.450"
 * formatPathReason({ code: "reordered", rank: 1, over: 2, mode: "reliable", value: 0.42, overValue: 0.45, from: "me", person: "cat", standing: "owed", overPerson: "ann", overStanding: "owing" }, names);
 * // "#2 is more reliable (chance 0.450 against 0.420), but you owe Ann; Cat owes you"
 * ```
 */
export function formatPathReason(reason: PathReason, names: WordingNames): string {
  const figure = (mode: "reliable" | "widest", x: number) => (mode === "reliable" ? formatChance(x) : two(x));
  switch (reason.code) {
    case "most-reliable":
      return message("rank.most-reliable", { limit: limit(reason.maxHops) });
    case "strongest-weakest":
      return message("rank.strongest-weakest", { weakest: two(reason.weakest), limit: limit(reason.maxHops) });
    case "first-after-asking":
      return message("rank.first-after-asking", { score: figure(reason.mode, reason.score) });
    case "below":
    case "below-weighted":
      return message(`rank.${reason.code}.${reason.mode}`, { rank: reason.rank, above: reason.above, score: figure(reason.mode, reason.score), aboveScore: figure(reason.mode, reason.aboveScore) });
    case "same-weakest":
      return message("rank.same-weakest", { rank: reason.rank, above: reason.above, weakest: two(reason.weakest), chance: formatChance(reason.chance), aboveChance: formatChance(reason.aboveChance) });
    case "reordered":
      return message(`rank.reordered.${reason.mode}`, {
        over: reason.over,
        value: figure(reason.mode, reason.value),
        overValue: figure(reason.mode, reason.overValue),
        overStanding: standingText(reason.overStanding, reason.from, reason.overPerson, names),
        standing: standingText(reason.standing, reason.from, reason.person, names),
      });
    case "ask": {
      const standing = standingText(reason.standing, reason.from, reason.person, names);
      if (reason.factor < 1) return message("rank.ask.discount", { factor: two(reason.factor), standing });
      return message(reason.standing === "balanced" ? "rank.ask.balanced" : "rank.ask.owed", { standing });
    }
  }
}

/**
 * A path in words: its title, one line per hop, and the rank line (its
 * reasons joined).
 *
 * @example
 * ```ts
 * formatPath(answer.paths[1], 2, names);
 * // ["#2 You → Cat → Bob: …", "You – Cat: …", "Cat – Bob: …", "Ranked #2: chance 0.420, below #1's 0.450."]
 * ```
 */
export function formatPath(path: IntroductionPath, rank: number, names: WordingNames): string[] {
  const reasons = path.reasons.map((r) => formatPathReason(r, names));
  return [formatPathTitle(path, rank, names), ...path.hops.map((h) => formatHop(h, names)), `${reasons.join("; ")}.`];
}

/**
 * A nearest reachable person of the target's group, in words: who, how many
 * hops, whether within the limit, and the chain.
 *
 * @example
 * ```ts
 * formatNearest(answer.nearest[0], answer, names);
 * // "Hal (at Zeta with Ivy) is 4 hops away, within the limit: You → Bob → Gus → Hal."
 * ```
 */
export function formatNearest(contact: NearestContact, answer: IntroductionAnswer, names: WordingNames): string {
  let name = names.person(contact.person);
  if (contact.organisation !== undefined) {
    const organisation = names.organisation(contact.organisation);
    const to = answer.to;
    name = "person" in to && to.person !== contact.person ? message("nearest.who.with", { name, organisation, target: names.person(to.person) }) : message("nearest.who.at", { name, organisation });
  }
  const where = contact.withinHopLimit ? message("nearest.within") : message("nearest.beyond", { limit: answer.maxHops ?? "none" });
  return message("nearest.line", { who: name, hops: contact.hops, where, chain: contact.people.map((id, i) => who(names, id, i === 0)).join(" → ") });
}

/** An introduction answer in words. */
export interface IntroductionText {
  summary: string;
  /** Per path, best first: title, hop lines, rank line. */
  paths: string[][];
  /** One line per nearest person (status `none`). */
  nearest: string[];
}

/**
 * The whole answer in words: what the CLI prints and the explorer shows.
 *
 * @example
 * ```ts
 * const text = formatIntroduction(introductionPaths(network, { to: { person: "bob" } }), wordingNames(network));
 * console.log(text.summary, text.paths[0].join("\n"));
 * ```
 */
export function formatIntroduction(answer: IntroductionAnswer, names: WordingNames): IntroductionText {
  return {
    summary: formatPathSummary(answer, names),
    paths: answer.paths.map((p, i) => formatPath(p, i + 1, names)),
    nearest: (answer.nearest ?? []).map((c) => formatNearest(c, answer, names)),
  };
}

/**
 * "Who can introduce me to X": the k best introduction paths from a source
 * to a person, to anyone at an organisation, or to anyone with a tag, over
 * the network's relationships, each with its hops and the reasons it ranked
 * where it did, in data (core's wording puts them in words).
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay } from "../model/dates.js";
import { Network } from "../model/network.js";
import type { OrganisationId, PersonId } from "../model/types.js";
import { DEFAULT_ASK_STANDING_OPTIONS, type AskStandingOptions } from "./ask-standing.js";
import { firstHopFactors, hopDetails } from "./hop-details.js";
import { kBestRoutes, routeStrengths, type RouteQuery } from "./k-routes.js";
import { createPathIndex, PathIndex } from "./path-index.js";
import { setRankReasons } from "./rank-reasons.js";
import type { IntroductionAnswer, IntroductionHop, IntroductionMode, IntroductionPath, IntroductionTarget, NearestContact } from "./types.js";

const SCOPE = "tiegraph/paths";

/** People and organisations whose members may not be intermediaries. */
export interface AvoidList {
  people?: readonly PersonId[];
  organisations?: readonly OrganisationId[];
}

/** A question to {@link introductionPaths}. */
export interface IntroductionQuery {
  /** Who wants the introduction (default: the network's ego). */
  from?: PersonId;
  /** Whom to reach. */
  to: IntroductionTarget;
  /** How many alternatives (default 3). */
  k?: number;
  /** `reliable` (default): largest product of strengths. `widest`: strongest weakest tie. */
  mode?: IntroductionMode;
  /** Most hops a path may use (default 4; `Infinity` for no limit). */
  maxHops?: number;
  /**
   * Intermediaries to avoid: ids of people or organisations (an id that
   * names both is an error; use the object form then). Avoiding an
   * organisation avoids everyone affiliated with it on the reference day.
   * The source and a target person are never avoided.
   */
  avoid?: readonly string[] | AvoidList;
  /** Leave out ties that rest only on confidential exchanges (default true). */
  skipConfidentialOnly?: boolean;
  /** Weigh the first hop by where it stands: see {@link DEFAULT_ASK_STANDING_OPTIONS} (default false). */
  reciprocityAware?: boolean;
  /** Thresholds and factors of reciprocity-aware ranking. */
  askStanding?: Partial<AskStandingOptions>;
  /** Show dates of confidential exchanges in hops and explanations (default false). */
  showConfidential?: boolean;
  /** How many nearest reachable people to name when there is no path (default 3). */
  nearest?: number;
}

/** Defaults of {@link introductionPaths}. */
export const DEFAULT_INTRODUCTION_OPTIONS = {
  k: 3,
  mode: "reliable" as IntroductionMode,
  maxHops: 4,
  skipConfidentialOnly: true,
  reciprocityAware: false,
  showConfidential: false,
  nearest: 3,
} as const;

function optionError(name: string, problem: string, expected: string, got?: unknown): TiegraphError {
  const details: { record: string; expected: string; got?: string } = { record: `query.${name}`, expected };
  if (arguments.length > 3) details.got = showValue(got);
  return new TiegraphError(SCOPE, "invalid-option", problem, details);
}

function personOf(network: Network, id: unknown, field: string): number {
  const i = typeof id === "string" ? network.findPerson(id) : -1;
  if (i < 0) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${showValue(id)}`, { record: `query.${field}`, expected: "the id of a person in the network" });
  return i;
}

function organisationOf(network: Network, id: unknown, field: string): number {
  const i = typeof id === "string" ? network.findOrganisation(id) : -1;
  if (i < 0) throw new TiegraphError(SCOPE, "unknown-organisation", `unknown organisation ${showValue(id)}`, { record: `query.${field}`, expected: "the id of an organisation in the network" });
  return i;
}

/** People tagged `tag`, or affiliated on `day` with an organisation tagged `tag`. */
function taggedOn(network: Network, tag: string, day: number): number[] {
  const orgs = new Set<number>();
  network.organisations().forEach((o, i) => {
    if (o.tags?.includes(tag)) orgs.add(i);
  });
  const out: number[] = [];
  network.people().forEach((p, i) => {
    if (p.tags?.includes(tag) || (orgs.size > 0 && network.organisationIndicesOn(i, day).some((o) => orgs.has(o)))) out.push(i);
  });
  return out;
}

interface ResolvedAvoid {
  people: Set<number>;
  organisations: Set<number>;
}

function resolveAvoid(network: Network, avoid: IntroductionQuery["avoid"]): ResolvedAvoid {
  const out: ResolvedAvoid = { people: new Set(), organisations: new Set() };
  if (avoid === undefined) return out;
  if (Array.isArray(avoid)) {
    avoid.forEach((id: unknown, k) => {
      const p = typeof id === "string" ? network.findPerson(id) : -1;
      const o = typeof id === "string" ? network.findOrganisation(id) : -1;
      if (p >= 0 && o >= 0) throw optionError(`avoid[${k}]`, `${showValue(id)} is both a person and an organisation`, "{ people: [...], organisations: [...] } to say which");
      if (p < 0 && o < 0) throw new TiegraphError(SCOPE, "unknown-person", `unknown person or organisation ${showValue(id)}`, { record: `query.avoid[${k}]`, expected: "the id of a person or an organisation in the network" });
      if (p >= 0) out.people.add(p);
      else out.organisations.add(o);
    });
    return out;
  }
  if (avoid === null || typeof avoid !== "object") throw optionError("avoid", "avoid must be a list of ids or { people, organisations }", "a list of ids or { people, organisations }", avoid);
  const list = avoid as AvoidList;
  (list.people ?? []).forEach((id, k) => out.people.add(personOf(network, id, `avoid.people[${k}]`)));
  (list.organisations ?? []).forEach((id, k) => out.organisations.add(organisationOf(network, id, `avoid.organisations[${k}]`)));
  return out;
}

interface Settled {
  k: number;
  mode: IntroductionMode;
  maxHops: number;
  skipConfidentialOnly: boolean;
  reciprocityAware: boolean;
  showConfidential: boolean;
  nearest: number;
  ask: AskStandingOptions;
}

function settle(query: IntroductionQuery): Settled {
  const d = DEFAULT_INTRODUCTION_OPTIONS;
  const k = query.k ?? d.k;
  if (!(Number.isInteger(k) && k >= 1 && k <= 1000)) throw optionError("k", "invalid number of paths", "an integer from 1 to 1000", k);
  const mode = query.mode ?? d.mode;
  if (mode !== "reliable" && mode !== "widest") throw optionError("mode", "unknown scoring mode", '"reliable" or "widest"', mode);
  const maxHops = query.maxHops ?? d.maxHops;
  if (!(maxHops === Infinity || (Number.isInteger(maxHops) && maxHops >= 1))) throw optionError("maxHops", "invalid hop limit", "an integer ≥ 1, or Infinity", maxHops);
  const nearest = query.nearest ?? d.nearest;
  if (!(Number.isInteger(nearest) && nearest >= 0)) throw optionError("nearest", "invalid count of nearest people", "an integer ≥ 0", nearest);
  const factors = { ...DEFAULT_ASK_STANDING_OPTIONS.factors, ...query.askStanding?.factors };
  for (const [name, f] of Object.entries(factors)) if (!(typeof f === "number" && f > 0 && f <= 1)) throw optionError(`askStanding.factors.${name}`, "invalid ask factor", "a number in (0, 1]", f);
  const balancedWithin = query.askStanding?.balancedWithin ?? DEFAULT_ASK_STANDING_OPTIONS.balancedWithin;
  if (!(typeof balancedWithin === "number" && balancedWithin >= 0 && balancedWithin <= 1)) throw optionError("askStanding.balancedWithin", "invalid balance band", "a number in [0, 1]", balancedWithin);
  return {
    k,
    mode,
    maxHops,
    skipConfidentialOnly: query.skipConfidentialOnly ?? d.skipConfidentialOnly,
    reciprocityAware: query.reciprocityAware ?? d.reciprocityAware,
    showConfidential: query.showConfidential ?? d.showConfidential,
    nearest,
    ask: { balancedWithin, factors },
  };
}

/** The target's group for "nearest" answers: a person and their colleagues, or the organisation's or tag's people. */
interface Group {
  /** Person index → organisation index through which they belong (-1: directly). */
  members: Map<number, number>;
}

/**
 * The k best introduction paths from `query.from` (default: ego) to a
 * person, to anyone affiliated with an organisation on the reference day,
 * or to anyone carrying a tag (on the person, or on their organisation).
 *
 * Paths run over relationships (undirected, with the pair's combined
 * strength s ∈ (0, 1]) and are loopless; a path to an organisation or tag
 * ends at the first member it reaches.
 * - `reliable`: maximise Π s over the hops, i.e. Dijkstra on −ln s: the
 *   chance the whole chain holds if each tie holds on its own.
 * - `widest`: maximise min s (the maximum-capacity path, Pollack 1960,
 *   "The maximum capacity through a network", Operations Research 8(5));
 *   among equal weakest ties, the larger product.
 * The k alternatives come from Yen's algorithm (Yen 1971, Management
 * Science 17(11)) under the hop limit; single searches are bidirectional
 * Dijkstra (Pohl 1971) or, under a hop limit, an exact meet-in-the-middle
 * search. With `reciprocityAware`, the first hop's strength is multiplied
 * by its ask factor (see {@link askStanding}) before scoring, so a contact
 * who owes you or is in balance ranks above one you already owe, and a
 * souring tie is a poor first hop.
 *
 * Pass a {@link PathIndex} instead of the network to reuse one index across
 * queries. Unknown ids throw a {@link TiegraphError} (`unknown-person`,
 * `unknown-organisation`), bad options `invalid-option`.
 *
 * @example
 * ```ts
 * const answer = introductionPaths(network, { to: { person: "bob" }, k: 3 });
 * if (answer.status === "none") console.log(answer.none, answer.nearest);
 * for (const p of answer.paths) console.log(p.people.join(" → "), p.score, p.reasons[0]?.code);
 * // in words: formatIntroduction(answer, wordingNames(network)) (core's wording)
 * ```
 */
export function introductionPaths(source: Network | PathIndex, query: IntroductionQuery): IntroductionAnswer {
  let index: PathIndex;
  if (source instanceof PathIndex) {
    source.assertFresh();
    index = source;
  } else if (source instanceof Network) {
    index = createPathIndex(source);
  } else {
    throw new TiegraphError(SCOPE, "invalid-option", "introductionPaths needs a Network or a PathIndex", { got: showValue(source), expected: "a Network or the result of createPathIndex" });
  }
  if (query === null || typeof query !== "object") throw optionError("", "the query must be an object", "{ to: { person } | { organisation } | { tag }, ... }", query);
  const network = index.network;
  const o = settle(query);
  const fromId = query.from ?? network.ego;
  if (fromId === undefined) throw optionError("from", "no source: the network has no ego and no `from` was given", "a person id in `from`, or a network with an ego");
  const src = personOf(network, fromId, "from");
  const day = index.asOf;
  const to = query.to as Partial<Record<"person" | "organisation" | "tag", unknown>> | null;
  const keys = to !== null && typeof to === "object" ? Object.keys(to).filter((key) => ["person", "organisation", "tag"].includes(key)) : [];
  if (keys.length !== 1) throw optionError("to", "the target must name exactly one of person, organisation or tag", "{ person } or { organisation } or { tag }", query.to);
  const avoid = resolveAvoid(network, query.avoid);
  if (avoid.people.has(src)) throw optionError("avoid", "the source cannot be avoided", "a list without the source");

  const maxHops = Number.isFinite(o.maxHops) ? o.maxHops : null;
  const answer = (status: IntroductionAnswer["status"]): IntroductionAnswer => ({ status, from: network.personAt(src).id, to: query.to, mode: o.mode, maxHops, asOf: formatDay(day), paths: [] });

  // the target set and the group named when nothing is in reach
  let targets: number[];
  const group: Group = { members: new Map() };
  // a person's colleagues are looked up only when nothing is in reach
  let colleagues = (): void => {};
  if (keys[0] === "person") {
    const t = personOf(network, to!.person, "to.person");
    if (t === src) return answer("self");
    if (avoid.people.has(t)) throw optionError("avoid", "the person to reach cannot be avoided", "a list without the target");
    targets = [t];
    group.members.set(t, -1);
    colleagues = () => {
      for (const org of network.organisationIndicesOn(t, day)) for (const m of index.membersOf(org)) if (!group.members.has(m)) group.members.set(m, org);
    };
  } else if (keys[0] === "organisation") {
    const org = organisationOf(network, to!.organisation, "to.organisation");
    if (avoid.organisations.has(org)) throw optionError("avoid", "the organisation to reach cannot be avoided", "a list without the target organisation");
    targets = Array.from(index.membersOf(org));
    for (const m of targets) group.members.set(m, org);
  } else {
    const tag = to!.tag;
    if (typeof tag !== "string" || tag === "") throw optionError("to.tag", "invalid tag", "a non-empty string", tag);
    targets = taggedOn(network, tag, day);
    for (const m of targets) group.members.set(m, -1);
  }

  const search = index.search;
  const avoided = search.avoided;
  const marked: number[] = [];
  const mark = (p: number): void => {
    if (!avoided[p]) {
      avoided[p] = 1;
      marked.push(p);
    }
  };
  try {
    for (const p of avoid.people) mark(p);
    for (const org of avoid.organisations) for (const p of index.membersOf(org)) mark(p);
    // the source, and a person asked for by name, stay reachable whatever organisation they are at
    const keep = keys[0] === "person" ? [src, targets[0]!] : [src];
    for (const p of keep) avoided[p] = 0;
    targets = targets.filter((t) => t !== src && !avoided[t]);
    if (targets.length === 0) {
      const none = answer("none");
      none.none = "empty-group";
      none.nearest = [];
      return none;
    }

    const startFactor = o.reciprocityAware ? firstHopFactors(index, src, o.ask) : undefined;
    const rq: RouteQuery = { start: src, targets: Int32Array.from(targets), maxHops: o.maxHops, widest: o.mode === "widest", skipConfidentialOnly: o.skipConfidentialOnly, startFactor };
    const routes = kBestRoutes(search, index.graph, rq, o.k);
    const paths: IntroductionPath[] = routes.map((r) => {
      const hops = r.nodes.slice(1).map((v, i) => hopDetails(index, r.nodes[i]!, v, o.showConfidential, o.ask));
      const effective = routeStrengths(index.graph, rq, r.nodes);
      let product = 1;
      let bottleneck = Infinity;
      let effProduct = 1;
      let effBottleneck = Infinity;
      hops.forEach((h, i) => {
        product *= h.strength;
        bottleneck = Math.min(bottleneck, h.strength);
        effProduct *= effective[i]!;
        effBottleneck = Math.min(effBottleneck, effective[i]!);
      });
      const askFactor = startFactor ? startFactor[r.nodes[1]!]! : 1;
      return { people: r.nodes.map((v) => network.personAt(v).id), score: rq.widest ? effBottleneck : effProduct, bottleneck, product, askFactor, hops, reasons: [] };
    });
    setRankReasons(paths, o.mode, maxHops, o.reciprocityAware);

    const targetSet = new Set(targets);
    const direct: IntroductionHop[] = [];
    const g = index.graph;
    for (let q = g.offsets[src]!; q < g.offsets[src + 1]!; q++) {
      const t = g.neighbor[q]!;
      if (targetSet.has(t) && !(o.skipConfidentialOnly && g.confidentialOnly[q])) direct.push(hopDetails(index, src, t, o.showConfidential, o.ask));
    }
    if (paths.length === 0) {
      const none = answer("none");
      none.none = "no-path";
      colleagues();
      group.members.delete(src);
      for (const m of [...group.members.keys()]) if (avoided[m]) group.members.delete(m);
      none.nearest = nearestContacts(index, src, group, o);
      return none;
    }
    const result = answer(direct.length > 0 ? "direct" : "found");
    result.paths = paths;
    // the source's own ties to the target, strongest first
    if (direct.length > 0) result.direct = direct.sort((x, y) => y.strength - x.strength);
    return result;
  } finally {
    for (const p of marked) avoided[p] = 0;
  }
}

/** The group's people closest to the source in hops (any distance), with a fewest-hop chain to each. */
function nearestContacts(index: PathIndex, src: number, group: Group, o: Settled): NearestContact[] {
  if (o.nearest === 0 || group.members.size === 0) return [];
  const network = index.network;
  return index.search.nearest(src, group.members, o.nearest, o.skipConfidentialOnly).map(({ node, hops, chain }) => {
    const org = group.members.get(node)!;
    const c: NearestContact = { person: network.personAt(node).id, hops, withinHopLimit: hops <= o.maxHops, people: chain.map((v) => network.personAt(v).id) };
    if (org >= 0) c.organisation = network.organisationAt(org).id;
    return c;
  });
}

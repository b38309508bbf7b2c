/**
 * Filters of a view: the person and tie records a filter's predicates see
 * (drawn facts only), and which people and ties a filter hides.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import { TiegraphError, type PersonId } from "@tiegraph/core";
import type { Scene } from "../scene/scene.js";

/** A person as filters see them (drawn facts only). */
export interface ViewPerson {
  id: PersonId;
  name: string;
  /** Organisation ids on the reference day. */
  organisations: readonly string[];
  isEgo: boolean;
  /** Shares an organisation with ego. */
  internal: boolean;
  strengthToEgo: number;
  degree: number;
  /** Hops from ego over drawn ties, −1 when unreachable. */
  hopsFromEgo: number;
}

/** A drawn tie as filters see it; `source` is the end nearer to ego. */
export interface ViewTie {
  source: PersonId;
  target: PersonId;
  strength: number;
  /** Reciprocity balance from `source`'s side (NaN when unknown). */
  balance: number;
}

/** What to hide: people and ties failing a predicate, and/or a set of people. Ego is never hidden. */
export interface ViewFilter {
  node?: (person: ViewPerson) => boolean;
  edge?: (tie: ViewTie) => boolean;
  hidden?: Iterable<PersonId>;
}

/**
 * The people and ties a filter hides (ego included in the people; the
 * reducers never hide ego). Throws `unknown-person` for a hidden id that is
 * not drawn.
 *
 * @example hiddenByFilter(scene, graph, { node: (p) => p.degree > 0 }).hiddenNodes.size // people without ties
 */
export function hiddenByFilter(scene: Scene, graph: Graph, filter: ViewFilter | null): { hiddenNodes: Set<string>; hiddenEdges: Set<string> } {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  if (!filter) return { hiddenNodes, hiddenEdges };
  if (filter.hidden !== undefined) {
    let k = 0;
    for (const id of filter.hidden) {
      if (!scene.indexOf.has(id)) throw new TiegraphError("tiegraph/viz", "unknown-person", `unknown person ${JSON.stringify(id)}`, { record: `filter.hidden #${k}`, expected: "the id of a person drawn in the view" });
      hiddenNodes.add(id);
      k++;
    }
  }
  if (filter.node) for (let i = 0; i < scene.personCount; i++) if (!filter.node(personOf(scene, i))) hiddenNodes.add(scene.ids[i]!);
  if (filter.edge) {
    const edge = filter.edge;
    graph.forEachEdge((key, attr) => {
      if (!edge(tieOf(scene, attr.tie as number))) hiddenEdges.add(key);
    });
  }
  return { hiddenNodes, hiddenEdges };
}

/** The record a filter sees for person `i`. */
export function personOf(scene: Scene, i: number): ViewPerson {
  return {
    id: scene.ids[i]!,
    name: scene.names[i]!,
    organisations: scene.organisations[i]!,
    isEgo: i === scene.egoIndex,
    internal: scene.internal[i] === 1,
    strengthToEgo: scene.strengthToEgo[i]!,
    degree: scene.degree[i]!,
    hopsFromEgo: scene.hopsFromEgo[i]!,
  };
}

/** The record a filter sees for tie `k`. */
export function tieOf(scene: Scene, k: number): ViewTie {
  return { source: scene.ids[scene.a[k]!]!, target: scene.ids[scene.b[k]!]!, strength: scene.strength[k]!, balance: scene.balance[k]! };
}

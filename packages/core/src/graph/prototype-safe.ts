/**
 * graphology graphs that accept any person id as a node key. graphology 0.26
 * keeps each node's neighbours in plain objects (`{}`) keyed by the
 * neighbour's key, so a neighbour called `constructor`, `toString` or
 * `hasOwnProperty` is found on `Object.prototype` before it is ever added
 * ("an edge linking … already exists"), and `__proto__` cannot be stored at
 * all. Person ids come from files (a LinkedIn URL ending `/in/constructor`
 * is enough), so every graph built from a network gets neighbour indices
 * without a prototype, and the three methods that call `hasOwnProperty` on
 * those indices (`hasEdge`, `hasDirectedEdge`, `hasUndirectedEdge` with a
 * source and a target) use `Object.hasOwn` instead.
 */
// graphology-types' class: a default import of graphology in a .d.ts is a namespace (TS2709) under module NodeNext
import type { AbstractGraph as Graph } from "graphology-types";
import { TiegraphError } from "../errors.js";

const SCOPE = "tiegraph/graph";

/** The part of graphology's internal node record this module relies on. */
interface NodeDataRecord {
  in?: object;
  out?: object;
  undirected?: object;
  clear(): void;
}
type NodeDataClass = new (key: string, attributes: object) => NodeDataRecord;

const safeClasses = new WeakMap<NodeDataClass, NodeDataClass>();

function prototypeFree(base: NodeDataClass): NodeDataClass {
  let safe = safeClasses.get(base);
  if (safe === undefined) {
    safe = class extends base {
      override clear(): void {
        super.clear();
        // same fields graphology creates, but with no inherited keys
        if (this.in !== undefined) this.in = Object.create(null) as object;
        if (this.out !== undefined) this.out = Object.create(null) as object;
        if (this.undirected !== undefined) this.undirected = Object.create(null) as object;
      }
    };
    safeClasses.set(base, safe);
  }
  return safe;
}

/**
 * Makes an empty graphology graph safe for node keys that are names of
 * `Object.prototype` properties (`constructor`, `__proto__`, `toString`, …):
 * the nodes it creates from now on index their neighbours in objects without
 * a prototype. Returns the same graph. Copies made with `graph.copy()` are
 * ordinary graphs again: call this on them too.
 *
 * Public because person ids come from files: whoever builds their own
 * graphology graph keyed by a network's person ids (to draw it with sigma, or
 * to run a graphology metric on it, as the explorer and @tiegraph/viz do)
 * needs it, or a person whose id is `constructor` breaks the graph. The graphs
 * core builds (`tieGraph`, `exchangeGraph`, `relationshipGraph`) already are.
 *
 * Source: graphology 0.26's `NodeData` classes keep neighbours in `{}`
 * objects and test them with `in`/`hasOwnProperty`; this swaps in a subclass
 * whose `clear()` creates them with `Object.create(null)`, and makes
 * `hasEdge(source, target)` (and its directed and undirected forms) test with
 * `Object.hasOwn`. Nothing else of the graph changes.
 *
 * Throws a {@link TiegraphError} (`invalid-option`) when the graph already has
 * nodes (their indices could not be fixed) or when graphology's internals are
 * not the ones this was written for.
 *
 * @example
 * ```ts
 * const g = prototypeSafe(new DirectedGraph());
 * g.addNode("me"); g.addNode("constructor");
 * g.addEdge("me", "constructor"); // plain graphology: "an edge linking me to constructor already exists"
 * ```
 */
export function prototypeSafe<G extends Graph>(graph: G): G {
  const internal = graph as unknown as { NodeDataClass?: NodeDataClass };
  if (typeof internal.NodeDataClass !== "function") {
    throw new TiegraphError(SCOPE, "invalid-option", "prototypeSafe: this graphology version keeps node data differently", { expected: "graphology 0.26 (see prototype-safe.ts)" });
  }
  if (graph.order > 0) throw new TiegraphError(SCOPE, "invalid-option", `prototypeSafe: the graph already has ${graph.order} nodes`, { expected: "an empty graph" });
  internal.NodeDataClass = prototypeFree(internal.NodeDataClass);
  const nodes = (graph as unknown as { _nodes: Map<string, NodeDataRecord> })._nodes;
  const linked = (index: object | undefined, target: unknown): boolean => index !== undefined && Object.hasOwn(index, String(target));
  const pairCheck = (name: "hasEdge" | "hasDirectedEdge" | "hasUndirectedEdge", test: (data: NodeDataRecord, target: unknown) => boolean): void => {
    const byKey = graph[name].bind(graph) as (edge: unknown) => boolean;
    Object.defineProperty(graph, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]): boolean => {
        if (args.length !== 2) return (byKey as (...a: unknown[]) => boolean)(...args);
        const data = nodes.get(String(args[0]));
        return data !== undefined && test(data, args[1]);
      },
    });
  };
  pairCheck("hasDirectedEdge", (d, t) => graph.type !== "undirected" && linked(d.out, t));
  pairCheck("hasUndirectedEdge", (d, t) => graph.type !== "directed" && linked(d.undirected, t));
  pairCheck("hasEdge", (d, t) => linked(d.out, t) || linked(d.undirected, t));
  return graph;
}

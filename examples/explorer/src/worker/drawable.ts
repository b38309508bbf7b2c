/**
 * What the page draws, as plain arrays for the trip from the worker: people
 * with their names, organisations on the reference day and tags, and one
 * tie per relationship with its strength (confidential exchanges left out)
 * and whether it rests only on confidential exchanges. The same facts as
 * core's relationshipGraph, without building a graph object the page would
 * have to receive object by object.
 */
import { displayNames, relationships, type Day, type Network, type Relationships } from "@tiegraph/core";

/** A network as the page draws it. Tie k is relationship slot k. */
export interface DrawableNetwork {
  ids: string[];
  names: string[];
  /** Organisation ids of each person on the reference day. */
  organisations: string[][];
  tags: string[][];
  /** Ego's index, or −1. */
  ego: number;
  /** Lower and higher person index of each tie. */
  a: Int32Array;
  b: Int32Array;
  /** Strength in (0, 1], without confidential exchanges. */
  strength: Float64Array;
  /** 1 when every exchange of the tie is confidential (the view leaves it out). */
  confidentialOnly: Uint8Array;
  /** When only a part is drawn (see level-of-detail.ts): the network person index of each drawn person. */
  people?: Int32Array;
}

/**
 * The drawable network and the relationship index it came from (for
 * measures that take one). `names` gives each person's shown name (core's
 * displayNames); `asOf` is the reference day (default: the network's last);
 * `built` is that relationship index (confidential exchanges left out, as of
 * `asOf`) when the caller already has it.
 */
export function drawableNetwork(network: Network, names: (index: number) => string = displayNames(network), asOf?: Day, built?: Relationships): { drawable: DrawableNetwork; relationships: Relationships } {
  const rel = built ?? relationships(network, { excludeConfidential: true, ...(asOf === undefined ? {} : { asOf }) });
  const people = network.people();
  return {
    relationships: rel,
    drawable: {
      ids: people.map((p) => p.id),
      names: people.map((_p, i) => names(i)),
      organisations: people.map((_p, i) => network.organisationIndicesOn(i, rel.asOf).map((o) => network.organisationAt(o).id)),
      tags: people.map((p) => p.tags ?? []),
      ego: network.egoIndex,
      // copies: the index keeps its own arrays, these travel to the page
      a: rel.a.slice(),
      b: rel.b.slice(),
      strength: rel.strength.slice(),
      confidentialOnly: rel.confidentialOnly.slice(),
    },
  };
}

/** The typed arrays of a drawable network, to transfer. */
export function drawableBuffers(d: DrawableNetwork): ArrayBuffer[] {
  return [d.a.buffer, d.b.buffer, d.strength.buffer, d.confidentialOnly.buffer, ...(d.people ? [d.people.buffer] : [])] as ArrayBuffer[];
}

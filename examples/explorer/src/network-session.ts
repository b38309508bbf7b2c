/**
 * The network on screen, as the page holds it: the drawable relationship
 * graph, the lists the controls offer, the search index and the worker's
 * analysis (the overview part arrives a moment after the rest). Names are
 * display names (core's displayNames): same-named people differ. The network itself stays in the worker; questions about it go
 * there through the client, naming this session's load number.
 */
import type { UndirectedGraph } from "graphology";
import { drawableGraph } from "./view/drawable-graph.js";
import type { SearchIndex } from "./search/search-index.js";
import type { DrawingAnalysis, OverviewAnalysis } from "./worker/analysis.js";
import type { DetailShown } from "./worker/level-of-detail.js";
import type { LoadedNetworkData } from "./worker/protocol.js";

/** A loaded network on the page. */
export class NetworkSession {
  /** The worker's load number. */
  readonly number: number;
  readonly name: string;
  /** What the importers did, one sentence each. */
  readonly imported: readonly string[];
  /** Calendar events left out for having more than eight other participants. */
  readonly largeMeetingsSkipped: number;
  readonly personCount: number;
  readonly organisationCount: number;
  /** Ties that can be drawn (confidential-only relationships left out). */
  readonly tieCount: number;
  /** How much of the network is drawn: the whole, or a level-of-detail part of a large network. */
  readonly detail: DetailShown;
  /** The relationship graph the view draws (node order = person index, or the order of `drawnPeople` for a part). */
  readonly graph: UndirectedGraph;
  readonly organisations: readonly { id: string; name: string }[];
  readonly tags: readonly string[];
  readonly search: SearchIndex;
  /** The measures the first picture encodes. */
  readonly analysis: DrawingAnalysis;
  /** The overview panels' figures, once the worker has sent them. */
  overview: OverviewAnalysis | undefined;
  /** Why the overview figures could not be computed, if they could not. */
  overviewProblem: string | undefined;
  /** Ego's id, if the network has one. */
  readonly ego: string | undefined;
  /** For a part: the network person index of each drawn person (node order). */
  private readonly drawnPeople: Int32Array | undefined;
  private readonly index = new Map<string, number>();
  private readonly organisationNames: Map<string, string>;

  constructor(data: LoadedNetworkData) {
    this.number = data.network;
    this.name = data.name;
    this.imported = data.imported;
    this.largeMeetingsSkipped = data.largeMeetingsSkipped;
    this.personCount = data.personCount;
    this.organisationCount = data.organisationCount;
    this.tieCount = data.tieCount;
    this.detail = data.detail;
    this.drawnPeople = data.drawable.people;
    this.graph = drawableGraph(data.drawable);
    this.organisations = data.organisations;
    this.tags = data.tags;
    this.search = data.search;
    this.analysis = data.analysis;
    let ego: string | undefined;
    // every person, drawn or not, by network index: the search index lists people in that order, before organisations
    for (const e of data.search.entries) if (e.kind === "person") this.index.set(e.id, this.index.size);
    this.graph.forEachNode((id, attr) => {
      if (attr.ego === true) ego = id;
    });
    this.ego = ego;
    this.organisationNames = new Map(data.organisations.map((o) => [o.id, o.name]));
  }

  /**
   * Per-person values of the whole network (by person index) for the people
   * drawn, in node order: the values themselves when the whole network is drawn.
   */
  drawnValues(values: Float64Array): Float64Array {
    const drawn = this.drawnPeople;
    return drawn ? Float64Array.from(drawn, (i) => values[i]!) : values;
  }

  /** Whether a person is in the network (drawn or not). */
  hasPerson(id: string): boolean {
    return this.index.has(id);
  }

  /** A person's index (−1 when unknown). */
  personIndex(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** A person's name (their id when unknown). */
  personName(id: string): string {
    const i = this.index.get(id);
    return i === undefined ? id : this.search.entries[i]!.label;
  }

  /** A person's tags. */
  personTags(id: string): readonly string[] {
    return this.graph.hasNode(id) ? ((this.graph.getNodeAttribute(id, "tags") as string[] | undefined) ?? []) : [];
  }

  /** An organisation's name (its id when unknown). */
  organisationName(id: string): string {
    return this.organisationNames.get(id) ?? id;
  }

  /** Organisation names by id, for the view's legends. */
  get organisationNameMap(): ReadonlyMap<string, string> {
    return this.organisationNames;
  }
}

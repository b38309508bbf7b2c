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
  /** The relationship graph the view draws (node order = person index). */
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
    this.graph = drawableGraph(data.drawable);
    this.organisations = data.organisations;
    this.tags = data.tags;
    this.search = data.search;
    this.analysis = data.analysis;
    let ego: string | undefined;
    this.graph.forEachNode((id, attr) => {
      this.index.set(id, this.index.size);
      if (attr.ego === true) ego = id;
    });
    this.ego = ego;
    this.organisationNames = new Map(data.organisations.map((o) => [o.id, o.name]));
  }

  /** Whether a person is in the network. */
  hasPerson(id: string): boolean {
    return this.index.has(id);
  }

  /** A person's index (−1 when unknown). */
  personIndex(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** A person's name (their id when unknown). */
  personName(id: string): string {
    return this.graph.hasNode(id) ? (this.graph.getNodeAttribute(id, "label") as string) : id;
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

/**
 * A loaded network and what the page derives from it, each built once on
 * first use: the search index, the relationship indices (without and with
 * confidential exchanges) and the path index for introductions. The
 * worker's analysis travels with it.
 */
import { createPathIndex, formatDay, relationships, type Network, type PathIndex, type Relationships } from "@tiegraph/core";
import type { NetworkAnalysis } from "./loading/analysis.js";
import { buildSearchIndex, type SearchIndex } from "./search/search-index.js";

/** The network on screen. */
export class NetworkSession {
  private cachedSearch: SearchIndex | undefined;
  private readonly cachedRel: [Relationships | undefined, Relationships | undefined] = [undefined, undefined];
  private cachedPaths: PathIndex | undefined;
  /** Reference day of strengths and "current" organisations: the last exchange. */
  readonly asOfDay: number;

  constructor(
    /** The file name. */
    readonly name: string,
    readonly network: Network,
    readonly analysis: NetworkAnalysis,
  ) {
    this.asOfDay = network.dayRange()?.last ?? 0;
  }

  /** Reference day as YYYY-MM-DD. */
  get asOf(): string {
    return formatDay(this.asOfDay);
  }

  /** The search index of people and organisations. */
  get search(): SearchIndex {
    return (this.cachedSearch ??= buildSearchIndex(this.network, this.asOfDay));
  }

  /** Relationships; confidential exchanges are left out unless `withConfidential`. */
  relationships(withConfidential: boolean): Relationships {
    const k = withConfidential ? 1 : 0;
    return (this.cachedRel[k] ??= relationships(this.network, { excludeConfidential: !withConfidential }));
  }

  /** The relationship slot of a pair, or −1 (scans the smaller side's neighbours). */
  relationshipSlot(rel: Relationships, a: number, b: number): number {
    const [x, y] = rel.offsets[a + 1]! - rel.offsets[a]! <= rel.offsets[b + 1]! - rel.offsets[b]! ? [a, b] : [b, a];
    for (let q = rel.offsets[x]!; q < rel.offsets[x + 1]!; q++) if (rel.neighbor[q] === y) return rel.pair[q]!;
    return -1;
  }

  /** The path index for introductions. */
  get paths(): PathIndex {
    return (this.cachedPaths ??= createPathIndex(this.network));
  }
}

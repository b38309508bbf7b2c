/**
 * The network worker: reads, parses, validates and analyses a network off
 * the page's main thread, then keeps it and answers the page's questions
 * (a person's details, introduction paths, ties in a date range). The page
 * never holds the network itself, so a large file never freezes it.
 */
import { createPathIndex, introductionPaths, relationships, TiegraphError, type Network, type PathIndex, type Relationships } from "@tiegraph/core";
import { drawingAnalysis, overviewAnalysis } from "./analysis.js";
import { drawableBuffers, drawableNetwork } from "./drawable.js";
import { personDetails } from "./person-details.js";
import type { FailureData, LoadStage, NetworkSource, WorkerMessage, WorkerRequest } from "./protocol.js";
import { readNetwork } from "./read-network.js";
import { buildSearchIndex } from "../search/search-index.js";
import { pairsWithExchangeBetween } from "./pairs-between.js";

/** The network on screen and what is derived from it on demand. */
interface Current {
  number: number;
  network: Network;
  paths: PathIndex | undefined;
  relationships: [Relationships | undefined, Relationships | undefined];
}

let current: Current | undefined;
let loads = 0;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") return await load(request.id, request.source);
    const c = current;
    // a question about a network that has since been replaced: the page has moved on
    if (!c || c.number !== request.network) return post({ type: "failed", id: request.id, failure: failure(new Error("the network has changed"), "stale") });
    if (request.type === "person") {
      const details = personDetails(c.network, () => (c.paths ??= createPathIndex(c.network)), (w) => (c.relationships[w ? 1 : 0] ??= relationships(c.network, { excludeConfidential: !w })), request.person, request.reveal);
      return post({ type: "person", id: request.id, details });
    }
    if (request.type === "paths") {
      c.paths ??= createPathIndex(c.network);
      const answer = introductionPaths(c.paths, { to: request.to, mode: request.mode, reciprocityAware: request.reciprocityAware, k: 3 });
      return post({ type: "paths", id: request.id, answer });
    }
    const pairs = Float64Array.from(pairsWithExchangeBetween(c.network, request.from, request.to));
    return post({ type: "pairs-between", id: request.id, pairs }, [pairs.buffer]);
  } catch (e) {
    post({ type: "failed", id: request.id, failure: failure(e) });
  }
};

async function load(id: number, source: NetworkSource): Promise<void> {
  const progress = (stage: LoadStage, fraction?: number) => post({ type: "progress", id, stage, fraction });
  progress("reading", 0);
  const { name, network, imported } = await readNetwork(source, progress);
  progress("analysing");
  const { drawable, relationships: rel } = drawableNetwork(network);
  const analysis = drawingAnalysis(network, rel);
  const number = ++loads;
  const egoEI = network.egoIndex >= 0 && !Number.isNaN(analysis.eiIndex[network.egoIndex]!) ? analysis.eiIndex[network.egoIndex]! : null;
  current = { number, network, paths: undefined, relationships: [rel, undefined] };
  const tags = new Set<string>();
  for (const p of network.people()) for (const t of p.tags ?? []) tags.add(t);
  post(
    {
      type: "loaded",
      id,
      data: {
        network: number,
        name,
        imported,
        personCount: network.personCount,
        organisationCount: network.organisationCount,
        exchangeCount: network.exchangeCount,
        drawable,
        organisations: network.organisations().map((o) => ({ id: o.id, name: o.name })),
        tags: [...tags].sort((a, b) => a.localeCompare(b)),
        search: buildSearchIndex(network, network.dayRange()?.last ?? 0),
        analysis,
      },
    },
    [analysis.pairImbalance.buffer, analysis.eiIndex.buffer, ...drawableBuffers(drawable)],
  );
  // while the page draws: the overview panels' figures, then the path index for the first introduction
  const overview = overviewAnalysis(network, egoEI);
  post({ type: "analysed", id, network: number, analysis: overview }, [overview.betweenness.buffer]);
  if (current?.number === number) current.paths ??= createPathIndex(network);
}

function failure(e: unknown, code?: string): FailureData {
  const err = e instanceof Error ? e : new Error(String(e));
  const t = e instanceof TiegraphError ? e : undefined;
  return { message: err.message, code: code ?? t?.code, file: t?.file, line: t?.line, column: t?.column, record: t?.record };
}

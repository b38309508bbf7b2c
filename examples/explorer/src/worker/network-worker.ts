/**
 * The network worker: reads, parses, validates and analyses a network off
 * the page's main thread, then keeps it and answers the page's questions
 * (a person's details, introduction paths, ties in a date range). The page
 * never holds the network itself, so a large file never freezes it.
 */
import { createPathIndex, introductionPaths, relationships, TiegraphError, type Network, type PathIndex, type Relationships } from "@tiegraph/core";
import { analyseNetwork, drawableGraph, transferables } from "./analysis.js";
import { personDetails } from "./person-details.js";
import type { FailureData, LoadStage, NetworkSource, WorkerMessage, WorkerRequest } from "./protocol.js";
import { parseNetworkText, readSourceText, sourceName } from "./read-network.js";
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
  const name = sourceName(source);
  progress("reading", 0);
  const text = await readSourceText(source, (f) => progress("reading", f));
  progress("parsing");
  const network = parseNetworkText(name, text);
  progress("analysing");
  const analysis = analyseNetwork(network);
  const number = ++loads;
  current = { number, network, paths: undefined, relationships: [undefined, undefined] };
  const tags = new Set<string>();
  for (const p of network.people()) for (const t of p.tags ?? []) tags.add(t);
  post(
    {
      type: "loaded",
      id,
      data: {
        network: number,
        name,
        personCount: network.personCount,
        organisationCount: network.organisationCount,
        exchangeCount: network.exchangeCount,
        graph: drawableGraph(network),
        organisations: network.organisations().map((o) => ({ id: o.id, name: o.name })),
        tags: [...tags].sort((a, b) => a.localeCompare(b)),
        search: buildSearchIndex(network, network.dayRange()?.last ?? 0),
        analysis,
      },
    },
    transferables(analysis),
  );
}

function failure(e: unknown, code?: string): FailureData {
  const err = e instanceof Error ? e : new Error(String(e));
  const t = e instanceof TiegraphError ? e : undefined;
  return { message: err.message, code: code ?? t?.code, file: t?.file, line: t?.line, column: t?.column, record: t?.record };
}

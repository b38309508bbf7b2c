/**
 * The network worker: reads, parses, validates and analyses a network off
 * the page's main thread, then keeps it and answers the page's questions
 * (a person's details, introduction paths, ties in a date range). The page
 * never holds the network itself, so a large file never freezes it.
 */
import { createPathIndex, displayNames, formatDay, introductionPaths, relationships, TiegraphError, type Network, type NetworkEdit, type PathIndex, type Relationships } from "@tiegraph/core";
import { drawingAnalysis, lastShownDay, overviewAnalysis } from "./analysis.js";
import { drawableBuffers, drawableNetwork } from "./drawable.js";
import { personDetails } from "./person-details.js";
import type { FailureData, LoadStage, NetworkSource, WorkerMessage, WorkerRequest } from "./protocol.js";
import { readNetwork, type ReadNetwork } from "./read-network.js";
import { buildSearchIndex } from "../search/search-index.js";
import { pairsWithExchangeBetween } from "./pairs-between.js";
import { answerLedger, applyLedgerEdits, rememberPassphrase } from "../ledger/ledger-worker.js";

/** The network on screen and what is derived from it on demand. */
interface Current {
  /** Generation: every answer about this network names it; the page ignores answers about older ones. */
  number: number;
  network: Network;
  /** Display name per person index (core's displayNames). */
  names: (index: number) => string;
  /** Reference day of the shown figures: the last day with an exchange that is not confidential (undefined: none). */
  asOf: number | undefined;
  paths: PathIndex | undefined;
  relationships: [Relationships | undefined, Relationships | undefined];
  /** What was read, to publish the network again (e.g. after ego is chosen). */
  read: ReadNetwork;
}

/**
 * The networks the page may ask about, by generation: the one it shows and,
 * until it says it has switched ("adopted"), the newest one published. If
 * the page cannot draw a new network it keeps asking about the old one,
 * which is still here.
 */
const networks = new Map<number, Current>();
let loads = 0;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") return await load(request.id, request.source);
    if (request.type === "adopted") {
      for (const k of [...networks.keys()]) if (k !== request.network) networks.delete(k);
      return;
    }
    const c = networks.get(request.network);
    // a question about a network that has since been replaced: the page has moved on
    if (!c) return post({ type: "failed", id: request.id, failure: failure(new Error("the network has changed"), "stale") });
    if (request.type === "set-ego") {
      if (request.person !== undefined && !c.network.hasPerson(request.person)) throw new TiegraphError("tiegraph/explorer", "unknown-person", `unknown person ${JSON.stringify(request.person)}`, { expected: "a person of the network" });
      c.network.setEgo(request.person);
      return publish(request.id, c.read);
    }
    if (request.type === "ledger") {
      if (request.ask.kind === "edit") return publish(request.id, c.read, applyLedgerEdits(c.network, request.ask.edits));
      return post({ type: "ledger", id: request.id, network: c.number, answer: await answerLedger(c.network, request.ask) });
    }
    if (request.type === "person") {
      const details = personDetails(
        c.network,
        () => (c.paths ??= pathIndex(c)),
        (w) => (c.relationships[w ? 1 : 0] ??= relationships(c.network, { excludeConfidential: !w, ...dayOption(c.asOf) })),
        request.person,
        request.reveal,
        c.names,
        c.asOf,
      );
      return post({ type: "person", id: request.id, network: c.number, details });
    }
    if (request.type === "paths") {
      c.paths ??= pathIndex(c);
      const answer = introductionPaths(c.paths, { to: request.to, mode: request.mode, reciprocityAware: request.reciprocityAware, k: 3 });
      return post({ type: "paths", id: request.id, network: c.number, answer });
    }
    const pairs = Float64Array.from(pairsWithExchangeBetween(c.network, request.from, request.to));
    return post({ type: "pairs-between", id: request.id, network: c.number, pairs }, [pairs.buffer]);
  } catch (e) {
    post({ type: "failed", id: request.id, failure: failure(e) });
  }
};

function pathIndex(c: Current): PathIndex {
  return createPathIndex(c.network, c.asOf === undefined ? {} : { asOf: formatDay(c.asOf) });
}

async function load(id: number, source: NetworkSource): Promise<void> {
  const progress = (stage: LoadStage, fraction?: number) => post({ type: "progress", id, stage, fraction });
  progress("reading", 0);
  const read = await readNetwork(source, progress);
  if (source.kind === "files" && source.passphrase !== undefined) rememberPassphrase(read.network, source.passphrase);
  progress("analysing");
  publish(id, read);
}

/** Analyses a network, makes it the current one under a new generation number and sends it to the page. */
function publish(id: number, read: ReadNetwork, undo?: NetworkEdit[]): void {
  const { name, network, imported, largeMeetingsSkipped } = read;
  const asOf = lastShownDay(network);
  const names = displayNames(network);
  const { drawable, relationships: rel } = drawableNetwork(network, names, asOf);
  const analysis = drawingAnalysis(network, rel, asOf);
  const number = ++loads;
  const egoEI = network.egoIndex >= 0 && !Number.isNaN(analysis.eiIndex[network.egoIndex]!) ? analysis.eiIndex[network.egoIndex]! : null;
  const current: Current = { number, network, names, asOf, paths: undefined, relationships: [rel, undefined], read };
  // keep the page's network (the lowest generation kept) and this one; older unadopted ones go
  for (const k of [...networks.keys()].sort((x, y) => x - y).slice(1)) networks.delete(k);
  networks.set(number, current);
  const tags = new Set<string>();
  for (const p of network.people()) for (const t of p.tags ?? []) tags.add(t);
  let tieCount = 0;
  for (let k = 0; k < drawable.confidentialOnly.length; k++) if (!drawable.confidentialOnly[k]) tieCount++;
  post(
    {
      type: "loaded",
      id,
      data: {
        network: number,
        name,
        imported,
        largeMeetingsSkipped,
        personCount: network.personCount,
        organisationCount: network.organisationCount,
        tieCount,
        drawable,
        organisations: network.organisations().map((o) => ({ id: o.id, name: o.name })),
        tags: [...tags].sort((a, b) => a.localeCompare(b)),
        search: buildSearchIndex(network, asOf ?? 0, names),
        analysis,
        ...(undo ? { undo } : {}),
      },
    },
    [analysis.pairImbalance.buffer, analysis.eiIndex.buffer, ...drawableBuffers(drawable)],
  );
  // while the page draws: the overview panels' figures, then the path index for the first introduction
  try {
    const overview = overviewAnalysis(network, egoEI, asOf);
    post({ type: "analysed", id, network: number, analysis: overview }, [overview.betweenness.buffer]);
  } catch (e) {
    // the tabs that wait for it show why instead of "Analysing…"
    post({ type: "analysed", id, network: number, analysis: undefined, failure: failure(e) });
  }
  if (networks.get(number) === current) current.paths ??= pathIndex(current);
}

/** `{ asOf }` for a known day, else nothing (the measure's own default). */
function dayOption(asOf: number | undefined): { asOf?: number } {
  return asOf === undefined ? {} : { asOf };
}

function failure(e: unknown, code?: string): FailureData {
  const err = e instanceof Error ? e : new Error(String(e));
  const t = e instanceof TiegraphError ? e : undefined;
  return { message: err.message, code: code ?? t?.code, file: t?.file, line: t?.line, column: t?.column, record: t?.record, ...(t ? { problems: t.problems.map((p) => ({ ...p })) } : {}) };
}

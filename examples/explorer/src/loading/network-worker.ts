/**
 * The network worker: reads, parses, validates and analyses a network off
 * the page's main thread, so a large file never freezes the page. One
 * request at a time; the page ignores answers to requests it replaced.
 */
import { TiegraphError } from "@tiegraph/core";
import { analyseNetwork, transferables } from "./analysis.js";
import type { LoadRequest, LoadStage, WorkerMessage } from "./messages.js";
import { parseNetworkText, readSourceText, sourceName } from "./read-network.js";

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<LoadRequest>) => {
  const { id, source } = event.data;
  const progress = (stage: LoadStage, fraction?: number) => post({ type: "progress", id, stage, fraction });
  try {
    const name = sourceName(source);
    progress("reading", 0);
    const text = await readSourceText(source, (f) => progress("reading", f));
    progress("parsing");
    const network = parseNetworkText(name, text);
    progress("analysing");
    const analysis = analyseNetwork(network);
    post({ type: "loaded", id, name, data: network.toData(), analysis }, transferables(analysis));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const t = e instanceof TiegraphError ? e : undefined;
    post({ type: "failed", id, message: err.message, code: t?.code, file: t?.file, line: t?.line, column: t?.column, record: t?.record });
  }
};

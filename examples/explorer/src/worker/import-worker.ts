/**
 * The import worker: reads, parses or imports one load's files (see
 * read-network.ts) in a worker of its own, started by the network worker
 * for each load. The network worker terminates it when a newer load arrives
 * or the page cancels, which stops the work itself (a slow import or a huge
 * calendar), not just its answer. The network comes back as core's columnar
 * copy (encodeNetworkColumns), transferred, not copied.
 */
import { encodeNetworkColumns } from "@tiegraph/core";
import { failureData } from "./failure-data.js";
import { IMPORT_COPY, type ImportReply, type ImportRequest } from "./protocol.js";
import { readNetwork } from "./read-network.js";

const reply = (message: ImportReply, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  try {
    const start = performance.now();
    let parsing: number | undefined;
    const read = await readNetwork(event.data.source, (stage, fraction) => {
      if (stage === "parsing") parsing ??= performance.now();
      reply({ type: "progress", stage, fraction });
    });
    const parsed = performance.now();
    const bytes = encodeNetworkColumns(read.network, IMPORT_COPY);
    // how long each step took, for the network worker's step measures (step-timing.ts)
    const steps = [
      { step: "file-read", ms: (parsing ?? parsed) - start },
      { step: "parse", ms: parsed - (parsing ?? parsed) },
      { step: "encode", ms: performance.now() - parsed },
    ];
    reply({ type: "read", name: read.name, imported: read.imported, largeMeetingsSkipped: read.largeMeetingsSkipped, bytes, steps }, [bytes.buffer]);
  } catch (e) {
    reply({ type: "failed", failure: failureData(e) });
  }
};

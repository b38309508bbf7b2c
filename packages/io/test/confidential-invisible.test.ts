// Issue 16.4 and 16.3, exports: adding confidential exchanges to a network
// changes no export while they are left out (the default) — in every format,
// every graph and every table. A tie strength used to move from 0.1661 to
// 0.1209 when a confidential exchange came last; relationship exports counted
// and dated confidential exchanges.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Network } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportExchangesCsv,
  exportGexf,
  exportGraphml,
  exportGraphologyJson,
  exportLedgerCsv,
  exportPeopleCsv,
  exportTiesCsv,
} from "@tiegraph/io";
import { networks, scenario } from "../../core/test/confidential-scenarios.js";

/** Every export with its default disclosure (nothing confidential). */
function allExports(network: Network): Record<string, string> {
  const out: Record<string, string> = {
    peopleCsv: exportPeopleCsv(network),
    affiliationsCsv: exportAffiliationsCsv(network),
    exchangesCsv: exportExchangesCsv(network),
    tiesCsv: exportTiesCsv(network),
    ledgerCsv: exportLedgerCsv(network),
  };
  for (const graph of ["ties", "relationships", "exchanges"] as const) {
    out[`gexf-${graph}`] = exportGexf(network, { graph });
    out[`graphml-${graph}`] = exportGraphml(network, { graph });
    out[`json-${graph}`] = exportGraphologyJson(network, { graph });
  }
  return out;
}

describe("exports do not change when confidential exchanges are added (16.3, 16.4)", () => {
  it("every format, graph and table", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { open, withSecrets } = networks(s);
        const hidden = allExports(withSecrets);
        const never = allExports(open);
        for (const key of Object.keys(never)) expect(hidden[key], key).toBe(never[key]);
      }),
      { numRuns: 40 },
    );
  });

  it("asking for them changes the exports (so the property above can fail)", () => {
    const { open, withSecrets } = networks(fc.sample(scenario, { numRuns: 1, seed: 16 })[0]!);
    expect(exportTiesCsv(withSecrets, { includeConfidential: true })).not.toBe(exportTiesCsv(open, { includeConfidential: true }));
    expect(exportGraphml(withSecrets, { graph: "exchanges", includeConfidential: true })).not.toBe(exportGraphml(open, { graph: "exchanges" }));
  });
});

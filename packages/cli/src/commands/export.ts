/**
 * `tiegraph export FILE --format F`: the network for other tools (Gephi,
 * yEd, NetworkX, igraph, spreadsheets) through io's exporters, which leave
 * confidential exchanges and notes out unless asked.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { serializeNetwork, type Network } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportExchangesCsv,
  exportGexf,
  exportGraphml,
  exportGraphologyJson,
  exportPeopleCsv,
  exportTiesCsv,
  type ExportedGraphKind,
  type GraphExportOptions,
} from "@tiegraph/io";
import { ioError, networkText, readNetworkFile, writeTextFile } from "../files/network-files.js";
import { calendarDate, oneOf } from "../options.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";

/** The export formats. */
export const EXPORT_FORMATS = ["gexf", "graphml", "json", "csv", "tiegraph"] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The CSV tables. */
export const CSV_TABLES = ["people", "affiliations", "exchanges", "ties", "all"] as const;
type CsvTable = (typeof CSV_TABLES)[number];

interface ExportFlags {
  format: ExportFormat;
  graph: ExportedGraphKind;
  table: CsvTable;
  asOf?: string;
  output?: string;
  includeConfidential?: boolean;
  includeNotes?: boolean;
  plain?: boolean;
}

/** The text of one export (all but `--table all`). */
function exportText(network: Network, flags: ExportFlags, table: Exclude<CsvTable, "all">): string {
  const disclose = { includeConfidential: flags.includeConfidential === true, includeNotes: flags.includeNotes === true };
  const graph: GraphExportOptions = { ...disclose, graph: flags.graph };
  if (flags.asOf !== undefined) graph.asOf = flags.asOf;
  switch (flags.format) {
    case "gexf":
      return exportGexf(network, graph);
    case "graphml":
      return exportGraphml(network, graph);
    case "json":
      return exportGraphologyJson(network, { ...graph, pretty: true }) + "\n";
    case "tiegraph":
      // a copy to share: redacted unless both kinds of confidential content were asked for
      return serializeNetwork(network, { redact: !(disclose.includeConfidential && disclose.includeNotes) });
    case "csv":
      switch (table) {
        case "people":
          return exportPeopleCsv(network, disclose);
        case "affiliations":
          return exportAffiliationsCsv(network);
        case "exchanges":
          return exportExchangesCsv(network, disclose);
        case "ties":
          return exportTiesCsv(network, flags.asOf !== undefined ? { ...disclose, asOf: flags.asOf } : disclose);
      }
  }
}

/**
 * Adds `export` to the program.
 *
 * @example registerExport(new Command("tiegraph"), processTerminal())
 */
export function registerExport(program: Command, terminal: Terminal): void {
  program
    .command("export")
    .description("write the network for Gephi, yEd, NetworkX, igraph or a spreadsheet (nothing confidential unless asked)")
    .argument("<file>", "network file")
    .requiredOption("--format <format>", `gexf, graphml, json (graphology), csv, or tiegraph (a redacted copy of the network file)`, oneOf(EXPORT_FORMATS))
    .option("--graph <graph>", "for gexf, graphml, json: ties (one directed edge per ordered pair), relationships (one per pair) or exchanges", oneOf<ExportedGraphKind>(["ties", "relationships", "exchanges"]), "ties")
    .option("--table <table>", "for csv: people, affiliations, exchanges, ties, or all (four files into the folder given by -o)", oneOf(CSV_TABLES), "ties")
    .option("--as-of <date>", "reference date of tie strength (default: the last exchange's date)", calendarDate)
    .option("-o, --output <path>", "file to write (default: standard output); a folder with --table all")
    .option("--include-confidential", "include confidential exchanges and what they add to ties")
    .option("--include-notes", "include people's and exchanges' notes")
    .option("--plain", "with --format tiegraph: write the copy decrypted even when FILE is encrypted")
    .addHelpText("after", "\nExamples:\n  $ tiegraph export examples/data/sample-network.json --format gexf -o sample.gexf\n  $ tiegraph export net.json --format csv --table all -o net-csv/\n")
    .action(async (file: string, flags: ExportFlags) => {
      if (flags.table === "all" && flags.format !== "csv") throw new UsageError("export", "--table all goes with --format csv");
      if (flags.table === "all" && flags.output === undefined) throw new UsageError("export", "--table all writes four files: give their folder with -o");
      const network = await readNetworkFile(file, { terminal, command: "export" });
      if (flags.table === "all") {
        const folder = flags.output!;
        await mkdir(folder, { recursive: true }).catch((e: unknown) => {
          throw ioError(folder, e, "write");
        });
        for (const table of ["people", "affiliations", "exchanges", "ties"] as const) {
          const path = join(folder, `${table}.csv`);
          await writeTextFile(path, exportText(network, flags, table), { command: "export" });
          terminal.stdout.write(`wrote ${path}\n`);
        }
        return;
      }
      let text = exportText(network, flags, flags.table as Exclude<CsvTable, "all">);
      const toStdout = flags.output === undefined || flags.output === "-";
      // a copy of a network read encrypted stays encrypted unless --plain
      if (flags.format === "tiegraph") text = await networkText(network, text, { output: toStdout ? "standard output" : flags.output!, plain: flags.plain === true });
      if (toStdout) terminal.stdout.write(text);
      else {
        await writeTextFile(flags.output!, text, { command: "export" });
        terminal.stdout.write(`wrote ${flags.output}\n`);
      }
    });
}

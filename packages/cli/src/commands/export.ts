/**
 * `tiegraph export FILE --format F`: the network for other tools (Gephi,
 * yEd, NetworkX, igraph, spreadsheets) through io's exporters, which leave
 * confidential exchanges and notes out unless asked. Every format is
 * streamed: the exporter's chunks go to the atomic save (or standard output)
 * as they are made, so no document and no graphology graph of the whole
 * network is held in memory.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { serializeNetwork, serializeNetworkBytes, serializeNetworkChunks, type Network, type Person } from "@tiegraph/core";
import type { IndexAhead } from "../files/index-ahead.js";
import { indexAhead } from "../as-of.js";
import {
  exportAffiliationsCsvChunks,
  exportExchangesCsvChunks,
  exportGexfChunks,
  exportGraphmlChunks,
  exportGraphologyJsonBytesWithTail,
  exportGraphologyJsonChunks,
  exportPeopleCsvChunks,
  exportTiesCsvChunks,
  exportTiesCsvBytesWithTail,
  type ExportedGraphKind,
  type GraphExportOptions,
  type TiesCsvExportOptions,
} from "@tiegraph/io";
import { ioError, networkText, readFromEncrypted, readNetworkFile, takeJsonTail, takeTiesCsvTail, writeTextFile } from "../files/network-files.js";
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
  pretty?: boolean;
}

/** Whether `--format tiegraph` writes a redacted copy (to share): unless both kinds of confidential content were asked for. */
function redactCopy(flags: ExportFlags): boolean {
  return !(flags.includeConfidential === true && flags.includeNotes === true);
}

/** The tie index the export will ask for, built while its network is read (see files/index-ahead.ts), or none. */
function exportIndexAhead(flags: ExportFlags, terminal: Terminal): IndexAhead | undefined {
  let kind: IndexAhead["kind"] | undefined;
  if (flags.format === "csv") kind = flags.table === "ties" || flags.table === "all" ? "directed" : undefined;
  else if (flags.format !== "tiegraph") kind = flags.graph === "ties" ? "directed" : flags.graph === "relationships" ? "relationships" : undefined;
  // without --as-of, an export's ties are as of the last exchange it counts
  const ahead = kind && indexAhead(kind, flags.asOf ?? "last", flags.includeConfidential === true, terminal.env, "export");
  // a ties CSV or graphology JSON of the ties written to a file: some of its rows on the worker thread,
  // once the main thread has the people
  const toFile = flags.output !== undefined && flags.output !== "-";
  const tail = flags.format === "csv" || flags.format === "json" ? flags.format : undefined;
  return ahead && toFile && tail !== undefined && kind === "directed" ? { ...ahead, tiesTail: tail } : ahead;
}

/** What the flags ask of the exporters: what to disclose, the graph (with its date) and the ties table's options. */
function exportOptions(flags: ExportFlags): { disclose: { includeConfidential: boolean; includeNotes: boolean }; graph: GraphExportOptions; ties: TiesCsvExportOptions } {
  const disclose = { includeConfidential: flags.includeConfidential === true, includeNotes: flags.includeNotes === true };
  const graph: GraphExportOptions = { ...disclose, graph: flags.graph };
  if (flags.asOf !== undefined) graph.asOf = flags.asOf;
  return { disclose, graph, ties: flags.asOf !== undefined ? { ...disclose, asOf: flags.asOf } : disclose };
}

/** The text of one export (all but `--table all`), in chunks cut between records. */
function* exportChunks(network: Network, flags: ExportFlags, table: Exclude<CsvTable, "all">): Generator<string> {
  const { disclose, graph, ties } = exportOptions(flags);
  switch (flags.format) {
    case "gexf":
      return yield* exportGexfChunks(network, graph);
    case "graphml":
      return yield* exportGraphmlChunks(network, graph);
    case "json":
      yield* exportGraphologyJsonChunks(network, { ...graph, pretty: flags.pretty === true });
      return yield "\n";
    case "tiegraph":
      return yield* serializeNetworkChunks(network, { redact: redactCopy(flags) });
    case "csv":
      switch (table) {
        case "people":
          return yield* exportPeopleCsvChunks(network, disclose);
        case "affiliations":
          return yield* exportAffiliationsCsvChunks(network);
        case "exchanges":
          return yield* exportExchangesCsvChunks(network, disclose);
        case "ties":
          return yield* exportTiesCsvChunks(network, ties);
      }
  }
}

/**
 * What an export writes to a file: the ties CSV and the graphology JSON as
 * their bytes (written straight into a reused buffer, see io's
 * `exportTiesCsvBytesWithTail` and `exportGraphologyJsonBytesWithTail`),
 * every other export as its text. Those two come as async iterables: their
 * last rows (ties, or the ties graph's edges) may be written on the thread
 * that built the tie index.
 */
function exportFileChunks(network: Network, flags: ExportFlags, table: Exclude<CsvTable, "all">): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> {
  // the last rows written on the thread that built the tie index, when it kept them (see files/index-ahead.ts)
  if (flags.format === "csv" && table === "ties") return exportTiesCsvBytesWithTail(network, exportOptions(flags).ties, takeTiesCsvTail(network));
  if (flags.format === "json") return jsonFileChunks(network, flags);
  return exportChunks(network, flags, table);
}

/** The graphology JSON's bytes for a file, with its final line break. */
async function* jsonFileChunks(network: Network, flags: ExportFlags): AsyncGenerator<string | Uint8Array> {
  yield* exportGraphologyJsonBytesWithTail(network, { ...exportOptions(flags).graph, pretty: flags.pretty === true }, takeJsonTail(network));
  yield "\n";
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
    .option("--pretty", "with --format json: indent the JSON (two spaces; by default it is compact, as graphology's and NetworkX's JSON)")
    .option("--plain", "with --format tiegraph: write the copy decrypted even when FILE is encrypted")
    .addHelpText("after", "\nExamples:\n  $ tiegraph export examples/data/sample-network.json --format gexf -o sample.gexf\n  $ tiegraph export net.json --format csv --table all -o net-csv/\n")
    .action(async (file: string, flags: ExportFlags) => {
      if (flags.table === "all" && flags.format !== "csv") throw new UsageError("export", "--table all goes with --format csv");
      if (flags.pretty === true && flags.format !== "json") throw new UsageError("export", "--pretty goes with --format json");
      if (flags.table === "all" && flags.output === undefined) throw new UsageError("export", "--table all writes four files: give their folder with -o");
      // the ties CSV shows people's ids and names alone, and the graph formats their names and the odd tag or
      // attribute: a columnar copy's list of names is read, and a record only when it holds more (io's personAttributes)
      const graph = flags.format === "gexf" || flags.format === "graphml" || flags.format === "json";
      const namesAlone = graph || (flags.format === "csv" && flags.table === "ties");
      const holding: (keyof Person)[] = graph ? ["tags", "attributes", ...(flags.includeNotes === true ? (["notes"] as const) : [])] : [];
      const network = await readNetworkFile(file, { terminal, command: "export", ...(namesAlone ? { people: "names" as const, holding } : {}) }, exportIndexAhead(flags, terminal));
      if (flags.table === "all") {
        const folder = flags.output!;
        await mkdir(folder, { recursive: true }).catch((e: unknown) => {
          throw ioError(folder, e, "write");
        });
        for (const table of ["people", "affiliations", "exchanges", "ties"] as const) {
          const path = join(folder, `${table}.csv`);
          await writeTextFile(path, exportFileChunks(network, flags, table), { command: "export" });
          terminal.stdout.write(`wrote ${path}\n`);
        }
        return;
      }
      const toStdout = flags.output === undefined || flags.output === "-";
      let chunks: Iterable<string> = exportChunks(network, flags, flags.table as Exclude<CsvTable, "all">);
      // a copy of a network read encrypted stays encrypted unless --plain: it is sealed whole
      const sealed = flags.format === "tiegraph" && readFromEncrypted(network);
      if (sealed) {
        chunks = [await networkText(network, serializeNetwork(network, { redact: redactCopy(flags) }), { output: toStdout ? "standard output" : flags.output!, plain: flags.plain === true })];
      }
      if (toStdout) for (const chunk of chunks) terminal.stdout.write(chunk);
      else {
        // a plain network copy goes to the file as the bytes it is written in, never decoded to text
        const file = flags.format === "tiegraph" && !sealed ? serializeNetworkBytes(network, { redact: redactCopy(flags), reuseChunks: true }) : flags.format === "csv" || flags.format === "json" ? exportFileChunks(network, flags, flags.table as Exclude<CsvTable, "all">) : chunks;
        await writeTextFile(flags.output!, file, { command: "export" });
        terminal.stdout.write(`wrote ${flags.output}\n`);
      }
    });
}

/**
 * `tiegraph report FILE`: the reciprocity ledger, souring relationships, the
 * internal/external mix and its trend, and brokers, as tables or as the JSON
 * documented in docs/cli.md. Every figure comes from a core measure; this
 * file only gathers them ({@link buildReport}) and hands them to a view.
 */
import type { Command } from "commander";
import {
  DEFAULT_TIE_GRAPH_OPTIONS,
  bridgingContacts,
  directedTies,
  externalShare,
  overallReciprocity,
  parseDay,
  TiegraphError,
  reciprocityLedger,
  relationships,
  type DirectedTies,
  type EITrend,
  type MixPeriod,
  type Network,
  type PersonId,
  type ReciprocityLedger,
} from "@tiegraph/core";
import {
  betweennessWithinBudgetByIndex,
  constraintAndEffectiveSizeValues,
  eiOverviewByIndex,
  mutualTies,
  personReciprocityByIndex,
  valuesOrNull,
  weightedReciprocityRatio,
  type EIResultByIndex,
  type PersonValues,
} from "@tiegraph/core/internal";
import { loadForAnalysis, takeBrokerageAhead, takeSampleAhead } from "../files/network-files.js";
import type { BrokerageAhead } from "../files/index-ahead.js";
import { asOfLine, figuresAsOf, indexAhead } from "../as-of.js";
import { asOfDate, oneOf, wholeNumber } from "../options.js";
import { requireGrouping, requirePerson } from "../resolve-ids.js";
import { writeRaw, writeRawBytes, type Terminal } from "../terminal.js";
import { renderReport } from "../view/report-text.js";
import { reportJsonParts, TieListAhead, type TieRows } from "../view/report-json.js";
import { personMember, type BrokerageMode, type ReportData, type ReportTie } from "./report-data.js";

export type { BrokerageMode, ByPerson, ReportData, ReportTie } from "./report-data.js";

/** What {@link buildReport} needs besides the network. */
export interface ReportRequest {
  file: string;
  includesConfidential: boolean;
  groupBy: string;
  person: PersonId | undefined;
  period: MixPeriod;
  /** The day figures are as of, YYYY-MM-DD; the network must already be without later exchanges (see `figuresAsOf`). */
  asOf: string;
  /** How to compute betweenness (default `"sampled"`). */
  brokerage?: BrokerageMode;
  /** Whether to list every tie (the JSON does; the tables do not show them). Default true. */
  listTies?: boolean;
}

/**
 * Runs the measures of a report on a network (already redacted when
 * confidential records are to stay out): {@link reportMeasures}, then
 * {@link completeReport}.
 *
 * @example
 * ```ts
 * const data = buildReport(network, { file: "net.json", includesConfidential: false, groupBy: "organisation", person: undefined, period: "quarter", asOf: "2026-11-30" });
 * ```
 */
export function buildReport(network: Network, request: ReportRequest): { data: ReportData; ledger: ReciprocityLedger | null } {
  return completeReport(network, request, reportMeasures(network, request));
}

/**
 * Every measure of a report but betweenness (see {@link reportMeasures});
 * per-person values by person index, made records only when read (see
 * `personMember`).
 */
export interface ReportMeasures {
  ties: DirectedTies;
  person: PersonId | undefined;
  ei: { index: EIResultByIndex; trend: EITrend };
  tieList: ReportTie[];
  ledger: ReciprocityLedger | null;
  reciprocity: { overall: number | null; weighted: number | null; byPerson: PersonValues<number | null> };
  externalShare: ReportData["externalShare"];
  constraint: PersonValues<number | null>;
  effectiveSize: PersonValues<number | null>;
  bridging: ReportData["bridging"];
}

/**
 * The measures of a report except betweenness, which {@link completeReport}
 * adds: the `report` command computes these while betweenness is still
 * being sampled on another thread.
 *
 * @example const measures = reportMeasures(network, { file: "net.json", includesConfidential: false, groupBy: "organisation", person: undefined, period: "quarter", asOf: "2026-11-30" });
 */
export function reportMeasures(network: Network, request: ReportRequest): ReportMeasures {
  const first = measuresBeforeBrokerage(network, request);
  return { ...first, ...brokerageMeasures(network, first.ties, undefined) };
}

/**
 * The measures of {@link reportMeasures} but constraint and effective size
 * ({@link brokerageMeasures}), which the `report` command may take from the
 * thread that built its tie index.
 *
 * @example const first = measuresBeforeBrokerage(network, request); first.ei.index.network
 */
export function measuresBeforeBrokerage(network: Network, request: ReportRequest): Omit<ReportMeasures, "constraint" | "effectiveSize"> {
  const person = request.person ?? network.ego;
  const day = parseDay(request.asOf);
  if (day === undefined) throw new TiegraphError("tiegraph/cli", "invalid-option", "invalid asOf", { record: "request.asOf", expected: "a calendar date YYYY-MM-DD", got: JSON.stringify(request.asOf) });
  const ties = directedTies(network, { asOf: day });
  // the E-I index and its trend from one pass where they can share it (the network holds nothing after the day)
  const ei = eiOverviewByIndex(network, { groupBy: request.groupBy, period: request.period, ties, ...(person !== undefined ? { person } : {}) });
  const tieList: ReportTie[] = [];
  if (request.listTies !== false) {
    const rel = relationships(network, { asOf: day });
    for (let k = 0; k < rel.pairCount; k++) tieList.push({ a: network.personAt(rel.a[k]!).id, b: network.personAt(rel.b[k]!).id, strength: rel.strength[k]! });
  }
  const ledger = person === undefined ? null : reciprocityLedger(network, { person, asOf: request.asOf });
  return {
    ties,
    person,
    ei,
    tieList,
    ledger,
    reciprocity: { overall: overallReciprocity(network, { ties }), weighted: weightedReciprocityRatio(network, { ties }), byPerson: personReciprocityByIndex(network, { ties }) },
    externalShare: person === undefined ? null : externalShare(network, { person, groupBy: request.groupBy }),
    bridging: person === undefined ? [] : bridgingContacts(network, person, { groupBy: request.groupBy, asOf: request.asOf }),
  };
}

/**
 * Burt's constraint and effective size of every person on the report's tie
 * index `ties` (core's `constraintByIndex` and `effectiveSizeByIndex`, by
 * default unweighted), or the same values computed ahead on that very index
 * (`ahead`, from {@link takeBrokerageAhead}; used only when its index is `ties`).
 *
 * @example const { constraint } = brokerageMeasures(network, directedTies(network), undefined); constraint(0)
 */
export function brokerageMeasures(network: Network, ties: DirectedTies, ahead: { index: DirectedTies; values: BrokerageAhead } | undefined): Pick<ReportMeasures, "constraint" | "effectiveSize"> {
  if (ahead !== undefined && ahead.index === ties && ahead.values.constraint.length === network.personCount && ahead.values.effectiveSize.length === network.personCount) {
    return { constraint: valuesOrNull(ahead.values.constraint), effectiveSize: valuesOrNull(ahead.values.effectiveSize) };
  }
  // both from one walk over the mutual tie graph (the same values as constraintByIndex and effectiveSizeByIndex)
  const both = constraintAndEffectiveSizeValues(mutualTies(ties, DEFAULT_TIE_GRAPH_OPTIONS.weighted));
  return { constraint: valuesOrNull(both.constraint), effectiveSize: valuesOrNull(both.effectiveSize) };
}

/**
 * Adds betweenness (core's `betweennessWithinBudget` on the measures' tie
 * index, as `request.brokerage` says) to the measures and gathers the report.
 * Its per-person members (reciprocity, E-I index, constraint, effective size
 * and betweenness by person) are records built when first read; `report
 * --json` writes them from the values by index instead (`personColumns`).
 *
 * @example const { data } = completeReport(network, request, reportMeasures(network, request));
 */
export function completeReport(network: Network, request: ReportRequest, measures: ReportMeasures): { data: ReportData; ledger: ReciprocityLedger | null } {
  const { ties, person, ei: { index: ei, trend }, ledger } = measures;
  const brokerage = request.brokerage ?? "sampled";
  const between = brokerage === "off" ? null : betweennessWithinBudgetByIndex(network, { ties, mode: brokerage });
  // the per-person members start empty, each in its place, and are made per-person columns below
  const reciprocity: ReportData["reciprocity"] = { overall: measures.reciprocity.overall, weighted: measures.reciprocity.weighted, byPerson: {} };
  const eiData: ReportData["ei"] = { network: ei.network, byGroup: ei.byGroup, byPerson: {}, internal: ei.internal, external: ei.external, groupTotals: ei.groupTotals };
  const data: ReportData = {
    file: request.file,
    people: network.personCount,
    exchanges: network.exchangeCount,
    ego: network.ego ?? null,
    asOf: request.asOf,
    includesConfidential: request.includesConfidential,
    groupBy: request.groupBy,
    reciprocity,
    ei: eiData,
    eiTrend: { person: person ?? null, period: request.period, points: trend.points },
    externalShare: measures.externalShare,
    constraint: {},
    effectiveSize: {},
    betweenness: {},
    betweennessSampled: between !== null && !between.exact,
    betweennessEstimate: between && { mode: brokerage, exact: between.exact, samples: between.samples, errorBound: between.errorBound, confidence: between.confidence },
    bridging: measures.bridging,
    ties: measures.tieList,
    ledgerPerson: ledger?.person ?? null,
    ledger: ledger?.entries ?? [],
  };
  personMember(reciprocity, "byPerson", network, measures.reciprocity.byPerson);
  personMember(eiData, "byPerson", network, ei.byPerson);
  personMember(data, "constraint", network, measures.constraint);
  personMember(data, "effectiveSize", network, measures.effectiveSize);
  if (between !== null) personMember(data, "betweenness", network, between.values);
  return { data, ledger };
}

/**
 * Every relationship of the network as of a day (the `ties` of the JSON),
 * read by position from the tie index the report's measures share.
 *
 * @example const rows = tieRows(network, "2026-11-30"); rows.ids[rows.a(0)]; // "p1"
 */
export function tieRows(network: Network, asOf: string): TieRows {
  const rel = relationships(network, { asOf: parseDay(asOf)! });
  return { count: rel.pairCount, a: (k) => rel.a[k]!, b: (k) => rel.b[k]!, strength: (k) => rel.strength[k]!, ids: network.personIds() };
}

/**
 * Renders the report's tie list ahead, a chunk at a time, until `pending`
 * settles (the constraint and effective size of the thread that built the
 * tie index, see network-files.ts), with a turn of the event loop between
 * chunks so that the thread's message is heard. On 100,000 people the main
 * thread otherwise waited about 0.3 s there with the tie list (28 MB of the
 * 36 MB document) still to write. When nothing is coming (no thread, or
 * its values are in already) it renders nothing.
 *
 * @example const ahead = await renderWhileWaiting(rows, takeBrokerageAhead(network));
 */
async function renderWhileWaiting(rows: TieRows, pending: Promise<unknown>): Promise<TieListAhead> {
  let settled = false;
  pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  const ahead = new TieListAhead(rows, true);
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  await turn();
  while (!settled && ahead.step()) await turn();
  return ahead;
}

interface ReportFlags {
  json?: boolean;
  groupBy: string;
  person?: string;
  period: MixPeriod;
  top: number;
  includeConfidential?: boolean;
  brokerage: BrokerageMode;
  asOf?: string;
}

/**
 * Adds `report` to the program.
 *
 * @example registerReport(new Command("tiegraph"), processTerminal())
 */
export function registerReport(program: Command, terminal: Terminal): void {
  program
    .command("report")
    .description("reciprocity ledger, souring relationships, internal/external mix and its trend, brokers")
    .argument("<file>", "network file")
    .option("--json", "print the report as JSON (the contract in docs/cli.md)")
    .option("--group-by <attribute>", "judge internal/external by this person attribute (office, department, …) instead of organisation", "organisation")
    .option("--person <id>", "whose ledger, trend and bridges (default: the network's ego)")
    .option("--period <period>", "step of the trend: month or quarter", oneOf<MixPeriod>(["month", "quarter"]), "quarter")
    .option("--top <n>", "rows per table", wholeNumber(1), 10)
    .option("--include-confidential", "count confidential exchanges and show notes (left out by default)")
    .option("--as-of <date>", "figures as of this date, YYYY-MM-DD, or last (the last exchange's date); default today; later exchanges do not count", asOfDate)
    .option("--brokerage <mode>", "betweenness: sampled (exact on small networks, else estimated within a work budget, with its error bound), exact, or off", oneOf<BrokerageMode>(["off", "sampled", "exact"]), "sampled")
    .addHelpText("after", "\nExamples:\n  $ tiegraph report examples/data/sample-network.json\n  $ tiegraph report lazega.json --group-by office --json > report.json\n")
    .action(async (file: string, flags: ReportFlags) => {
      const includesConfidential = flags.includeConfidential === true;
      // the directed tie index built while the file is read, and betweenness sampled on it meanwhile
      const ahead = indexAhead("directed", flags.asOf, includesConfidential, terminal.env, "report");
      // the JSON names people by id alone: a columnar copy's person records are left unread
      const loaded = await loadForAnalysis(file, includesConfidential, { terminal, command: "report", ...(flags.json ? { people: "by-id" as const } : {}) }, ahead && { ...ahead, sampleBetweenness: flags.brokerage === "sampled", brokerage: true });
      const when = figuresAsOf(loaded, flags.asOf, terminal, "report");
      const network = when.network;
      requireGrouping(network, flags.groupBy, { command: "report", option: "--group-by", file });
      if (flags.person !== undefined) requirePerson(network, flags.person, { command: "report", option: "--person", file });
      // the JSON lists every tie: written from the index in chunks, not gathered into the data first
      const request: ReportRequest = { file, includesConfidential, groupBy: flags.groupBy, person: flags.person, period: flags.period, asOf: when.asOf, brokerage: flags.brokerage, listTies: false };
      // constraint and effective size last: the thread that built the tie index computes them meanwhile
      const first = measuresBeforeBrokerage(network, request);
      // the JSON's tie list is read from the relationships, made while that thread works too
      const rows = flags.json ? tieRows(network, when.asOf) : undefined;
      const brokerage = takeBrokerageAhead(loaded);
      // while that thread still works, the start of the tie list is rendered
      const tiesAhead = rows && (await renderWhileWaiting(rows, brokerage));
      const measures: ReportMeasures = { ...first, ...brokerageMeasures(network, first.ties, await brokerage) };
      await takeSampleAhead(loaded);
      const { data, ledger } = completeReport(network, request, measures);
      if (rows) {
        // the tie list comes escaped for the terminal already (once per person): it goes out as it is
        for (const { text, shown, bytes } of reportJsonParts(data, rows, true, tiesAhead)) {
          if (bytes !== undefined) writeRawBytes(terminal.stdout, bytes);
          else if (shown) writeRaw(terminal.stdout, text);
          else terminal.stdout.write(text);
        }
        terminal.stdout.write("\n");
      } else terminal.stdout.write(`${asOfLine(when)}\n${renderReport(network, data, ledger, flags.top)}`);
    });
}

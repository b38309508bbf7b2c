/**
 * `tiegraph import`: builds (or extends) a network file from spreadsheets,
 * a LinkedIn export, address books and calendars at once, merging the people
 * they share, and says what was imported, merged and skipped. The reading
 * and merging are io's; this file opens the files, shows progress and
 * reports.
 */
import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { Network, type Person } from "@tiegraph/core";
import type { ExchangeTextAhead } from "@tiegraph/core/internal";
import {
  calendarEgoOf,
  importAffiliationsCsv,
  importCalendar,
  importExchangesCsv,
  importGexf,
  importGraphml,
  importLinkedInConnections,
  importPeopleCsv,
  importVCard,
  mergeInto,
  type ImportedNetwork,
  type ImportOptions,
  type MergeReport,
  type ReadProgress,
  type TextSource,
} from "@tiegraph/io";
import { ioError, readFromEncrypted, readNetworkFile, refuseInputAsOutput, saveAhead, writeNetworkFile, type SaveAhead } from "../files/network-files.js";
import { calendarDate } from "../options.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";
import { exchangesCsvSource, startExchangesAhead } from "../files/import-ahead.js";
import { importSummary, LIST_LIMIT, renderImport, type ImportSummary } from "../view/import-text.js";
import { progressBar } from "../view/progress.js";

/** The sources `import` reads, in the order they are merged: people first, so the others can name them. */
export const IMPORT_SOURCES = ["people", "gexf", "graphml", "affiliations", "exchanges", "linkedin", "vcard", "ics"] as const;
type SourceFlag = (typeof IMPORT_SOURCES)[number];

interface ImportFlags extends Partial<Record<SourceFlag, string[]>> {
  output: string;
  into?: string;
  ego?: string;
  egoName?: string;
  egoEmail?: string[];
  icsFrom?: string;
  icsTo?: string;
  strict?: boolean;
  verbose?: boolean;
  plain?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * People from which `import` makes the save's text of everything but the
 * exchanges while another thread reads its exchanges CSV (see saveAhead in
 * files/network-files.ts): below it the wait is short and the text small.
 */
const SAVE_AHEAD_FROM_PEOPLE = 10_000;
/**
 * ...and only while the worker has read less than this share of the exchanges, on a machine with more than
 * two cores. Made ahead, the text is held in fresh memory where the save writes it through one reused buffer
 * (at 100,000 people some 11,000 more page faults, 0.1–0.15 s), so it pays only when this thread would
 * otherwise wait for the worker that long and takes nothing from it. On the two-core benchmark machine it
 * took from it (the two threads and V8's collector threads then share two cores: the generator run as two
 * processes at once takes about 1.25 times as long in each as alone), and the import was faster without it
 * in 5 of 6 interleaved pairs (a median 3.88 s against 3.95 s, 133,000 page faults against 144,000), the
 * notes import no slower (medians 4.68 s against 4.76 s, 5 pairs).
 */
const SAVE_AHEAD_BELOW_PROGRESS = 0.9;

/**
 * Adds `import` to the program.
 *
 * @example registerImport(new Command("tiegraph"), processTerminal())
 */
export function registerImport(program: Command, terminal: Terminal): void {
  const command = program
    .command("import")
    .description("build a network file from CSV files, a LinkedIn export, vCards and calendars, merging the people they share");
  command
    .option("--people <file>", "people CSV: id,name plus organisation,email,tags and any attribute columns (repeatable)", collect)
    .option("--gexf <file>", "GEXF file exported by tiegraph: people, and each tie as one connection (no exchanges, so no reciprocity) (repeatable)", collect)
    .option("--graphml <file>", "GraphML file exported by tiegraph, read as --gexf (repeatable)", collect)
    .option("--affiliations <file>", "affiliations CSV: person,organisation,from,to,role (repeatable)", collect)
    .option("--exchanges <file>", "exchanges CSV: date,from,to,kind,value plus minutes,confidential,note (repeatable)", collect)
    .option("--linkedin <file>", "LinkedIn Connections.csv (repeatable)", collect)
    .option("--vcard <file>", "vCard address book, .vcf (repeatable)", collect)
    .option("--ics <file>", "iCalendar file, .ics: meetings with the attendees (repeatable)", collect)
    .requiredOption("-o, --output <file>", "network file to write (an existing one is kept as <file>.bak)")
    .option("--into <file>", "merge into this existing network file instead of starting empty")
    .option("--ego <id>", "who \"me\" is: the owner of the LinkedIn export, address book and calendar (default me)")
    .option("--ego-name <name>", "ego's name, when ego is created by the import")
    .option("--ego-email <address>", "ego's e-mail address, to tell ego apart in calendars (repeatable)", collect)
    .option("--ics-from <date>", "first calendar date counted", calendarDate)
    .option("--ics-to <date>", "last calendar date counted (default: today)", calendarDate)
    .option("--strict", "stop at the first bad record (exit 1) instead of skipping and listing it")
    .option("--verbose", "list every skipped record and merged person")
    .option("--plain", "write the output decrypted even when --into is encrypted (by default it stays encrypted)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ tiegraph import --people people.csv --affiliations affiliations.csv --exchanges exchanges.csv -o net.json\n  $ tiegraph import --linkedin Connections.csv --vcard contacts.vcf --ics calendar.ics --ego me --ego-email me@example.org --into net.json -o net.json\n",
    )
    .action(async (flags: ImportFlags) => {
      const files = IMPORT_SOURCES.flatMap((flag) => (flags[flag] ?? []).map((file) => ({ flag, file })));
      if (files.length === 0) throw new UsageError("import", "nothing to import: give at least one of --people, --gexf, --graphml, --affiliations, --exchanges, --linkedin, --vcard, --ics");
      // the network may replace the file it was merged into, never one of the files it reads
      await refuseInputAsOutput("import", flags.output, files.map((f) => f.file));
      const ego = egoOption(flags);
      // only the first LIST_LIMIT problems are shown (all with --verbose): no more are kept, so a million bad rows cost a count
      const maxProblems = flags.verbose === true ? undefined : LIST_LIMIT;
      // the exchanges CSVs that are regular files are read on a worker thread meanwhile (files/import-ahead.ts)
      const aheadFiles = terminal.env.TIEGRAPH_IMPORT_AHEAD === "off" ? [] : await regularFiles(files.filter((f) => f.flag === "exchanges").map((f) => f.file));
      // one exchanges CSV into a new network: the worker then writes its exchanges' text as the file will hold
      // them (as writeNetworkFile saves: indented by 2, nothing redacted) into a file beside the output, while
      // the main thread merges; the save copies it when it fits the network's exchanges (exchange-text-ahead.ts in core)
      const text = aheadFiles.length === 1 && files.filter((f) => f.flag === "exchanges").length === 1 && flags.into === undefined ? { indent: 2, redact: false, file: join(dirname(flags.output), `.${basename(flags.output)}.${randomBytes(6).toString("hex")}.exchanges.tmp`) } : undefined;
      const ahead = startExchangesAhead(aheadFiles, { strict: flags.strict === true, maxProblems, text });
      try {
        const network = flags.into !== undefined ? await readNetworkFile(flags.into, { terminal, command: "import" }) : new Network();
        const before = { people: network.personCount, exchanges: network.exchangeCount };
        const merged = new StepMerge(network, flags.strict === true, maxProblems);
        const imports: ImportedNetwork[] = [];
        let aheadAt = 0;
        let madeAhead: SaveAhead | undefined;
        const firstExchanges = files.findIndex((f) => f.flag === "exchanges");
        for (const [i, f] of files.entries()) {
          // the sources before the exchanges CSVs (people, graph files, affiliations) are merged in one step, while
          // the exchanges CSVs are still being read on the worker; the exchanges and the rest in a second. Only when
          // the first step adds no exchanges: the second would take those as the network's and skip equal ones
          if (i === firstExchanges && i > 0 && imports.every(withoutExchanges)) {
            merged.add(imports);
            // while the other thread still reads the exchanges, the save's text of everything else is made
            // (used only if the exchanges change none of it: see saveAhead; an encrypted save makes its own).
            // Only with a core to spare beside the two threads, and while the worker is far from done (its messages
            // heard first): see SAVE_AHEAD_BELOW_PROGRESS
            const plainSave = flags.plain === true || !readFromEncrypted(network);
            const when = terminal.env.TIEGRAPH_SAVE_AHEAD;
            if (ahead !== undefined && plainSave && when !== "off" && network.personCount >= SAVE_AHEAD_FROM_PEOPLE && files.slice(i).every((later) => later.flag === "exchanges")) {
              const cores = availableParallelism();
              let progress = 0;
              if (when !== "always" && cores > 2) {
                await new Promise((resolve) => setImmediate(resolve));
                progress = ahead.progress(aheadAt);
              }
              if (when === "always" || (cores > 2 && progress < SAVE_AHEAD_BELOW_PROGRESS)) madeAhead = saveAhead(network);
              else trace(terminal, `the text of everything but the exchanges was not made ahead: ${cores > 2 ? `the worker had read ${Math.floor(100 * progress)}% of ${f.file}` : `${cores} cores, no core to spare beside the worker`}`);
            }
          }
          const k = f.flag === "exchanges" && aheadFiles[aheadAt] === f.file ? aheadAt++ : -1;
          const readAhead = ahead !== undefined && k >= 0 ? (onRead: (read: number) => void) => ahead.imported(k, onRead) : undefined;
          // a calendar imported into a network whose ego has addresses tells ego apart by them (unless --ego… says who ego is)
          const fileEgo = f.flag === "ics" && ego === undefined ? calendarEgoOf(network) : ego;
          imports.push(await importOne(terminal, f.flag, f.file, flags, fileEgo, maxProblems, readAhead));
        }
        merged.add(imports);
        await save(terminal, network, before, merged, flags, ahead?.text(0), madeAhead);
      } finally {
        // the worker is gone before its file is deleted (it may still be writing it after an error)
        await ahead?.cancel();
        if (text !== undefined) await unlink(text.file).catch(() => undefined);
      }
    });
}

/** Whether an import holds no exchanges (a people or affiliations CSV; a graph file's ties are exchanges). */
function withoutExchanges(imp: ImportedNetwork): boolean {
  return imp.exchanges.length === 0 && (imp.exchangeRows?.length ?? 0) === 0;
}

/** The files among `files` that are regular files (the others are read, and refused, in order as before). */
async function regularFiles(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    try {
      if ((await stat(file)).isFile()) out.push(file);
    } catch {
      // read on the main thread, which says why it cannot be
    }
  }
  return out;
}

/**
 * The imports merged into the network in steps, each step one
 * {@link mergeInto} of the imports read since the last, and what the steps
 * did as one report: people, organisations and records added and merged in
 * order, counts summed, the problems of each step after the last's (at most
 * `maxProblems` in all). A person added in one step is someone known to the
 * next, matched as any known person is. The network is only saved once every
 * step has been merged, so a step that throws leaves the file as it was.
 */
class StepMerge {
  report: MergeReport | undefined;
  /** What the summary says of each import merged (the records themselves are not kept). */
  readonly summaries: ImportSummary[] = [];
  constructor(
    private readonly network: Network,
    private readonly strict: boolean,
    private readonly maxProblems: number | undefined,
  ) {}
  /** Merges `imports` into the network and empties the list. */
  add(imports: ImportedNetwork[]): void {
    const room = this.maxProblems === undefined ? undefined : this.maxProblems - (this.report?.problems.length ?? 0);
    const step = mergeInto(this.network, imports, { strict: this.strict, ...(room === undefined ? {} : { maxProblems: room }) });
    // the records are in the network now: keep only what the summary says, so a million of them are not held while saving
    for (const imp of imports) this.summaries.push(importSummary(imp));
    imports.length = 0;
    const r = this.report;
    this.report =
      r === undefined
        ? step
        : {
            ego: step.ego,
            added: [...r.added, ...step.added],
            merged: [...r.merged, ...step.merged],
            ambiguous: [...r.ambiguous, ...step.ambiguous],
            organisationsAdded: [...r.organisationsAdded, ...step.organisationsAdded],
            affiliationsAdded: r.affiliationsAdded + step.affiliationsAdded,
            exchangesAdded: r.exchangesAdded + step.exchangesAdded,
            duplicates: { affiliations: r.duplicates.affiliations + step.duplicates.affiliations, exchanges: r.duplicates.exchanges + step.duplicates.exchanges },
            problems: [...r.problems, ...step.problems],
            problemCount: r.problemCount + step.problemCount,
            notes: [...r.notes, ...step.notes],
          };
  }
}

/** Saves the merged network and says what was done. */
async function save(terminal: Terminal, network: Network, before: { people: number; exchanges: number }, merged: StepMerge, flags: ImportFlags, textAhead?: Promise<ExchangeTextAhead | undefined>, madeAhead?: SaveAhead): Promise<void> {
  const { summaries } = merged;
  const report = merged.report!;
  if (flags.ego !== undefined && network.ego !== flags.ego) {
    if (!network.hasPerson(flags.ego)) throw new UsageError("import", `--ego: no person with id ${JSON.stringify(flags.ego)} after the import`);
    network.setEgo(flags.ego);
  }
  // the exchanges' text written on the worker, used only when it is these exchanges' (see exchange-text-ahead.ts in core)
  const exchangeText = await textAhead;
  await writeNetworkFile(flags.output, network, { plain: flags.plain === true, exchangeText, ahead: madeAhead });
  if (exchangeText !== undefined) trace(terminal, `the exchanges' text written on the worker thread was ${exchangeText.used === true ? "used" : "not used: the network's exchanges are not the rows it was written from"}`);
  if (madeAhead !== undefined) {
    const lists = [...madeAhead.records.used];
    trace(terminal, `the text made while the exchanges were read was used for ${lists.length > 0 ? lists.join(", ") : "no list"} in the file, ${madeAhead.people.used ? "and" : "not"} for the people in the columnar copy`);
  }
  terminal.stdout.write(renderImport(summaries, report, network, before, flags.output, flags.verbose === true));
}

function egoOption(flags: ImportFlags): Person | undefined {
  if (flags.ego === undefined && flags.egoName === undefined && flags.egoEmail === undefined) return undefined;
  const id = flags.ego ?? "me";
  const person: Person = { id, name: flags.egoName ?? (id === "me" ? "Me" : id) };
  if (flags.egoEmail?.length) person.emails = flags.egoEmail;
  return person;
}

/**
 * Reads one file with the matching importer, drawing a progress bar for large files on a terminal;
 * `readAhead` gives the import a worker thread made of it (undefined: read it here).
 */
async function importOne(terminal: Terminal, flag: SourceFlag, file: string, flags: ImportFlags, ego: Person | undefined, maxProblems: number | undefined, readAhead?: (onRead: (read: number) => void) => Promise<ImportedNetwork | undefined>): Promise<ImportedNetwork> {
  let size: number;
  let regular: boolean;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    size = s.size;
    regular = s.isFile();
  } catch (e) {
    throw ioError(file, e, "read");
  }
  const bar = progressBar(terminal.stderr, `importing ${file}`, size);
  if (readAhead !== undefined) {
    const imported = await readAhead((read) => bar.update(read));
    trace(terminal, `${file} was read on a worker thread${imported === undefined ? ": it could not be, so it is read here" : ""}`);
    if (imported !== undefined) {
      bar.done();
      return imported;
    }
  }
  let source: TextSource;
  try {
    // an exchanges CSV in a regular file is read from its bytes, whole or (a large one) in blocks of a file that
    // can be read again (see exchangesCsvSource and importExchangesCsv's `direct`); a pipe or device is streamed
    source = flag === "exchanges" && regular ? await exchangesCsvSource(file) : createReadStream(file);
  } catch (e) {
    throw ioError(file, e, "read");
  }
  const options: ImportOptions = { file, strict: flags.strict === true, onProgress: (p: ReadProgress) => bar.update(p.read), ...(maxProblems === undefined ? {} : { maxProblems }) };
  try {
    switch (flag) {
      case "people":
        return await importPeopleCsv(source, options);
      case "affiliations":
        return await importAffiliationsCsv(source, options);
      case "exchanges":
        // rows straight into columns: a million exchanges checked once, with no record each
        return await importExchangesCsv(source, { ...options, columnar: true });
      case "gexf":
        return await importGexf(source, options);
      case "graphml":
        return await importGraphml(source, options);
      case "linkedin":
        return await importLinkedInConnections(source, ego ? { ...options, ego } : options);
      case "vcard":
        return await importVCard(source, options);
      case "ics": {
        const cal = { ...options, ...(ego ? { ego } : {}), ...(flags.icsFrom ? { from: flags.icsFrom } : {}), ...(flags.icsTo ? { to: flags.icsTo } : {}) };
        return await importCalendar(source, cal);
      }
    }
  } finally {
    bar.done();
  }
}

/** `TIEGRAPH_IMPORT_AHEAD=trace`: says on standard error where an exchanges CSV was read. */
function trace(terminal: Terminal, text: string): void {
  if (terminal.env.TIEGRAPH_IMPORT_AHEAD === "trace") terminal.stderr.write(`tiegraph: import: ${text}\n`);
}

/**
 * `tiegraph log FILE`: records an exchange with one or more people (a group
 * meeting is one meeting per person) in a network file, checked like
 * everything the file holds, and saved atomically (an encrypted file stays
 * encrypted with its passphrase).
 */
import type { Command } from "commander";
import { EXCHANGE_KINDS, isGivingKind, type Exchange, type ExchangeKind, type NetworkEdit } from "@tiegraph/core";
import { readNetworkFile } from "../files/network-files.js";
import { saveEdited } from "./edit-save.js";
import { calendarDate, idList, nonNegativeNumber, oneOf } from "../options.js";
import { requirePerson } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { localToday, today } from "../today.js";
import { UsageError } from "../usage-error.js";
import { nameOf } from "../view/names.js";

/** Who gave: ego (`gave`), the other person (`received`), or nobody in particular (`both`, touchpoints only). */
export type LogDirection = "gave" | "received" | "both";

interface LogFlags {
  with: string[];
  kind: ExchangeKind;
  direction?: LogDirection;
  date?: string;
  value?: number;
  minutes?: number;
  note?: string;
  format?: string;
  tag?: string[];
  confidential?: boolean;
  introduced?: string;
  ego?: string;
}

/**
 * The exchanges `log` records: one per person in `with`, from ego to them
 * when ego gave (or met them), from them to ego when ego received.
 *
 * @example logExchanges("me", { with: ["ann", "bob"], kind: "meeting", direction: "both", date: "2026-11-30" }) // two meetings from me
 */
export function logExchanges(ego: string, flags: Omit<LogFlags, "ego">): Exchange[] {
  const direction = flags.direction ?? (isGivingKind(flags.kind) ? undefined : "both");
  if (direction === undefined) throw new UsageError("log", `--direction: say whether you gave or received the ${flags.kind} (gave or received)`);
  if (direction === "both" && isGivingKind(flags.kind)) throw new UsageError("log", `--direction both is for meetings and connections; a ${flags.kind} goes one way: gave or received`);
  if (flags.introduced !== undefined && flags.kind !== "introduction") throw new UsageError("log", "--introduced is for --kind introduction");
  if (flags.kind === "introduction" && flags.introduced === undefined) throw new UsageError("log", "--kind introduction needs --introduced ID: who was introduced to whom");
  return flags.with.map((other) => {
    const e: Exchange = { date: flags.date ?? localToday(), kind: flags.kind, from: direction === "received" ? other : ego, to: direction === "received" ? ego : other };
    if (flags.value !== undefined) e.value = flags.value;
    if (flags.minutes !== undefined) e.minutes = flags.minutes;
    if (flags.format !== undefined) e.format = flags.format;
    if (flags.introduced !== undefined) e.introduced = flags.introduced;
    if (flags.tag?.length) e.tags = [...flags.tag];
    if (flags.note !== undefined) e.note = flags.note;
    if (flags.confidential) e.confidential = true;
    return e;
  });
}

/**
 * Adds `log` to the program.
 *
 * @example registerLog(new Command("tiegraph"), processTerminal())
 */
export function registerLog(program: Command, terminal: Terminal): void {
  program
    .command("log")
    .description("record an exchange with one or more people (a group meeting is one meeting per person) and save the file")
    .argument("<file>", "network file (an encrypted one stays encrypted)")
    .requiredOption("--with <ids>", "whom: person ids, comma-separated (repeatable)", idList)
    .requiredOption("--kind <kind>", `what: ${EXCHANGE_KINDS.join(", ")}`, oneOf(EXCHANGE_KINDS))
    .option("--direction <dir>", "gave: you gave it; received: they gave it to you; both: a meeting or connection (the default for those)", oneOf<LogDirection>(["gave", "received", "both"]))
    .option("--date <date>", "when, YYYY-MM-DD (default: today)", calendarDate)
    .option("--value <v>", "value instead of the kind's default (a number ≥ 0)", nonNegativeNumber)
    .option("--minutes <m>", "how long it took", nonNegativeNumber)
    .option("--format <text>", "coffee, lunch, call, dinner, gift…")
    .option("--tag <topic>", "a topic of the exchange (repeatable)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--note <text>", "a private note (never exported unless asked)")
    .option("--confidential", "said or done in confidence: left out of reports, exports and pictures unless asked")
    .option("--introduced <id>", "for an introduction: the person the other was introduced to")
    .option("--ego <id>", "whose exchange (default: the network's ego)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ tiegraph log net.json --with ann --kind favour --direction received\n  $ tiegraph log net.json --with ann,bob,cy --kind meeting --minutes 60 --format lunch --date 2026-11-24\n  $ tiegraph log net.json --with ann --kind introduction --direction gave --introduced bob\n",
    )
    .action(async (file: string, flags: LogFlags) => {
      const network = await readNetworkFile(file, { terminal, command: "log" });
      const ego = flags.ego ?? network.ego;
      if (ego === undefined) throw new UsageError("log", `${file} has no ego: say whose exchange with --ego ID`);
      const at = { command: "log", file };
      requirePerson(network, ego, { ...at, option: "--ego" });
      for (const id of flags.with) requirePerson(network, id, { ...at, option: "--with" });
      if (flags.with.length === 0) throw new UsageError("log", "--with: name at least one person");
      if (flags.introduced !== undefined) requirePerson(network, flags.introduced, { ...at, option: "--introduced" });
      const exchanges = logExchanges(ego, { ...flags, date: flags.date ?? today(terminal.env, "log") });
      const edits: NetworkEdit[] = exchanges.map((exchange) => ({ op: "add-exchange", exchange }));
      network.edit(edits);
      await saveEdited(file, network);
      const first = network.exchangeCount - exchanges.length;
      for (const [k, e] of exchanges.entries()) {
        const other = e.from === ego ? e.to : e.from;
        const arrow = e.from === ego ? "to" : "from";
        const verb = isGivingKind(e.kind) ? `${e.kind} ${arrow}` : `${e.kind} with`;
        terminal.stdout.write(`logged ${network.exchangeId(first + k)}: ${e.date} ${verb} ${nameOf(network, other)}${e.introduced ? ` (introduced to ${nameOf(network, e.introduced)})` : ""}${e.confidential ? " [confidential]" : ""}\n`);
      }
      terminal.stderr.write(`saved ${file}: ${network.exchangeCount} exchanges\n`);
    });
}

/**
 * `tiegraph ask FILE`: introduction requests, double opt-in. `--to ID --via
 * ID` asks a connector for an introduction (printing the request's id and a
 * drafted message to copy); `--request ID --step STEP` moves a request on,
 * recording the introduction, meeting or thank-you in the ledger; with
 * neither, lists the requests. The file is saved atomically, encrypted again
 * if it was read encrypted.
 */
import type { Command } from "commander";
import {
  advanceRequest,
  applyRequestChange,
  askForIntroduction,
  draftIntroductionMessage,
  introductionMessage,
  listRequests,
  type AdvanceRequestDetails,
  type AskForIntroductionInput,
  type RequestStep,
} from "@tiegraph/core";
import { readNetworkFile, writeNetworkFile } from "../files/network-files.js";
import { calendarDate, oneOf, wholeNumber } from "../options.js";
import { requireOrganisation, requirePerson } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { today } from "../today.js";
import { UsageError } from "../usage-error.js";
import { plain, renderRequestList, renderStep } from "../view/request-text.js";

/** Step names on the command line: the workflow's, with `agreed`/`declined` short for the connector's answer. */
export const ASK_STEPS: Readonly<Record<string, RequestStep>> = {
  agreed: "connector-agreed",
  declined: "connector-declined",
  "connector-agreed": "connector-agreed",
  "connector-declined": "connector-declined",
  "target-agreed": "target-agreed",
  "target-declined": "target-declined",
  introduced: "introduced",
  met: "met",
  thanked: "thanked",
};

interface AskFlags {
  to?: string;
  org?: string;
  via?: string;
  why?: string;
  offer?: string;
  ego?: string;
  id?: string;
  request?: string;
  step?: string;
  person?: string;
  thanks?: "gesture" | "favour";
  format?: string;
  minutes?: number;
  date?: string;
  json?: boolean;
  plain?: boolean;
}

/**
 * Adds `ask` to the program.
 *
 * @example registerAsk(new Command("tiegraph"), processTerminal())
 */
export function registerAsk(program: Command, terminal: Terminal): void {
  program
    .command("ask")
    .description("ask for an introduction (double opt-in) and follow the request through: agreed, introduced, met, thanked")
    .argument("<file>", "network file (changed in place, atomically; an encrypted file stays encrypted)")
    .option("--to <id>", "new request: the person you want to be introduced to")
    .option("--org <id>", "new request: an organisation to be introduced into (instead of --to)")
    .option("--via <id>", "new request: the connector you ask")
    .option("--why <text>", "new request: why you want the introduction")
    .option("--offer <text>", "new request: what you can offer in return")
    .option("--ego <id>", "new request: who asks (default: the network's ego)")
    .option("--id <id>", "new request: its id (default: the first free r1, r2, ...)")
    .option("--request <id>", "the request to move on")
    .option("--step <step>", `its next step: ${Object.keys(ASK_STEPS).join(", ")} (agreed/declined: the connector's answer)`, oneOf(Object.keys(ASK_STEPS)))
    .option("--person <id>", "with --step introduced on a request into an organisation: the person you were introduced to")
    .option("--thanks <kind>", "with --step thanked: a gesture (default) or a favour back", oneOf(["gesture", "favour"] as const))
    .option("--format <format>", "with --step met or thanked: coffee, lunch, call, gift, ...")
    .option("--minutes <n>", "with --step met: how long you met", wholeNumber(0))
    .option("--date <date>", "the day of the ask or step, YYYY-MM-DD (default: today)", calendarDate)
    .option("--json", "print the request (and the recorded exchanges) as JSON")
    .option("--plain", "an encrypted FILE is written back decrypted (default: encrypted with the same passphrase)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ tiegraph ask net.json --to p42 --via p7 --why \"advice on pricing\" --offer \"our churn study\"\n  $ tiegraph ask net.json --request r1 --step agreed\n  $ tiegraph ask net.json --request r1 --step introduced --date 2026-03-09\n  $ tiegraph ask net.json                      # list the requests\n",
    )
    .action(async (file: string, flags: AskFlags) => {
      const creating = flags.to !== undefined || flags.org !== undefined || flags.via !== undefined;
      const stepping = flags.request !== undefined || flags.step !== undefined;
      if (creating && stepping) throw new UsageError("ask", "either ask (--to/--org with --via) or move a request on (--request with --step), not both");
      for (const [flag, value] of [["--why", flags.why], ["--offer", flags.offer], ["--ego", flags.ego], ["--id", flags.id]] as const) {
        if (value !== undefined && !creating) throw new UsageError("ask", `${flag} goes with a new request (--to or --org, and --via)`);
      }
      for (const [flag, value] of [["--person", flags.person], ["--thanks", flags.thanks], ["--format", flags.format], ["--minutes", flags.minutes]] as const) {
        if (value !== undefined && !stepping) throw new UsageError("ask", `${flag} goes with --request and --step`);
      }
      if (creating) {
        if (flags.via === undefined) throw new UsageError("ask", "a new request needs --via: the connector you ask");
        if ((flags.to === undefined) === (flags.org === undefined)) throw new UsageError("ask", "a new request needs --to (a person) or --org (an organisation), one of them");
      }
      if (stepping && (flags.request === undefined || flags.step === undefined)) throw new UsageError("ask", "moving a request on needs both --request ID and --step STEP");

      // the whole file (confidential records included): it is written back; one read encrypted is written encrypted
      const network = await readNetworkFile(file, { terminal, command: "ask" });
      const at = (option: string) => ({ command: "ask", option, file });
      if (!creating && !stepping) {
        const list = listRequests(network);
        terminal.stdout.write(flags.json ? JSON.stringify(list, null, 2) + "\n" : renderRequestList(network, list));
        return;
      }
      const date = flags.date ?? today(terminal.env, "ask");
      if (creating) {
        requirePerson(network, flags.via!, at("--via"));
        if (flags.to !== undefined) requirePerson(network, flags.to, at("--to"));
        if (flags.org !== undefined) requireOrganisation(network, flags.org, at("--org"));
        if (flags.ego !== undefined) requirePerson(network, flags.ego, at("--ego"));
        else if (network.ego === undefined) throw new UsageError("ask", `${file} has no ego: say who asks with --ego ID`);
        const input: AskForIntroductionInput = { via: flags.via!, date };
        if (flags.to !== undefined) input.to = flags.to;
        if (flags.org !== undefined) input.organisation = flags.org;
        if (flags.why !== undefined) input.why = flags.why;
        if (flags.offer !== undefined) input.offer = flags.offer;
        if (flags.ego !== undefined) input.from = flags.ego;
        if (flags.id !== undefined) input.id = flags.id;
        const change = askForIntroduction(network, input);
        applyRequestChange(network, change);
        await writeNetworkFile(file, network, { plain: flags.plain === true });
        const message = introductionMessage(network, change.request.id);
        if (flags.json) {
          terminal.stdout.write(JSON.stringify({ request: change.request, message, text: draftIntroductionMessage(message) }, null, 2) + "\n");
          return;
        }
        terminal.stdout.write(`asked: request ${plain(change.request.id)} (saved to ${file})\n\nMessage to ${plain(message.connector.name)}:\n\n${plain(draftIntroductionMessage(message))}`);
        return;
      }
      const step = ASK_STEPS[flags.step!]!;
      if (network.findRequest(flags.request!) === undefined) throw new UsageError("ask", `--request: no request with id ${JSON.stringify(flags.request)} in ${file}`);
      if (flags.person !== undefined) requirePerson(network, flags.person, at("--person"));
      const details: AdvanceRequestDetails = {};
      if (flags.person !== undefined) details.person = flags.person;
      if (flags.thanks !== undefined) details.kind = flags.thanks;
      if (flags.format !== undefined) details.format = flags.format;
      if (flags.minutes !== undefined) details.minutes = flags.minutes;
      const change = advanceRequest(network, flags.request!, step, date, details);
      applyRequestChange(network, change);
      await writeNetworkFile(file, network, { plain: flags.plain === true });
      if (flags.json) terminal.stdout.write(JSON.stringify(change, null, 2) + "\n");
      else terminal.stdout.write(renderStep(network, flags.request!, step, change.request.steps.at(-1)!.date, change.exchanges));
    });
}

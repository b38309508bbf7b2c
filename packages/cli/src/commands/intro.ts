/**
 * `tiegraph intro FILE --to TARGET`: ranked warm introduction paths to a
 * person, an organisation or a tag, each explained hop by hop (the wording is
 * core's; this file parses the question and lays the answer out).
 */
import type { Command } from "commander";
import { createPathIndex, introductionPaths, type IntroductionMode, type IntroductionQuery, type IntroductionTarget } from "@tiegraph/core";
import { loadForAnalysis } from "../files/network-files.js";
import { asOfLine, figuresAsOf, indexAhead } from "../as-of.js";
import { asOfDate, idList, oneOf, wholeNumber } from "../options.js";
import { requireOrganisation, requirePerson, type IdContext } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";
import { renderIntroduction } from "../view/intro-text.js";

interface IntroFlags {
  asOf?: string;
  to: string;
  from?: string;
  k: number;
  mode: IntroductionMode;
  maxHops: number | "none";
  avoid?: string[];
  reciprocityAware?: boolean;
  json?: boolean;
  includeConfidential?: boolean;
}

/**
 * Reads `--to`: `org:ID` (or `organisation:ID`) for anyone at an organisation,
 * `tag:NAME` for anyone tagged, `person:ID` or a bare id for a person.
 *
 * @example parseTarget("org:acme") // { organisation: "acme" }
 */
export function parseTarget(text: string): IntroductionTarget {
  const m = /^(person|org|organisation|tag):(.*)$/.exec(text);
  const value = m ? m[2]! : text;
  if (value === "") throw new UsageError("intro", `--to: empty target ${JSON.stringify(text)}; expected a person id, org:ID or tag:NAME`);
  if (!m || m[1] === "person") return { person: value };
  return m[1] === "tag" ? { tag: value } : { organisation: value };
}

function maxHopsOption(text: string): number | "none" {
  return text === "none" ? "none" : wholeNumber(1)(text);
}

/**
 * Adds `intro` to the program.
 *
 * @example registerIntro(new Command("tiegraph"), processTerminal())
 */
export function registerIntro(program: Command, terminal: Terminal): void {
  program
    .command("intro")
    .description("who can introduce you to a person, an organisation or a tag: ranked paths, explained")
    .argument("<file>", "network file")
    .requiredOption("--to <target>", "whom to reach: a person id, org:ID for anyone at an organisation, tag:NAME for anyone tagged")
    .option("--from <id>", "who asks (default: the network's ego)")
    .option("--k <n>", "how many alternative paths", wholeNumber(1), 3)
    .option("--mode <mode>", "reliable: highest product of tie strengths; widest: strongest weakest tie", oneOf<IntroductionMode>(["reliable", "widest"]), "reliable")
    .option("--max-hops <n>", "most hops a path may take, or none", maxHopsOption, 4)
    .option("--avoid <ids>", "people or organisations not to go through, comma-separated (repeatable)", idList)
    .option("--reciprocity-aware", "prefer first hops who owe you or are in balance over ones you owe")
    .option("--as-of <date>", "figures as of this date, YYYY-MM-DD, or last (the last exchange's date); default today; later exchanges do not count", asOfDate)
    .option("--json", "print the answer as JSON (the contract in docs/cli.md)")
    .option("--include-confidential", "use ties known only from confidential exchanges, and show their dates")
    .addHelpText("after", "\nExamples:\n  $ tiegraph intro examples/data/sample-network.json --to p42\n  $ tiegraph intro net.json --to org:acme --k 5 --mode widest --avoid p7,p9 --json\n")
    .action(async (file: string, flags: IntroFlags) => {
      const target = parseTarget(flags.to);
      const includeConfidential = flags.includeConfidential === true;
      const loaded = await loadForAnalysis(file, includeConfidential, { terminal, command: "intro" }, indexAhead("relationships", flags.asOf, includeConfidential, terminal.env, "intro"));
      const when = figuresAsOf(loaded, flags.asOf, terminal, "intro");
      const network = when.network;
      const at = (option: string): IdContext => ({ command: "intro", option, file });
      if ("person" in target) requirePerson(network, target.person, at("--to"));
      if ("organisation" in target) requireOrganisation(network, target.organisation, at("--to"));
      if (flags.from !== undefined) requirePerson(network, flags.from, at("--from"));
      else if (network.ego === undefined) throw new UsageError("intro", `${file} has no ego: say who asks with --from ID`);
      for (const id of flags.avoid ?? []) {
        if (!network.hasPerson(id) && !network.hasOrganisation(id)) throw new UsageError("intro", `--avoid: no person or organisation with id ${JSON.stringify(id)} in ${file}`);
      }
      const query: IntroductionQuery = {
        to: target,
        k: flags.k,
        mode: flags.mode,
        maxHops: flags.maxHops === "none" ? Infinity : flags.maxHops,
        reciprocityAware: flags.reciprocityAware === true,
        skipConfidentialOnly: !includeConfidential,
        showConfidential: includeConfidential,
      };
      if (flags.from !== undefined) query.from = flags.from;
      if (flags.avoid?.length) query.avoid = flags.avoid;
      const answer = introductionPaths(createPathIndex(network, { asOf: when.asOf }), query);
      terminal.stdout.write(flags.json ? JSON.stringify(answer, null, 2) + "\n" : `${asOfLine(when)}\n${renderIntroduction(network, answer)}`);
    });
}

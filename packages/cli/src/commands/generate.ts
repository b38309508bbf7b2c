/**
 * `tiegraph generate`: a synthetic network from the seeded generator, for
 * trying tiegraph out and for benchmarks. The same options give the same file.
 */
import type { Command } from "commander";
import { generateNetwork, serializeNetwork, type GenerateOptions } from "@tiegraph/core";
import { integer, wholeNumber } from "../options.js";
import type { Terminal } from "../terminal.js";
import { writeNetworkFile } from "../files/network-files.js";

interface GenerateFlags {
  people: number;
  exchanges: number;
  seed: number;
  organisations?: number;
  ego?: boolean;
  extras: boolean;
  output?: string;
}

/**
 * Adds `generate` to the program.
 *
 * @example registerGenerate(new Command("tiegraph"), processTerminal())
 */
export function registerGenerate(program: Command, terminal: Terminal): void {
  program
    .command("generate")
    .description("generate a realistic synthetic network (seeded: the same options give the same file)")
    .requiredOption("--people <n>", "people besides ego", wholeNumber(2))
    .requiredOption("--exchanges <m>", "exchanges", wholeNumber(0))
    .requiredOption("--seed <s>", "random seed", integer)
    .option("--organisations <n>", "organisations (default max(5, people / 25))", wholeNumber(1))
    .option("--ego", "give the network an ego \"me\" who knows most people (default up to 5000 people)")
    .option("--no-ego", "no ego: a network seen from outside, as in benchmarks (default above 5000 people)")
    .option("--no-extras", "leave out emails, interests, tags and notes (default: include them at any size)")
    .option("-o, --output <file>", "network file to write (default: standard output)")
    .addHelpText("after", "\nExample:\n  $ tiegraph generate --people 300 --exchanges 6000 --seed 7 -o net.json\n")
    .action(async (flags: GenerateFlags) => {
      const options: GenerateOptions = { seed: flags.seed, people: flags.people, exchanges: flags.exchanges, extras: flags.extras };
      if (flags.ego !== undefined) options.ego = flags.ego;
      if (flags.organisations !== undefined) options.organisations = flags.organisations;
      const network = generateNetwork(options);
      if (flags.output === undefined || flags.output === "-") {
        terminal.stdout.write(serializeNetwork(network));
        return;
      }
      await writeNetworkFile(flags.output, network, { terminal });
      terminal.stdout.write(`wrote ${flags.output}: ${network.personCount} people, ${network.organisationCount} organisations, ${network.affiliationCount} affiliations, ${network.exchangeCount} exchanges\n`);
    });
}

/**
 * `tiegraph person FILE`: adds a person or edits one (name, addresses, tags,
 * what they are after, what you can offer them, a job change), as one
 * checked change saved atomically (an encrypted file stays encrypted).
 */
import type { Command } from "commander";
import { formatDay, parseDay, type Network, type NetworkEdit, type Patch, type Person } from "@tiegraph/core";
import { readNetworkFile } from "../files/network-files.js";
import { saveEdited } from "./edit-save.js";
import { calendarDate, nonNegativeNumber } from "../options.js";
import { requirePerson } from "../resolve-ids.js";
import type { Terminal } from "../terminal.js";
import { localToday, today } from "../today.js";
import { UsageError } from "../usage-error.js";
import { nameOf } from "../view/names.js";

/** The list fields `person` adds to (`--email`) and removes from (`--drop-email`). */
const LISTS = [
  ["email", "emails"],
  ["tag", "tags"],
  ["interest", "interests"],
  ["offer", "offers"],
] as const;
type ListFlag = (typeof LISTS)[number][0];
type DropFlag = `drop${Capitalize<ListFlag>}`;

/** What `person` was asked to do. */
export interface PersonFlags extends Partial<Record<ListFlag | DropFlag, string[]>> {
  add?: string;
  edit?: string;
  name?: string;
  url?: string;
  cadence?: number;
  org?: string;
  from?: string;
  role?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The edits `person` makes: add or patch the person; with `org`, a job
 * change: the organisation (found by id or name, else created), an
 * affiliation from `from`, and the person's open-ended affiliations elsewhere
 * ended the day before.
 *
 * @example personEdits(network, { add: "cy", name: "Cy", tag: ["mentor"] }) // [{ op: "add-person", person: { id: "cy", name: "Cy", tags: ["mentor"] } }]
 */
export function personEdits(network: Network, flags: PersonFlags, today: string = localToday()): NetworkEdit[] {
  const id = flags.add ?? flags.edit;
  if (id === undefined || (flags.add !== undefined && flags.edit !== undefined)) throw new UsageError("person", "say --add ID (a new person) or --edit ID (an existing one)");
  const edits: NetworkEdit[] = [];
  const before: Partial<Person> = flags.edit !== undefined ? network.person(flags.edit) : {};
  const patch: Patch<Omit<Person, "id">> = {};
  if (flags.name !== undefined) patch.name = flags.name;
  if (flags.url !== undefined) patch.url = flags.url;
  if (flags.cadence !== undefined) patch.cadenceDays = flags.cadence;
  for (const [flag, field] of LISTS) {
    const add = flags[flag] ?? [];
    const drop = new Set(flags[`drop${flag[0]!.toUpperCase()}${flag.slice(1)}` as DropFlag] ?? []);
    if (!add.length && !drop.size) continue;
    const list = [...(before[field] ?? [])].filter((x) => !drop.has(x));
    for (const x of add) if (!list.includes(x)) list.push(x);
    patch[field] = list.length ? list : undefined;
  }
  if (flags.add !== undefined) {
    if (flags.name === undefined) throw new UsageError("person", "--add needs --name");
    const person = { id, ...patch } as Person;
    for (const k of Object.keys(person) as (keyof Person)[]) if (person[k] === undefined) delete person[k];
    edits.push({ op: "add-person", person });
  } else if (Object.keys(patch).length) {
    edits.push({ op: "update-person", id, patch });
  }
  if (flags.org !== undefined) edits.push(...jobChange(network, id, flags.org, flags.from ?? today, flags.role));
  else if (flags.from !== undefined || flags.role !== undefined) throw new UsageError("person", "--from and --role go with --org");
  if (!edits.length) throw new UsageError("person", "nothing to change: give --name, --email, --tag, --interest, --offer, --org… (see --help)");
  return edits;
}

/** The edits of a job change: find or create the organisation, end open affiliations elsewhere, add the new one. */
function jobChange(network: Network, person: string, org: string, from: string, role: string | undefined): NetworkEdit[] {
  const edits: NetworkEdit[] = [];
  const byName = network.organisations().find((o) => o.name.trim().toLowerCase() === org.trim().toLowerCase());
  let orgId = network.hasOrganisation(org) ? org : byName?.id;
  if (orgId === undefined) {
    orgId = slug(org);
    for (let n = 2; network.hasOrganisation(orgId); n++) orgId = `${slug(org)}-${n}`;
    edits.push({ op: "add-organisation", organisation: { id: orgId, name: org } });
  }
  const start = parseDay(from)!;
  if (network.hasPerson(person)) {
    network.affiliationsOf(person).forEach((a, index) => {
      const began = a.from === undefined ? -Infinity : parseDay(a.from)!;
      if (a.to === undefined && a.organisation !== orgId && began < start) edits.push({ op: "update-affiliation", person, index, affiliation: { ...a, to: formatDay(start - 1) } });
    });
  }
  edits.push({ op: "add-affiliation", affiliation: { person, organisation: orgId, from, ...(role !== undefined ? { role } : {}) } });
  return edits;
}

function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "organisation" : s.slice(0, 60);
}

/**
 * Adds `person` to the program.
 *
 * @example registerPerson(new Command("tiegraph"), processTerminal())
 */
export function registerPerson(program: Command, terminal: Terminal): void {
  const command = program
    .command("person")
    .description("add a person or edit one (name, e-mail, tags, what they are after, what you can offer, a job change) and save the file")
    .argument("<file>", "network file (an encrypted one stays encrypted)")
    .option("--add <id>", "add a new person with this id (needs --name)")
    .option("--edit <id>", "edit the person with this id")
    .option("--name <text>", "their name")
    .option("--url <address>", "their profile address")
    .option("--cadence <days>", "see them at least every so many days", nonNegativeNumber);
  for (const [flag, field] of LISTS) {
    const what = { email: "an e-mail address", tag: "a tag", interest: "something they are after", offer: "something you can offer them" }[flag];
    command.option(`--${flag} <text>`, `add ${what} (repeatable)`, collect);
    command.option(`--drop-${flag} <text>`, `remove ${what} from their ${field} (repeatable)`, collect);
  }
  command
    .option("--org <organisation>", "a job change: the organisation they joined (an id or a name; a new name adds the organisation)")
    .option("--from <date>", "with --org: when they joined, YYYY-MM-DD (default: today); their open-ended affiliations elsewhere end the day before", calendarDate)
    .option("--role <text>", "with --org: their role there")
    .addHelpText(
      "after",
      '\nExamples:\n  $ tiegraph person net.json --add cy --name "Cy Young" --email cy@example.org --tag investor\n  $ tiegraph person net.json --edit ann --interest "hiring a CTO" --offer "intro to bob"\n  $ tiegraph person net.json --edit ann --org "Globex" --from 2026-10-01 --role CTO\n',
    )
    .action(async (file: string, flags: PersonFlags) => {
      const network = await readNetworkFile(file, { terminal, command: "person" });
      if (flags.edit !== undefined) requirePerson(network, flags.edit, { command: "person", option: "--edit", file });
      if (flags.add !== undefined && network.hasPerson(flags.add)) throw new UsageError("person", `--add: ${file} already has a person with id ${JSON.stringify(flags.add)} (use --edit)`);
      const edits = personEdits(network, flags, today(terminal.env, "person"));
      network.edit(edits);
      await saveEdited(file, network);
      const id = (flags.add ?? flags.edit)!;
      const p = network.person(id);
      terminal.stdout.write(`${flags.add !== undefined ? "added" : "updated"} ${id}: ${nameOf(network, id)}\n`);
      for (const [, field] of LISTS) if (p[field]?.length) terminal.stdout.write(`  ${field}: ${p[field].join("; ")}\n`);
      for (const a of network.affiliationsOf(id)) terminal.stdout.write(`  ${network.organisation(a.organisation).name}: ${a.from ?? "…"} to ${a.to ?? "now"}${a.role ? ` (${a.role})` : ""}\n`);
      terminal.stderr.write(`saved ${file}\n`);
    });
}

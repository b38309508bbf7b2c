/**
 * The ledger's side of the network worker: applies edits to the network it
 * keeps (core's `Network.edit`, all-or-nothing), writes the network file's
 * text (encrypted with the passphrase the network was opened with, which
 * stays in the worker's memory only), gives a person's record to the editor
 * and finds people who may be the same.
 */
import { parseDay, referenceDay as coreReferenceDay, serializeNetwork, TiegraphError, type Day, type Network, type NetworkEdit } from "@tiegraph/core";
import { encryptText } from "@tiegraph/io";
import { foldText } from "../search/search-index.js";
import { todayText } from "./exchange-edits.js";
import { DEFAULT_AS_OF, type AsOfChoice, type LedgerAnswer, type LedgerAsk, type MergeSuggestion, type PersonRecord, type TextEncryption } from "./ledger-protocol.js";

/** Passphrases of the networks opened encrypted (or saved encrypted since): memory only. */
const passphrases = new WeakMap<Network, string>();

/** Most merge suggestions listed. */
export const MERGE_SUGGESTIONS_SHOWN = 50;

let asOf: AsOfChoice = DEFAULT_AS_OF;

/**
 * Chooses the reference day of every figure; a day that is not a calendar
 * date throws `invalid-date` and changes nothing.
 */
export function setAsOf(choice: AsOfChoice): void {
  if (choice.kind === "day" && parseDay(choice.date) === undefined) throw new TiegraphError("tiegraph/explorer", "invalid-date", `invalid date ${JSON.stringify(choice.date)}`, { pointer: "/asOf", expected: "a calendar date YYYY-MM-DD" });
  asOf = choice;
}

/**
 * The reference day of a network's figures, by core's one rule
 * (`referenceDay`): today (the reader's date, the default), the given day, or
 * the last day with an exchange that may be shown (`lastShown`; undefined
 * without one).
 */
export function referenceDay(network: Network, lastShown: (network: Network) => Day | undefined): Day | undefined {
  if (asOf.kind === "last-exchange" && lastShown(network) === undefined) return undefined;
  const choice = asOf.kind === "day" ? { asOf: asOf.date } : asOf.kind === "last-exchange" ? { asOf: "last" } : {};
  return coreReferenceDay(network, { ...choice, today: todayText(), excludeConfidential: true });
}

/** Notes the passphrase an encrypted network was opened with. */
export function rememberPassphrase(network: Network, passphrase: string): void {
  passphrases.set(network, passphrase);
}

/** Applies edits (all or nothing) and returns the edits that undo them. */
export function applyLedgerEdits(network: Network, edits: NetworkEdit[]): NetworkEdit[] {
  return network.edit(edits);
}

/** Answers a ledger question other than an edit. */
export async function answerLedger(network: Network, ask: Exclude<LedgerAsk, { kind: "edit" | "as-of" }>): Promise<LedgerAnswer> {
  if (ask.kind === "text") return { kind: "text", ...(await networkText(network, ask.encryption)) };
  if (ask.kind === "person-record") return { kind: "person-record", record: personRecord(network, ask.person) };
  return { kind: "merge-suggestions", suggestions: mergeSuggestions(network) };
}

/**
 * The network file's text: encrypted (io's envelope, PBKDF2 + AES-GCM) when
 * the network was opened encrypted or a passphrase is given now (which is
 * then remembered, so later saves and the browser's copy stay encrypted).
 */
async function networkText(network: Network, encryption: TextEncryption): Promise<{ text: string; encrypted: boolean }> {
  if (encryption.kind === "encrypt") rememberPassphrase(network, encryption.passphrase);
  const passphrase = passphrases.get(network);
  const text = serializeNetwork(network);
  return passphrase === undefined ? { text, encrypted: false } : { text: await encryptText(text, passphrase), encrypted: true };
}

function personRecord(network: Network, id: string): PersonRecord {
  return {
    person: network.person(id),
    affiliations: network.affiliationsOf(id),
    organisations: network.organisations().map((o) => ({ id: o.id, name: o.name })),
  };
}

/** A name folded for comparison: no accents, no case, no punctuation, single spaces. */
function nameKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whether two folded names differ by at most one inserted, removed or changed letter. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x === y;
  return rest(a.slice(i + 1), b.slice(i + 1)) || rest(a.slice(i), b.slice(i + 1)) || rest(a.slice(i + 1), b.slice(i));
}

/**
 * People who may be the same person: an email address in common, or
 * near-equal names (equal once accents, case and punctuation are set aside,
 * or one letter apart) with an organisation in common. The earlier person in
 * the file is the one kept. Comparisons of names stay within each
 * organisation, so the work is bounded by the largest organisation.
 */
export function mergeSuggestions(network: Network): MergeSuggestion[] {
  const people = network.people();
  const out: MergeSuggestion[] = [];
  const seen = new Set<string>();
  const add = (i: number, j: number, reason: MergeSuggestion["reason"]): void => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = `${a} ${b}`;
    if (seen.has(key) || out.length >= MERGE_SUGGESTIONS_SHOWN) return;
    seen.add(key);
    out.push({ keep: people[a]!.id, drop: people[b]!.id, keepName: people[a]!.name, dropName: people[b]!.name, reason });
  };
  const byEmail = new Map<string, number>();
  people.forEach((p, i) => {
    for (const e of p.emails ?? []) {
      const key = e.trim().toLowerCase();
      const first = byEmail.get(key);
      if (first === undefined) byEmail.set(key, i);
      else add(first, i, { code: "same-email", email: key });
    }
  });
  const members = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const o of new Set(network.affiliationsOf(p.id).map((a) => a.organisation))) {
      let list = members.get(o);
      if (!list) members.set(o, (list = []));
      list.push(i);
    }
  });
  for (const [o, list] of members) {
    const keys = list.map((i) => nameKey(people[i]!.name));
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) if (nearlyEqual(keys[x]!, keys[y]!)) add(list[x]!, list[y]!, { code: "similar-name-same-organisation", organisation: network.organisation(o).name });
  }
  return out;
}

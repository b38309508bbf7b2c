/**
 * "Who owes whom": ego's relationships ranked by what ego owes and by what
 * ego is owed, with the soured ones singled out.
 */
import { TiegraphError } from "../errors.js";
import { formatDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { resolveReciprocityOptions, type ReciprocityOptionsInput } from "./options.js";
import { emptyPairScan, packRuns, scanRun } from "./pair-scan.js";
import { balanceRecord, type RelationshipBalance } from "./relationship-balance.js";

/** Options of {@link reciprocityLedger}. */
export interface LedgerOptions extends ReciprocityOptionsInput {
  /** Whose ledger (default: the network's ego). */
  person?: PersonId;
}

/** A person's reciprocity ledger. */
export interface ReciprocityLedger {
  person: PersonId;
  /** Reference day of every figure. */
  asOf: string;
  /** Every contact the person has exchanged with, in person order. */
  entries: RelationshipBalance[];
  /** Contacts who gave more than they received (balance < 0), most owed first: repay these first. */
  youOwe: RelationshipBalance[];
  /** Contacts who received more than they gave (balance > 0), largest first: you can ask these. */
  owedToYou: RelationshipBalance[];
  /** Soured relationships, "you owe" before "they owe", each by the size of the balance. */
  souring: RelationshipBalance[];
}

/**
 * Builds the ledger of `options.person` (default ego) from one pass over the
 * person's exchanges: one {@link RelationshipBalance} per contact, ranked by
 * the decayed balance `given − received` (see {@link relationshipBalance} for
 * the terms). Ties in rank go to the contact id, so the order is stable.
 *
 * @example
 * ```ts
 * const ledger = reciprocityLedger(network);
 * for (const e of ledger.youOwe.slice(0, 5)) console.log(e.contact, e.balance.toFixed(2));
 * ```
 */
export function reciprocityLedger(network: Network, options: LedgerOptions = {}): ReciprocityLedger {
  const id = options.person ?? network.ego;
  if (id === undefined) {
    throw new TiegraphError("tiegraph/reciprocity", "invalid-option", "the network has no ego and no person was given", { record: "options.person", expected: "a person id, or a network with an ego" });
  }
  const a = network.personIndex(id);
  const o = resolveReciprocityOptions(network, options);
  const cols = network.exchangeColumns();
  const mine = network.exchangesOf(a);
  // group the person's exchanges by contact (in person order), keeping date order inside each group
  const groupOf = new Map<number, number>();
  const contactOf = new Int32Array(mine.length);
  for (let k = 0; k < mine.length; k++) {
    const e = mine[k]!;
    const c = cols.from[e] === a ? cols.to[e]! : cols.from[e]!;
    contactOf[k] = c;
    groupOf.set(c, 0);
  }
  const contacts = [...groupOf.keys()].sort((x, y) => x - y);
  contacts.forEach((c, g) => groupOf.set(c, g));
  const start = new Int32Array(contacts.length + 1);
  for (let k = 0; k < mine.length; k++) start[groupOf.get(contactOf[k]!)! + 1]!++;
  for (let g = 0; g < contacts.length; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, contacts.length);
  const grouped = new Int32Array(mine.length);
  for (let k = 0; k < mine.length; k++) grouped[fill[groupOf.get(contactOf[k]!)!]!++] = mine[k]!;

  const runs = packRuns(cols, grouped);
  const s = emptyPairScan();
  const entries: RelationshipBalance[] = [];
  contacts.forEach((c, g) => {
    scanRun(runs, start[g]!, start[g + 1]!, a < c, o, s);
    if (s.exchanges > 0) entries.push(balanceRecord(network, cols, s, a, c, o));
  });
  const byId = (x: RelationshipBalance, y: RelationshipBalance): number => (x.contact < y.contact ? -1 : x.contact > y.contact ? 1 : 0);
  const youOwe = entries.filter((e) => e.balance < 0).sort((x, y) => x.balance - y.balance || byId(x, y));
  const owedToYou = entries.filter((e) => e.balance > 0).sort((x, y) => y.balance - x.balance || byId(x, y));
  const souring = entries
    .filter((e) => e.souring)
    .sort((x, y) => (x.souring!.direction === y.souring!.direction ? Math.abs(y.balance) - Math.abs(x.balance) : x.souring!.direction === "you-owe" ? -1 : 1) || byId(x, y));
  return { person: id, asOf: formatDay(o.asOf), entries, youOwe, owedToYou, souring };
}

/**
 * Bridging contacts: the people who are your only way into an organisation
 * (or office, department…), directly or through someone they know.
 */
import { TiegraphError, showValue } from "../errors.js";
import { directedTies } from "../graph/tie-index.js";
import { defaultAsOf } from "../graph/visible-exchanges.js";
import { parseDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { groupingOf, groupsOn, maxSpans, type GroupBy } from "../graph/grouping.js";
import { mutualTies } from "./mutual-ties.js";

/** Options of {@link bridgingContacts}. */
export interface BridgingOptions {
  /** What counts as a group (default `"organisation"`). */
  groupBy?: GroupBy;
  /** Day on which memberships are read, `YYYY-MM-DD` (default: the last exchange day). */
  asOf?: string;
  /** Let relationships made only of confidential exchanges bridge (default false: they stay out of explanations). */
  includeConfidential?: boolean;
}

/** A group one contact alone gives you access to. */
export interface BridgedGroup {
  /** Organisation id or attribute value. */
  group: string;
  /** `member`: the contact belongs to it; `contacts`: the contact knows people there. */
  via: "member" | "contacts";
  /** How many of the contact's other relations belong to it. */
  through: number;
}

/** A contact who is the only way into one or more groups. */
export interface BridgingContact {
  contact: PersonId;
  /** In group order (organisations in network order, attribute values by first appearance). */
  groups: BridgedGroup[];
}

/**
 * For a person (default ego), the contacts who are their only route into a
 * group they are not in: a contact c gives access to group G when c belongs
 * to G, or c has a relationship with someone in G (the person themself
 * aside), on the reference day. G is bridged by c when c is the only
 * contact giving access to it. Relationships are ties of any exchange kind in
 * either direction. Sorted by the number of groups bridged, then by id.
 *
 * This is the brokerage idea of Burt (1992, *Structural Holes*): a contact
 * who is your only link to a cluster is a structural hole you span, and the
 * one to keep.
 *
 * @example
 * ```ts
 * for (const b of bridgingContacts(network)) console.log(b.contact, b.groups.map((g) => g.group));
 * ```
 */
export function bridgingContacts(network: Network, person?: PersonId, options: BridgingOptions = {}): BridgingContact[] {
  const id = person ?? network.ego;
  if (id === undefined) {
    throw new TiegraphError("tiegraph/brokerage", "invalid-option", "the network has no ego and no person was given", { record: "person", expected: "a person id, or a network with an ego" });
  }
  const me = network.personIndex(id);
  let day = defaultAsOf(network, { excludeConfidential: options.includeConfidential !== true });
  if (options.asOf !== undefined) {
    const d = typeof options.asOf === "string" ? parseDay(options.asOf) : undefined;
    if (d === undefined) throw new TiegraphError("tiegraph/brokerage", "invalid-option", "invalid option asOf", { record: "options.asOf", expected: "a calendar date YYYY-MM-DD", got: showValue(options.asOf) });
    day = d;
  }
  const grouping = groupingOf(network, options.groupBy ?? "organisation");
  const g = mutualTies(directedTies(network, { excludeConfidential: options.includeConfidential !== true }), false);
  const buf = new Int32Array(Math.max(1, maxSpans(grouping)));
  const G = grouping.names.length;
  const mine = new Uint8Array(G);
  for (let k = groupsOn(grouping, me, day, buf) - 1; k >= 0; k--) mine[buf[k]!] = 1;

  // for every group: how many contacts give access, the last one seen, and how
  const routes = new Int32Array(G);
  const viaContact = new Int32Array(G).fill(-1);
  const member = new Uint8Array(G);
  const through = new Int32Array(G);
  const seen = new Int32Array(G).fill(-1); // contact that last touched the group
  for (let k = g.offsets[me]!; k < g.offsets[me + 1]!; k++) {
    const c = g.neighbor[k]!;
    const touch = (grp: number, asMember: boolean): void => {
      if (mine[grp]) return;
      if (seen[grp] !== c) {
        seen[grp] = c;
        routes[grp]!++;
        viaContact[grp] = c;
        member[grp] = 0;
        through[grp] = 0;
      }
      if (asMember) member[grp] = 1;
      else through[grp]!++;
    };
    for (let x = groupsOn(grouping, c, day, buf) - 1; x >= 0; x--) touch(buf[x]!, true);
    for (let r = g.offsets[c]!; r < g.offsets[c + 1]!; r++) {
      const f = g.neighbor[r]!;
      if (f === me) continue;
      // each friend once per group: groupsOn yields distinct groups
      for (let x = groupsOn(grouping, f, day, buf) - 1; x >= 0; x--) touch(buf[x]!, false);
    }
  }
  const byContact = new Map<number, BridgedGroup[]>();
  for (let grp = 0; grp < G; grp++) {
    if (routes[grp] !== 1) continue;
    const c = viaContact[grp]!;
    const list = byContact.get(c) ?? [];
    list.push({ group: grouping.names[grp]!, via: member[grp] ? "member" : "contacts", through: through[grp]! });
    byContact.set(c, list);
  }
  const out: BridgingContact[] = [...byContact].map(([c, groups]) => ({ contact: network.personAt(c).id, groups }));
  return out.sort((x, y) => y.groups.length - x.groups.length || (x.contact < y.contact ? -1 : x.contact > y.contact ? 1 : 0));
}

/**
 * The weekly plan's candidate lists, one per reason to see someone, each in
 * its documented order: people you owe, overdue strong and dormant ties,
 * external contacts, people who lead toward a target organisation, and
 * everyone else who is due.
 */
import { formatDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { createPathIndex, introductionPaths } from "../paths/index.js";
import { reciprocityLedger } from "../reciprocity/index.js";
import type { PlanCadence, PlanReason } from "./plan-reasons.js";
import { waitingRequests } from "../requests/index.js";
import type { RelationshipCadence } from "./relationship-cadences.js";

/** One reason to see one person. */
export interface Candidate {
  /** Person index. */
  person: number;
  reason: PlanReason;
}

/** A cadence record with the contact's person index. */
export type IndexedCadence = RelationshipCadence & { index: number };

const byId = (network: Network) => (a: number, b: number) => {
  const x = network.personAt(a).id;
  const y = network.personAt(b).id;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** How far through its cadence a relationship is: days since the last touch / cadence (never touched: 1, due today). */
export function urgency(c: RelationshipCadence): number {
  return c.daysSinceTouch === undefined ? 1 : c.daysSinceTouch / c.cadenceDays;
}

function cadenceOf(c: RelationshipCadence): PlanCadence {
  const out: PlanCadence = { days: c.cadenceDays, source: c.source, tier: c.tier };
  if (c.tag !== undefined) out.tag = c.tag;
  return out;
}

/** The last touch, when there was one, to spread into a reason. */
function lastTouchOf(c: RelationshipCadence): { lastTouch?: string } {
  return c.lastTouch === undefined ? {} : { lastTouch: c.lastTouch };
}

/**
 * People ego owes: the reciprocity ledger's `youOwe`, most owed first, kept
 * when they gave at least `minOwed` (recency-weighted favour units) more than
 * they received. The advice: repay before you ask.
 */
export function oweCandidates(network: Network, ego: number, asOf: Day, minOwed: number, includeConfidential: boolean, halfLifeDays: number): Candidate[] {
  const ledger = reciprocityLedger(network, { person: network.personAt(ego).id, asOf: formatDay(asOf), excludeConfidential: !includeConfidential, halfLifeDays });
  return ledger.youOwe
    .filter((b) => -b.balance >= minOwed)
    .map((b): Candidate => ({ person: network.personIndex(b.contact), reason: { code: "owe", given: b.given, received: b.received, souring: b.souring?.direction === "you-owe" } }));
}

/**
 * Overdue ties worth keeping, most overdue for their cadence first: strong
 * tiers (close, active) and ties with a cadence you set (person or tag);
 * then dormant ties worth reconnecting, the once strongest first.
 */
export function reconnectCandidates(network: Network, clock: readonly IndexedCadence[]): Candidate[] {
  const id = byId(network);
  const overdue = clock
    .filter((c) => worthKeeping(c) && !c.dormant)
    .sort((a, b) => urgency(b) - urgency(a) || id(a.index, b.index))
    .map((c): Candidate => ({ person: c.index, reason: { code: "overdue", overdueDays: c.overdueDays, cadence: cadenceOf(c), ...lastTouchOf(c) } }));
  const dormant = clock
    .filter((c) => c.dormant)
    .sort((a, b) => b.peakStrength - a.peakStrength || id(a.index, b.index))
    .map((c): Candidate => ({ person: c.index, reason: { code: "dormant", peakStrength: c.peakStrength, daysSinceTouch: c.daysSinceTouch!, lastTouch: c.lastTouch! } }));
  return [...overdue, ...dormant];
}

/**
 * External contacts (no shared organisation with ego on the day), for when
 * ego's external share is below its target; the most overdue for their
 * cadence first, then the strongest.
 */
export function externalCandidates(network: Network, clock: readonly IndexedCadence[], ego: number, asOf: Day, share: number, target: number): Candidate[] {
  const id = byId(network);
  const reason: PlanReason = { code: "external", share, target };
  return clock
    .filter((c) => !network.shareOrganisationOn(ego, c.index, asOf))
    .sort((a, b) => urgency(b) - urgency(a) || b.strength - a.strength || id(a.index, b.index))
    .map((c) => ({ person: c.index, reason }));
}

/** Overdue and strong (close or active tier) or kept on a cadence you set. */
function worthKeeping(c: RelationshipCadence): boolean {
  return c.status === "overdue" && (c.tier === "close" || c.tier === "active" || c.source !== "tier");
}

/** Everyone else due or overdue (not on the reconnect list), most overdue for their cadence first. */
export function dueCandidates(network: Network, clock: readonly IndexedCadence[]): Candidate[] {
  const id = byId(network);
  return clock
    .filter((c) => c.status !== "on-time" && !worthKeeping(c) && !c.dormant)
    .sort((a, b) => urgency(b) - urgency(a) || id(a.index, b.index))
    .map((c): Candidate => ({ person: c.index, reason: { code: "due", dueDate: c.dueDate, overdueDays: c.overdueDays, cadence: cadenceOf(c), ...lastTouchOf(c) } }));
}

/** How many introduction paths to the target organisation are read for the target list. */
export const TARGET_PATHS = 5;

/**
 * People who lead toward the target organisation: the first person after ego
 * on each of the {@link TARGET_PATHS} best introduction paths
 * ({@link introductionPaths}, most reliable first), each once. A path of
 * one hop means they work there.
 */
export function targetCandidates(network: Network, ego: number, organisation: number, asOf: Day, includeConfidential: boolean, halfLifeDays: number): Candidate[] {
  const index = createPathIndex(network, { asOf: formatDay(asOf), halfLifeDays });
  const org = network.organisationAt(organisation);
  const answer = introductionPaths(index, { from: network.personAt(ego).id, to: { organisation: org.id }, k: TARGET_PATHS, skipConfidentialOnly: !includeConfidential, showConfidential: includeConfidential });
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const path of answer.paths) {
    const first = network.personIndex(path.people[1]!);
    if (seen.has(first)) continue;
    seen.add(first);
    out.push({ person: first, reason: { code: "target", organisation: org.id, via: path.people.slice(1), chance: path.product, strength: path.hops[0]!.strength } });
  }
  return out;
}

/**
 * Open introduction requests of ego, read on `asOf` ({@link waitingRequests}:
 * stalled first, then the longest without a step), each on the person to see
 * about it: the connector, or the target once introduced.
 */
export function requestCandidates(network: Network, ego: number, asOf: Day, stallDays?: number): Candidate[] {
  return waitingRequests(network, { asOf: formatDay(asOf), person: network.personAt(ego).id, ...(stallDays !== undefined ? { stallDays } : {}) }).map(({ person, reason }): Candidate => ({ person: network.personIndex(person), reason }));
}

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
import { waitingRequests, type RequestWaitingReason } from "../requests/index.js";
import type { RelationshipCadence } from "./relationship-cadences.js";

/** Why someone is on the plan. */
export type PlanReasonCode = "owe" | "overdue" | "dormant" | "external" | "target" | "due" | "request-waiting";

/** One reason to see one person. */
export interface Candidate {
  /** Person index. */
  person: number;
  code: PlanReasonCode;
  /** The reason in words, for the plan. */
  reason: string;
  /** For `request-waiting`: the request, its age and stall. */
  request?: RequestWaitingReason;
}

/** A cadence record with the contact's person index. */
export type IndexedCadence = RelationshipCadence & { index: number };

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;
const byId = (network: Network) => (a: number, b: number) => {
  const x = network.personAt(a).id;
  const y = network.personAt(b).id;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** How far through its cadence a relationship is: days since the last touch / cadence (never touched: 1, due today). */
export function urgency(c: RelationshipCadence): number {
  return c.daysSinceTouch === undefined ? 1 : c.daysSinceTouch / c.cadenceDays;
}

function cadencePhrase(c: RelationshipCadence): string {
  const every = `every ${days(c.cadenceDays)}`;
  if (c.source === "person") return `you want to see them ${every}`;
  if (c.source === "tag") return `tagged ${c.tag}: ${every}`;
  return `${c.tier} tie: ${every}`;
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
    .map((b) => ({
      person: network.personIndex(b.contact),
      code: "owe" as const,
      reason:
        `You owe them: they gave you ${b.received.toFixed(1)} and you gave ${b.given.toFixed(1)} (recency-weighted; a tip is 1, a favour 3)` +
        `${b.souring?.direction === "you-owe" ? ", and the relationship is souring" : ""}: repay before you ask.`,
    }));
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
    .map((c) => ({ person: c.index, code: "overdue" as const, reason: `Overdue by ${days(c.overdueDays)} (${cadencePhrase(c)}; last touch ${c.lastTouch ?? "never"}).` }));
  const dormant = clock
    .filter((c) => c.dormant)
    .sort((a, b) => b.peakStrength - a.peakStrength || id(a.index, b.index))
    .map((c) => ({
      person: c.index,
      code: "dormant" as const,
      reason: `Dormant tie worth reconnecting: once strong (peak strength ${c.peakStrength.toFixed(2)}), silent for ${days(c.daysSinceTouch!)} since ${c.lastTouch}. Reconnected dormant ties bring fresh knowledge (Levin, Walter & Murnighan 2011).`,
    }));
  return [...overdue, ...dormant];
}

/**
 * External contacts (no shared organisation with ego on the day), for when
 * ego's external share is below its target; the most overdue for their
 * cadence first, then the strongest.
 */
export function externalCandidates(network: Network, clock: readonly IndexedCadence[], ego: number, asOf: Day, share: number, target: number): Candidate[] {
  const id = byId(network);
  const reason = `External contact: ${percent(share)} of your ties are outside your organisation, below your ${percent(target)} target.`;
  return clock
    .filter((c) => !network.shareOrganisationOn(ego, c.index, asOf))
    .sort((a, b) => urgency(b) - urgency(a) || b.strength - a.strength || id(a.index, b.index))
    .map((c) => ({ person: c.index, code: "external" as const, reason }));
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
    .map((c) => ({
      person: c.index,
      code: "due" as const,
      reason:
        c.lastTouch === undefined
          ? `Not met yet: ${cadencePhrase(c)}.`
          : c.status === "overdue"
            ? `Overdue by ${days(c.overdueDays)} (${cadencePhrase(c)}; last touch ${c.lastTouch}).`
            : `Due ${c.dueDate} (${cadencePhrase(c)}; last touch ${c.lastTouch}).`,
    }));
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
    const names = path.people.slice(1).map((id) => network.person(id).name);
    const reason =
      path.people.length === 2
        ? `Works at ${org.name}, the organisation you want to reach (tie strength ${path.bottleneck.toFixed(2)}).`
        : `Leads toward ${org.name}: can introduce you to ${names.at(-1)} (you → ${names.join(" → ")}; the chain holds with chance ${path.product.toFixed(2)}).`;
    out.push({ person: first, code: "target", reason });
  }
  return out;
}

/**
 * Open introduction requests of ego, read on `asOf` ({@link waitingRequests}:
 * stalled first, then the longest without a step), each on the person to see
 * about it: the connector, or the target once introduced.
 */
export function requestCandidates(network: Network, ego: number, asOf: Day, stallDays?: number): Candidate[] {
  return waitingRequests(network, { asOf: formatDay(asOf), person: network.personAt(ego).id, ...(stallDays !== undefined ? { stallDays } : {}) }).map(({ person, reason }) => ({
    person: network.personIndex(person),
    code: "request-waiting" as const,
    reason: `An introduction request waiting: ${reason.requestId}, asked ${days(reason.ageDays)} ago, at ${reason.step}${reason.stalled ? ", stalled: time for a nudge" : ""}.`,
    request: reason,
  }));
}

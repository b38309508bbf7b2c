/**
 * How people are named on screen: their name as written, and for people who
 * share a name, the organisation that tells them apart (then their email,
 * then their id), so two "Dmitri Kim"s never read as one person.
 */
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";

/** A person's display name by index or id (an unknown id reads as itself). */
export type DisplayNames = (person: number | PersonId) => string;

/** The organisation a person is at most recently: the affiliation that ends last (open ones first), then starts last. */
function latestOrganisation(network: Network, person: number): string | undefined {
  let best: { from: number; to: number; organisation: number } | undefined;
  for (const s of network.affiliationSpans(person)) {
    if (!best || s.to > best.to || (s.to === best.to && s.from > best.from)) best = s;
  }
  return best === undefined ? undefined : network.organisationAt(best.organisation).name;
}

/**
 * Display names for a network's people. A name borne by one person is shown
 * as written. People sharing a name (compared as written, trimmed) get the
 * name of their latest organisation in brackets; where that is missing or
 * still shared, their first email; where that too is missing or shared,
 * their id. Names stay text: nothing is escaped or reformatted.
 *
 * @example
 * ```ts
 * const name = displayNames(network);
 * name("p38");  // "Dmitri Kim (Aurora Legal)": the sample network has two Dmitri Kims
 * name("p115"); // "Dmitri Kim (Bright Media)"
 * name("me");   // "Me": nobody else has this name
 * ```
 */
export function displayNames(network: Network): DisplayNames {
  const people = network.people();
  // one pass counts names; only names borne by several people get groups and labels
  const seen = new Map<string, number>();
  for (const p of people) {
    const key = p.name.trim();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const byName = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = p.name.trim();
    if (seen.get(key)! < 2) return;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  const labels = new Map<number, string>();
  const resolved = new Set<string>();
  // a group is told apart the first time one of its people is named (a command names a few people of many)
  const resolve = (group: number[]): void => {
    const steps: ((i: number) => string | undefined)[] = [(i) => latestOrganisation(network, i), (i) => people[i]!.emails?.[0], (i) => people[i]!.id];
    let left = group;
    for (const detail of steps) {
      const values = new Map<number, string | undefined>(left.map((i) => [i, detail(i)]));
      const counts = new Map<string, number>();
      for (const v of values.values()) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      const next: number[] = [];
      for (const i of left) {
        const v = values.get(i);
        if (v !== undefined && counts.get(v) === 1) labels.set(i, `${people[i]!.name} (${v})`);
        else next.push(i);
      }
      left = next;
      if (left.length === 0) break;
    }
  };
  const label = (i: number): string => {
    const key = people[i]!.name.trim();
    const group = byName.get(key);
    if (group && !resolved.has(key)) {
      resolved.add(key);
      resolve(group);
    }
    return labels.get(i) ?? people[i]!.name;
  };
  return (person) => {
    if (typeof person === "number") return person >= 0 && person < people.length ? label(person) : String(person);
    const i = network.findPerson(person);
    return i < 0 ? person : label(i);
  };
}

/**
 * Display names: the one place that decides how a person is named on
 * screen, so two different people called "Dmitri Kim" never look the same
 * in a search list, a panel or an introduction path.
 */
import type { Network } from "../model/index.js";

/**
 * A function giving each person's display name by person index. A name
 * nobody else has is shown as written. People who share a name (compared
 * trimmed and case-folded) are told apart by their organisation on the
 * network's last day (else their latest affiliation's):
 * "Dmitri Kim (Acme)"; where that is not enough (same or no organisation),
 * by their first e-mail address as well: "Dmitri Kim (Acme, dk@acme.org)";
 * where even that is not enough, by their id: "Dmitri Kim (Acme, #p12)".
 *
 * @example
 * ```ts
 * const name = displayNames(network);
 * name(network.personIndex("p12")); // "Dmitri Kim (Acme)"
 * ```
 */
export function displayNames(network: Network): (index: number) => string {
  const people = network.people();
  const byName = new Map<string, number[]>();
  people.forEach((p, i) => {
    const key = foldName(p.name);
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  const shown: string[] = people.map((p) => p.name);
  const day = network.dayRange()?.last;
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    const org = group.map((i) => organisationOf(network, i, day));
    const withOrg = group.map((_i, k) => (org[k] ? [org[k]!] : []));
    const orgCount = countOf(org.map((o) => o ?? ""));
    group.forEach((i, k) => {
      if (orgCount.get(org[k] ?? "")! > 1) {
        const email = people[i]!.emails?.[0];
        if (email) withOrg[k]!.push(email);
      }
    });
    const keys = withOrg.map((parts) => parts.join(", "));
    const keyCount = countOf(keys);
    group.forEach((i, k) => {
      const parts = withOrg[k]!;
      if (keyCount.get(keys[k]!)! > 1) parts.push(`#${people[i]!.id}`);
      shown[i] = `${people[i]!.name} (${parts.join(", ")})`;
    });
  }
  return (index) => shown[index] ?? "";
}

function foldName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

/** The person's organisation name on `day`, else at their latest affiliation; undefined without one. */
function organisationOf(network: Network, i: number, day: number | undefined): string | undefined {
  const now = day === undefined ? [] : network.organisationIndicesOn(i, day);
  if (now.length) return now.map((o) => network.organisationAt(o).name).join(" / ");
  const spans = network.affiliationsOf(network.personAt(i).id);
  if (!spans.length) return undefined;
  const latest = spans.reduce((a, b) => ((b.from ?? "") > (a.from ?? "") ? b : a));
  return network.organisation(latest.organisation).name;
}

function countOf(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/**
 * From the person editor's values to core edits: a new person, or a patch
 * of the fields that changed, and the organisation history rewritten when
 * it changed (new organisations added first). Core checks every value.
 */
import type { Affiliation, NetworkEdit, Person } from "@tiegraph/core";

/** One row of the organisation history, as typed. */
export interface AffiliationRow {
  /** An organisation id, or "" for a new one named `newOrganisation`. */
  organisation: string;
  newOrganisation: string;
  role: string;
  from: string;
  to: string;
}

/** The editor's values, as typed. */
export interface PersonValues {
  name: string;
  /** Comma-separated. */
  emails: string;
  /** Comma-separated. */
  tags: string;
  /** One per line. */
  interests: string;
  /** One per line. */
  offers: string;
  affiliations: AffiliationRow[];
}

/** A list typed as text, split on `separator`, trimmed, empties dropped. */
export function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** An id made from a name that `taken` does not hold yet: "Ann Lee" → "ann-lee", then "ann-lee-2"… */
export function freshId(name: string, taken: (id: string) => boolean, fallback: string): string {
  const base =
    name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || fallback;
  let id = base;
  for (let k = 2; taken(id); k++) id = `${base}-${k}`;
  return id;
}

const same = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).join("\u0000") === b.join("\u0000");

function affiliationOf(person: string, row: AffiliationRow, organisation: string): Affiliation {
  const a: Affiliation = { person, organisation };
  if (row.role.trim()) a.role = row.role.trim();
  if (row.from.trim()) a.from = row.from.trim();
  if (row.to.trim()) a.to = row.to.trim();
  return a;
}

/**
 * The edits that make the editor's values true. `before` is the person as
 * they are (undefined: a new person, whose id is `id`), `beforeAffiliations`
 * their organisation history in the network's order; `organisationTaken`
 * says which organisation ids exist.
 *
 * @example personEdits(undefined, [], "ann", { name: "Ann", emails: "", tags: "", interests: "", offers: "", affiliations: [] }, () => false)
 * // [{ op: "add-person", person: { id: "ann", name: "Ann" } }]
 */
export function personEdits(before: Person | undefined, beforeAffiliations: readonly Affiliation[], id: string, v: PersonValues, organisationTaken: (id: string) => boolean): NetworkEdit[] {
  const edits: NetworkEdit[] = [];
  const lists = {
    emails: splitList(v.emails, /[,;\s]+/),
    tags: splitList(v.tags, /,/),
    interests: splitList(v.interests, /\n/),
    offers: splitList(v.offers, /\n/),
  };
  // new organisations first, so the history can name them
  const newIds = new Map<string, string>();
  const rows = v.affiliations.filter((r) => r.organisation !== "" || r.newOrganisation.trim() !== "" || r.from.trim() || r.to.trim() || r.role.trim());
  const taken = (x: string) => organisationTaken(x) || [...newIds.values()].includes(x);
  for (const r of rows) {
    if (r.organisation !== "") continue;
    const name = r.newOrganisation.trim();
    if (newIds.has(name)) continue;
    const oid = freshId(name, taken, "organisation");
    newIds.set(name, oid);
    edits.push({ op: "add-organisation", organisation: { id: oid, name } });
  }
  const wanted = rows.map((r) => affiliationOf(id, r, r.organisation || newIds.get(r.newOrganisation.trim())!));

  if (!before) {
    const person: Person = { id, name: v.name.trim() };
    for (const [k, list] of Object.entries(lists) as [keyof typeof lists, string[]][]) if (list.length) person[k] = list;
    edits.push({ op: "add-person", person });
  } else {
    const patch: Record<string, unknown> = {};
    if (v.name.trim() !== before.name) patch.name = v.name.trim();
    for (const [k, list] of Object.entries(lists) as [keyof typeof lists, string[]][]) if (!same(before[k], list)) patch[k] = list.length ? list : undefined;
    if (Object.keys(patch).length) edits.push({ op: "update-person", id, patch });
  }
  const key = (a: Affiliation) => JSON.stringify([a.organisation, a.role ?? "", a.from ?? "", a.to ?? ""]);
  if (wanted.map(key).join() !== beforeAffiliations.map(key).join()) {
    for (let i = beforeAffiliations.length - 1; i >= 0; i--) edits.push({ op: "remove-affiliation", person: id, index: i });
    for (const a of wanted) edits.push({ op: "add-affiliation", affiliation: a });
  }
  return edits;
}

/** The editor field a core problem is about, from its pointer (`/2/patch/emails/0` → "Emails"). */
export function personFieldOf(pointer: string | undefined): string | undefined {
  const m = pointer === undefined ? null : /^\/\d+\/(person|patch|affiliation|organisation)(?:\/([a-z]+))?/i.exec(pointer);
  if (!m) return undefined;
  if (m[1] === "affiliation" || m[1] === "organisation") return "Organisation history";
  return { name: "Name", emails: "Emails", tags: "Tags", interests: "What they are after", offers: "What I can offer them" }[m[2] ?? ""];
}

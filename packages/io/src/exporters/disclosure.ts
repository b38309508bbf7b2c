/**
 * What an export may disclose. Confidential exchanges (said or done in
 * confidence) and all notes (people's and exchanges') stay out of every
 * export unless the caller asks for them by name; everything else about a
 * person that an export writes is listed here, in one place.
 */
import { OPEN_END, type Network, type Person } from "@tiegraph/core";

/** Options every exporter takes about confidential content. */
export interface DisclosureOptions {
  /** Include confidential exchanges, and what they add to ties (default false). */
  includeConfidential?: boolean;
  /** Include people's notes and exchanges' notes (default false). */
  includeNotes?: boolean;
}

/** Defaults: nothing confidential, no notes. */
export const DEFAULT_DISCLOSURE: Readonly<Required<DisclosureOptions>> = { includeConfidential: false, includeNotes: false };

/** Resolves disclosure options against the defaults. */
export function disclosure(options: DisclosureOptions): Required<DisclosureOptions> {
  return {
    includeConfidential: options.includeConfidential ?? DEFAULT_DISCLOSURE.includeConfidential,
    includeNotes: options.includeNotes ?? DEFAULT_DISCLOSURE.includeNotes,
  };
}

/**
 * The organisation a person is at now: among affiliations without an end
 * date, the one that started last (undefined when none is open).
 */
export function currentAffiliation(network: Network, person: number): { organisation: number; role: string | undefined } | undefined {
  let best: { organisation: number; role: string | undefined; from: number } | undefined;
  for (const s of network.affiliationSpans(person)) {
    if (s.to !== OPEN_END) continue;
    if (!best || s.from >= best.from) best = { organisation: s.organisation, role: s.role, from: s.from };
  }
  return best && { organisation: best.organisation, role: best.role };
}

// names an attribute cannot keep: the export's own, and "__proto__", which JSON writers drop
const RESERVED_ATTRIBUTES = new Set(["label", "ego", "organisation", "tags", "notes", "__proto__"]);

/**
 * The attributes of a person that graph exports carry, flat (text, numbers,
 * booleans). The person's record is read only when it holds tags,
 * attributes or (when asked for) notes (`Network.personHas`): the label is
 * `Network.personName`, which a network read from a columnar copy answers
 * from the copy's list of names.
 */
export function personAttributes(network: Network, index: number, options: Required<DisclosureOptions>): Record<string, string | number | boolean> {
  const current = currentAffiliation(network, index);
  // Empty values are left out rather than written as "", as GEXF writers do.
  const out: Record<string, string | number | boolean> = { label: network.personName(index), ego: index === network.egoIndex };
  if (current) out.organisation = network.organisationAt(current.organisation).name;
  const more = network.personHas(index, "tags") || network.personHas(index, "attributes") || (options.includeNotes && network.personHas(index, "notes"));
  if (!more) return out;
  const p: Person = network.personAt(index);
  if (p.tags?.length) out.tags = p.tags.join("; ");
  for (const [k, v] of Object.entries(p.attributes ?? {})) out[RESERVED_ATTRIBUTES.has(k) ? `attribute_${k}` : k] = v;
  if (options.includeNotes && p.notes !== undefined) out.notes = p.notes;
  return out;
}

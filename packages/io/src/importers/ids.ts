/**
 * Made-up ids for records whose source has none (LinkedIn rows, vCards,
 * calendar attendees, organisations named in a cell): readable slugs, made
 * unique within one import. {@link mergeInto} makes them unique in the network.
 */

/**
 * A readable id from a name: accents dropped, lower case, runs of other
 * characters as `-`, at most 60 characters.
 *
 * @example slugId("Zoë O'Neill") // "zoe-o-neill"
 */
export function slugId(text: string, fallback = "x"): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s === "" ? fallback : s;
}

/** Hands out ids unique among those it gave and those `taken` reports: `ann`, `ann-2`, `ann-3`… */
export class IdAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly taken: (id: string) => boolean = () => false) {}

  /** A fresh id based on `base`. */
  take(base: string): string {
    let id = base;
    for (let k = 2; this.used.has(id) || this.taken(id); k++) id = `${base}-${k}`;
    this.used.add(id);
    return id;
  }

  /** Marks an id as used. */
  reserve(id: string): void {
    this.used.add(id);
  }
}

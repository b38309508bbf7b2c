/**
 * The keys people and organisations are matched by across sources: e-mail
 * address, profile URL and name, each reduced to a canonical form so that
 * `Ann.Lee@Example.com`, `https://www.linkedin.com/in/ann-lee/` and
 * `Ánn  LEE` meet their counterparts.
 */

/**
 * An e-mail address for matching: trimmed, `mailto:` dropped, lower case.
 * Returns "" when the text has no `@`.
 *
 * @example normaliseEmail(" mailto:Ann.Lee@Example.COM ") // "ann.lee@example.com"
 */
export function normaliseEmail(text: string): string {
  const t = text.trim().replace(/^mailto:/i, "").toLowerCase();
  return t.includes("@") ? t : "";
}

/**
 * A profile URL for matching: no scheme, no `www.`, no query, fragment or
 * trailing slash, lower case; LinkedIn's country subdomains (`uk.linkedin.com`)
 * become `linkedin.com`.
 *
 * @example normaliseUrl("https://www.LinkedIn.com/in/ann-lee/?trk=x") // "linkedin.com/in/ann-lee"
 */
export function normaliseUrl(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[?#].*$/, "")
    .replace(/^www\./, "")
    .replace(/^[a-z]{2,3}\.linkedin\.com\//, "linkedin.com/")
    .replace(/\/+$/, "");
}

/**
 * A person's name for matching: accents dropped, lower case, punctuation as
 * spaces, runs of spaces collapsed, leading titles (Dr, Mr, Ms, Prof…) dropped;
 * "Lee, Ann" (family name first, one comma) becomes "ann lee".
 *
 * @example normaliseName("  Lee,  Dr. Ánn ") // "ann lee"
 */
export function normaliseName(text: string): string {
  let t = text.trim();
  const comma = t.split(",");
  if (comma.length === 2 && comma[0]!.trim() && comma[1]!.trim()) t = `${comma[1]} ${comma[0]}`;
  return t
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(?:(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame) )+/, "");
}

/**
 * An organisation's name for matching: like {@link normaliseName} without the
 * comma swap, and without a trailing legal form (Inc, Ltd, LLC, GmbH, SA, plc…).
 *
 * @example normaliseOrganisationName("Acme, Inc.") // "acme"
 */
export function normaliseOrganisationName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/ (inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|corp|corporation|co)$/, "")
    .trim();
}

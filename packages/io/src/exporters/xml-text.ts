/**
 * Text made safe for XML 1.0: characters XML cannot hold (control
 * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD, and markup characters are escaped. Shared by the GEXF and
 * GraphML exporters. Each function first tests whether there is anything to
 * do, so the common case (a plain name, a number) costs one scan.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// every character NOT_XML may replace (surrogates here whether paired or not): text without one has nothing to replace
// eslint-disable-next-line no-control-regex
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MARKUP = /[&<>"']/g;
const HAS_MARKUP = /[&<>"']/;
const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Replaces characters XML 1.0 cannot represent with U+FFFD.
 *
 * @example xmlChars("a\u0001b") // "a\uFFFDb"
 */
export function xmlChars(text: string): string {
  return MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, "\uFFFD") : text;
}

/**
 * Escapes text for an XML attribute or element body (after {@link xmlChars}).
 *
 * @example xmlEscape('a<"b">') // "a&lt;&quot;b&quot;&gt;"
 */
export function xmlEscape(text: string): string {
  const t = xmlChars(text);
  return HAS_MARKUP.test(t) ? t.replace(MARKUP, (c) => ENTITY[c]!) : t;
}

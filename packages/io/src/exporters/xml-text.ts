/**
 * Text made safe for XML 1.0: characters XML cannot hold (control
 * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD, and markup characters are escaped. Shared by the GEXF and
 * GraphML exporters.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces characters XML 1.0 cannot represent with U+FFFD.
 *
 * @example xmlChars("a\u0001b") // "a\uFFFDb"
 */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "\uFFFD");
}

/**
 * Escapes text for an XML attribute or element body (after {@link xmlChars}).
 *
 * @example xmlEscape('a<"b">') // "a&lt;&quot;b&quot;&gt;"
 */
export function xmlEscape(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

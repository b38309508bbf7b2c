/**
 * Control characters in names. A name read from a file may hold terminal
 * escapes (`ESC ] 0 ; … BEL` retitles a terminal, `ESC [ 2 J` clears it) or
 * NUL; names are text, so importers take every C0 control (U+0000–U+001F),
 * DEL (U+007F) and C1 control (U+0080–U+009F) out. Tabs and line breaks
 * become a space. Bidirectional overrides (U+202E…) are not controls in this
 * sense and stay: the views show them visibly.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A text without control characters, and how many were taken out or made spaces.
 *
 * @example withoutControlCharacters("Term\x1b]0;PWNED\x07") // { text: "Term]0;PWNED", removed: 2 }
 */
export function withoutControlCharacters(text: string): { text: string; removed: number } {
  if (!ANY_CONTROL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const cleaned = text.replace(CONTROL, (c) => {
    removed++;
    return c === "\t" || c === "\n" || c === "\r" ? " " : "";
  });
  return { text: cleaned.replace(/ {2,}/g, " ").trim(), removed };
}

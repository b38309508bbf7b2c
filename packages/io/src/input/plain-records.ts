/**
 * Plainly written CSV records, read without a general parser. Nearly every
 * file we read (our own exports, spreadsheets saved as CSV) is written
 * plainly: unquoted cells without a `"`, and quoted cells whose quote opens
 * the cell and closes right before a comma or a line break. Those read the
 * same under every CSV reading, so this module reads them in one pass over
 * the text, with no per-character objects; the first record written any
 * other way (a stray quote, spaces before an opening quote, text after a
 * closing one) stops it, and csv-parse reads the rest of the block (see
 * csv-rows.ts), so its handling and its error messages stay the reference.
 *
 * What is read matches csv-parse with the options csv-rows.ts gives it: line
 * breaks `\r\n`, `\n` or a lone `\r` end a record; unquoted cells lose the
 * spaces, tabs and form feeds before them and any white space after them
 * (`String.prototype.trimEnd`); quoted cells keep their text as written,
 * with `""` read as `"`. Lines are counted as the block scanner does: at
 * each `\n`, and at a lone `\r` outside quoted cells.
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Any surrogate code unit (a quick test: most text has none). */
const SURROGATE = /[\uD800-\uDFFF]/;
/** A surrogate code unit without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where {@link readPlainRecords} stopped: offset in the block and the line there. */
export interface PlainRecordsEnd {
  /** Offset of the first record not read (the block's length when all were read). */
  end: number;
  /** Line of that record. */
  line: number;
}

/**
 * Reads the records of `block` (whole records, starting at a record on
 * `firstLine`) while they are written plainly, calling `onRecord` with each
 * record's cells and the line it starts on. Blank records (one cell that is
 * only white space) are skipped, as csv-parse's `skip_empty_lines` and
 * csv-rows.ts together do. Stops before the first record that is not
 * plainly written, or any record when the text holds a lone surrogate
 * (csv-parse reads those through UTF-8 bytes, as U+FFFD).
 *
 * @example
 * ```ts
 * readPlainRecords('a,"b, c"\r\n\n d ,e\n', 1, (cells, line) => console.log(line, cells));
 * // 1 ["a", "b, c"]   3 ["d", "e"]   → { end: 17, line: 4 }
 * readPlainRecords('a,b\nx"y,z\n', 1, () => {}); // { end: 4, line: 2 }: `x"y` is left to csv-parse
 * ```
 */
export function readPlainRecords(block: string, firstLine: number, onRecord: (cells: string[], line: number) => void): PlainRecordsEnd {
  const n = block.length;
  let i = 0;
  let line = firstLine;
  if (SURROGATE.test(block) && LONE_SURROGATE.test(block)) return { end: 0, line };
  records: while (i < n) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let c = block.charCodeAt(i);
      // the spaces, tabs and form feeds before a cell (csv-parse's left trim)
      while (c === 32 || c === 9 || c === 12) c = block.charCodeAt(++i);
      if (c === QUOTE) {
        // a quoted cell opens right at the cell's start, nothing before the quote
        if (i !== start && block.charCodeAt(i - 1) !== COMMA) return { end: start, line: startLine };
        let close = block.indexOf('"', i + 1);
        let escaped = false;
        while (close >= 0 && block.charCodeAt(close + 1) === QUOTE) {
          escaped = true;
          close = block.indexOf('"', close + 2);
        }
        if (close < 0) return { end: start, line: startLine };
        const after = block.charCodeAt(close + 1);
        if (!(close + 1 === n || after === COMMA || after === LF || after === CR)) return { end: start, line: startLine };
        let text = block.slice(i + 1, close);
        for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) line++;
        if (escaped) text = text.replaceAll('""', '"');
        cells.push(text);
        i = close + 1;
      } else {
        const from = i;
        for (; i < n; i++) {
          c = block.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return { end: start, line: startLine };
        }
        const last = i > from ? block.charCodeAt(i - 1) : 0;
        // only text that may end in white space is trimmed (most cells end in a letter or digit)
        cells.push(last > 32 && last < 127 ? block.slice(from, i) : block.slice(from, i).trimEnd());
      }
      if (i >= n) break;
      c = block.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i === n) cells.push("");
        if (i < n) continue;
        break;
      }
      // a record ends: \r\n, \n or a lone \r
      i += c === CR && block.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.length === 1 && cells[0]!.trim() === "") continue records;
    onRecord(cells, startLine);
  }
  return { end: n, line };
}

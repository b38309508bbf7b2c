/**
 * Finds where a JSON pointer's value starts in a JSON text, as a line and
 * column, so validation errors on a loaded file can name the position. Only
 * runs when an error is reported, so it favours simplicity over speed.
 */

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Offset of the value at `pointer` (RFC 6901, e.g. `/exchanges/3/date`) in a
 * JSON text, or of the deepest ancestor that exists. Returns -1 when the text
 * is not JSON the scanner can follow.
 */
export function locatePointer(text: string, pointer: string): number {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return "";
    }
  };
  const skipValue = () => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === "{" || c === "[") {
      let depth = 0;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '"') {
          skipString();
          continue;
        }
        if (d === "{" || d === "[") depth++;
        else if (d === "}" || d === "]") {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  };
  ws();
  let found = i;
  for (const part of parts) {
    ws();
    if (text[i] === "{") {
      i++;
      let ok = false;
      for (;;) {
        ws();
        if (text[i] !== '"') break;
        const key = readString();
        ws();
        i++; // colon
        ws();
        if (key === part) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ",") i++;
        else break;
      }
      if (!ok) return found;
    } else if (text[i] === "[") {
      i++;
      const want = Number(part);
      let k = 0;
      let ok = false;
      for (;;) {
        ws();
        if (text[i] === "]" || i >= text.length) break;
        if (k === want) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ",") i++;
        k++;
      }
      if (!ok) return found;
    } else {
      return found;
    }
    found = i;
  }
  return found;
}

/**
 * Offset of the first JSON syntax error in a text (JSON.parse in Node 20
 * does not report positions), or -1 when the text is valid JSON. The scan
 * keeps its own stack of open brackets instead of recursing, so any depth
 * (10,000 unclosed `[`) is scanned in constant call-stack space; an unclosed
 * bracket is an error at the end of the text.
 *
 * @example firstSyntaxError('{"a": [1, 2}') // 11
 */
export function firstSyntaxError(text: string): number {
  const n = text.length;
  let i = 0;
  const ws = (): void => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  /** Skips a string at i; false at a syntax error (i then points at it). */
  const str = (): boolean => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) return false;
      if (text[i] === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  /** Skips a scalar (string, literal, number) at i; false at a syntax error. */
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return str();
    if (c === "t" || c === "f" || c === "n") {
      const word = c === "t" ? "true" : c === "f" ? "false" : "null";
      if (text.slice(i, i + word.length) !== word) return false;
      i += word.length;
      return true;
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  /** Reads `"key":` inside an object; false at a syntax error. */
  const key = (): boolean => {
    ws();
    if (text[i] !== '"' || !str()) return false;
    ws();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  // The open containers, innermost last: "{" or "[".
  const open: string[] = [];
  let wantValue = true;
  for (;;) {
    ws();
    if (wantValue) {
      const c = text[i];
      if (c === "{" || c === "[") {
        open.push(c);
        i++;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          open.pop();
          i++;
          wantValue = false;
        } else if (c === "{" && !key()) return Math.min(i, n);
        continue;
      }
      if (!scalar()) return Math.min(i, n);
      wantValue = false;
      continue;
    }
    const inner = open[open.length - 1];
    if (inner === undefined) return i < n ? i : -1;
    if (text[i] === ",") {
      i++;
      if (inner === "{" && !key()) return Math.min(i, n);
      wantValue = true;
    } else if (text[i] === (inner === "{" ? "}" : "]")) {
      open.pop();
      i++;
    } else return Math.min(i, n);
  }
}

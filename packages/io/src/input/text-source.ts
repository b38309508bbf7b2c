/**
 * Text sources: what an importer reads from. A string, a browser `Blob`/`File`,
 * a WHATWG `ReadableStream` of bytes, or any async iterable of byte or text
 * chunks (a Node `fs.createReadStream(path)` is one). Whatever the source, the
 * text arrives as a sequence of decoded chunks with line breaks normalised to
 * `\n`, so no importer ever holds the whole file twice.
 */

/** Anything an importer can read text from (bytes are UTF-8). */
export type TextSource = string | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/** Progress of a read, passed to `onProgress` after each chunk. */
export interface ReadProgress {
  /** Bytes read so far (UTF-16 code units when the source is a string). */
  read: number;
  /** Size of the source in the same unit, when known (strings, Blobs, Files). */
  total: number | undefined;
  /** Records (rows, cards, events) handled so far. */
  records: number;
}

/** Size of the slices a string source is cut into: large enough to be fast, small enough to stay cheap. */
const STRING_SLICE = 1 << 20;

/**
 * The total size of a source when it is known without reading it.
 *
 * @example sourceSize("abc") // 3
 */
export function sourceSize(source: TextSource): number | undefined {
  if (typeof source === "string") return source.length;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return source.byteLength;
  if (typeof Blob !== "undefined" && source instanceof Blob) return source.size;
  return undefined;
}

/** Options of {@link textChunks}. */
export interface TextChunkOptions {
  /** `"normalise"` (default): `\r\n` and lone `\r` become `\n`. `"keep"`: the text as it is (CSV keeps `\r\n` inside quoted cells). */
  lineBreaks?: "normalise" | "keep";
  /**
   * `"drop"` (default): a U+FEFF opening the source is a byte order mark and is
   * dropped. `"keep"`: it is text (a source that starts mid-file, at a line
   * whose first character happens to be U+FEFF).
   */
  byteOrderMark?: "drop" | "keep";
}

/**
 * Reads a source as decoded text chunks. Line breaks (`\r\n`, lone `\r`) come
 * out as `\n`, even when a `\r\n` pair is split across two chunks; a UTF-8 byte
 * order mark is dropped. `onRead` hears the raw amount consumed after each chunk.
 *
 * @example
 * ```ts
 * for await (const chunk of textChunks("a\r\nb")) console.log(JSON.stringify(chunk)); // "a\nb"
 * ```
 */
export async function* textChunks(source: TextSource, onRead?: (read: number) => void, options: TextChunkOptions = {}): AsyncGenerator<string> {
  const keep = options.lineBreaks === "keep";
  const keepMark = options.byteOrderMark === "keep";
  let pendingCR = false;
  let read = 0;
  let first = !keepMark;
  // Normalises one decoded piece; a trailing "\r" waits for the next piece, which may start with "\n".
  const normalise = (text: string, last: boolean): string => {
    let t = pendingCR ? "\r" + text : text;
    if (first && t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    if (t.length) first = false;
    if (keep) return t;
    pendingCR = !last && t.endsWith("\r");
    if (pendingCR) t = t.slice(0, -1);
    return t.indexOf("\r") < 0 ? t : t.replace(/\r\n?/g, "\n");
  };
  if (typeof source === "string") {
    for (let i = 0; i < source.length; i += STRING_SLICE) {
      const end = Math.min(source.length, i + STRING_SLICE);
      const piece = normalise(source.slice(i, end), end === source.length);
      read = end;
      onRead?.(read);
      if (piece) yield piece;
    }
    return;
  }
  const decoder = new TextDecoder("utf-8", { ignoreBOM: keepMark });
  for await (const chunk of byteChunks(source)) {
    let text: string;
    if (typeof chunk === "string") {
      text = decoder.decode() + chunk;
      read += chunk.length;
    } else {
      text = decoder.decode(chunk, { stream: true });
      read += chunk.byteLength;
    }
    const piece = normalise(text, false);
    onRead?.(read);
    if (piece) yield piece;
  }
  const tail = normalise(decoder.decode(), true);
  if (tail) yield tail;
}

async function* byteChunks(source: Exclude<TextSource, string>): AsyncGenerator<Uint8Array | string> {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
    for (let i = 0; i < bytes.length; i += STRING_SLICE) yield bytes.subarray(i, i + STRING_SLICE);
    return;
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) {
    yield* readableChunks(source.stream() as ReadableStream<Uint8Array>);
    return;
  }
  if (typeof ReadableStream !== "undefined" && source instanceof ReadableStream) {
    yield* readableChunks(source);
    return;
  }
  yield* source as AsyncIterable<Uint8Array | string>;
}

// Browsers without async iteration of ReadableStream (Safari) still have getReader().
async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads a whole source into one string (for formats whose parser needs the
 * whole text, such as calendars).
 *
 * @example await readText(new Blob(["x"])) // "x"
 */
export async function readText(source: TextSource, onRead?: (read: number) => void): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of textChunks(source, onRead)) parts.push(chunk);
  return parts.join("");
}

/**
 * Splits a text stream into lines (without the `\n`), numbered from 1.
 *
 * @example for await (const [line, no] of textLines("a\nb")) ...
 */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
  // The text of an unfinished line, in pieces: joined once when its line ends,
  // so a line spanning many chunks (a 20 MB PHOTO or DESCRIPTION) is not
  // copied and searched again for every chunk.
  let pending: string[] = [];
  let no = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, nl);
      if (pending.length) {
        pending.push(piece);
        yield [pending.join(""), ++no];
        pending = [];
      } else yield [piece, ++no];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  if (pending.length) yield [pending.join(""), no + 1];
}

/**
 * How the exporters stream: each writes its document as a sequence of
 * chunks of about {@link CHUNK_CHARS} characters, cut only between records
 * (never inside a line ending), so a caller can write them to a file as they
 * come and no export ever exists as one string unless the caller asks for it.
 */

/** Characters an exporter gathers before it yields a chunk (64 Ki: big enough for few writes, small enough to stay out of the old generation). */
export const CHUNK_CHARS = 1 << 16;

/**
 * The chunks of a streaming exporter joined into one string (for small
 * networks, tests, and the string-returning exporters).
 *
 * @example joinChunks(["id,name\r\n", "ann,Ann\r\n"]) // "id,name\r\nann,Ann\r\n"
 */
export function joinChunks(chunks: Iterable<string>): string {
  let text = "";
  for (const chunk of chunks) text += chunk;
  return text;
}

/**
 * A small, bounded reader of the XML that graph files (GEXF, GraphML) are
 * written in. It walks the text once, left to right, with an explicit stack
 * (no recursion), knows each element's line, decodes only XML's five named
 * entities and numeric character references, and refuses any document type
 * declaration (`<!DOCTYPE`), so no entity is ever defined or expanded.
 */
import type { ProblemLog } from "./options.js";

/** An element's start tag: name without prefix, attributes (decoded) and 1-based line. */
export interface XmlStart {
  name: string;
  attributes: Map<string, string>;
  line: number;
}

/** What {@link readXmlElements} reports, in document order. */
export interface XmlHandler {
  start(tag: XmlStart): void;
  /** Text inside the innermost open element (decoded), with the line it starts on. */
  text(text: string, line: number): void;
  end(name: string, line: number): void;
}

/** Bounds of {@link readXmlElements}. */
export interface XmlLimits {
  /** Deepest nesting accepted (default 32: graph files nest 5 deep). */
  maxDepth: number;
}

/** Defaults of {@link XmlLimits}. */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = { maxDepth: 32 };

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Reads `text` as XML, calling `handler` for each start tag, text run and
 * end tag. Malformed markup (an unclosed tag, mismatched end tag, unknown
 * entity, a DTD, nesting deeper than `maxDepth`) stops the read with a
 * `parse-error` or `limit-exceeded` from `log`, naming the line.
 *
 * @example
 * ```ts
 * readXmlElements('<a x="1"><b/></a>', log, { start: (t) => names.push(t.name), text: () => {}, end: () => {} });
 * // names: ["a", "b"]
 * ```
 */
export function readXmlElements(text: string, log: ProblemLog, handler: XmlHandler, limits: XmlLimits = DEFAULT_XML_LIMITS): void {
  const stack: string[] = [];
  let rootSeen = false;
  let pos = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (at: number): number => {
    for (; counted < at; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  const fail = (at: number, problem: string, expected: string): never => log.fatal("parse-error", problem, { line: lineAt(at) }, expected);
  const decode = (raw: string, at: number): string =>
    raw.includes("&")
      ? raw.replace(/&([^;&\s]{0,10});?/g, (whole, ref: string) => {
          if (!whole.endsWith(";")) return fail(at, "a bare & in text", "&amp; for an ampersand");
          if (ref[0] === "#") {
            const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
            if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || !/^#(?:\d+|[xX][0-9a-fA-F]+)$/.test(ref)) fail(at, `invalid character reference &${ref};`, "&#NN; or &#xHH;");
            return String.fromCodePoint(code);
          }
          const named = Object.hasOwn(NAMED, ref) ? NAMED[ref] : undefined;
          return named ?? fail(at, `unknown entity &${ref};`, "&amp; &lt; &gt; &quot; &apos; or a character reference");
        })
      : raw;

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    const until = lt === -1 ? text.length : lt;
    if (until > pos) {
      const raw = text.slice(pos, until);
      if (stack.length > 0) {
        if (raw.trim() !== "") handler.text(decode(raw, pos), lineAt(pos));
      } else if (raw.trim() !== "" && !(pos === 0 && raw.trim() === "\uFEFF")) fail(pos, "text outside the root element", "markup only");
    }
    if (lt === -1) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) fail(lt, "unclosed comment", "-->");
      pos = end + 3;
    } else if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      if (end === -1) fail(lt, "unclosed processing instruction", "?>");
      pos = end + 2;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end === -1) fail(lt, "unclosed CDATA section", "]]>");
      if (stack.length === 0) fail(lt, "CDATA outside the root element", "markup only");
      handler.text(text.slice(lt + 9, end), lineAt(lt));
      pos = end + 3;
    } else if (text.startsWith("<!", lt)) {
      // a DTD may define entities ("billion laughs"); graph files have none
      fail(lt, "document type declarations are not read", "a GEXF or GraphML file without <!DOCTYPE>");
    } else if (text[lt + 1] === "/") {
      const end = text.indexOf(">", lt);
      if (end === -1) fail(lt, "unclosed end tag", ">");
      const name = localName(text.slice(lt + 2, end).trim());
      const open = stack.pop();
      if (open !== name) fail(lt, open === undefined ? `end tag </${name}> without a start tag` : `end tag </${name}> closes <${open}>`, `</${open ?? name}>`);
      handler.end(name, lineAt(lt));
      pos = end + 1;
    } else {
      const m = /^[A-Za-z_][\w.:-]*/.exec(text.slice(lt + 1, lt + 201));
      if (!m) fail(lt, "a < that starts no tag", "&lt; for a less-than sign");
      const name = localName(m![0]);
      const tagLine = lineAt(lt);
      const attributes = new Map<string, string>();
      let at = lt + 1 + m![0].length;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        attributes.set(a[1]!, decode(a[2] ?? a[3] ?? "", at));
        at = ATTRIBUTE.lastIndex;
      }
      while (at < text.length && /\s/.test(text[at]!)) at++;
      const selfClosing = text.startsWith("/>", at);
      if (!selfClosing && text[at] !== ">") fail(at, `malformed tag <${name}>`, 'attributes name="value" and > or />');
      pos = at + (selfClosing ? 2 : 1);
      if (stack.length === 0 && rootSeen) fail(lt, "a second root element", "one root element");
      if (stack.length >= limits.maxDepth) log.fatal("limit-exceeded", `elements nested deeper than ${limits.maxDepth}`, { line: tagLine }, `at most ${limits.maxDepth} levels`);
      rootSeen = true;
      handler.start({ name, attributes, line: tagLine });
      if (selfClosing) handler.end(name, tagLine);
      else stack.push(name);
    }
  }
  if (stack.length > 0) fail(text.length, `the file ends inside <${stack[stack.length - 1]}>`, `</${stack[stack.length - 1]}>`);
  if (!rootSeen) fail(0, "no XML element", "a GEXF or GraphML document");
}
/** `viz:color` → `color` (GEXF's viz namespace and the default namespace are read alike). */
function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

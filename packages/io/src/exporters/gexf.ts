/**
 * GEXF export (Gephi's format, gexf.net), streamed. The document is the one
 * graphology-gexf's writer made from the exported graph (same declarations,
 * same order, same indentation and escaping), written element by element
 * from {@link exportedElements} instead of from a graphology graph and one
 * growing string, so a million ties take seconds and little memory.
 */
import { TiegraphError, type Network } from "@tiegraph/core";
import { exportedElements, type ExportedAttributes, type ExportedElements, type GraphExportOptions } from "./export-elements.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { xmlChars } from "./xml-text.js";

/** Options of {@link exportGexf}. */
export interface GexfExportOptions extends GraphExportOptions {
  /** GEXF version (default "1.3"). */
  version?: "1.2" | "1.3";
}

/** Defaults of {@link exportGexf}. */
export const DEFAULT_GEXF_EXPORT_OPTIONS: Readonly<{ version: "1.2" | "1.3" }> = { version: "1.3" };

/**
 * The network as a GEXF document for Gephi: the graph of
 * {@link exportedElements} (ties by default), node labels from names, edge
 * weights from tie strength, every other attribute declared with its GEXF
 * type (the narrowest that holds all its values: boolean, integer, long,
 * double, else string). Confidential exchanges and notes are left out unless
 * `includeConfidential` / `includeNotes` ask for them. The whole document as
 * one string: for a large network write {@link exportGexfChunks} instead.
 *
 * @example
 * ```ts
 * writeFileSync("network.gexf", exportGexf(network));
 * ```
 */
export function exportGexf(network: Network, options: GexfExportOptions = {}): string {
  return joinChunks(exportGexfChunks(network, options));
}

/**
 * The document of {@link exportGexf} in chunks of about 64 Ki characters,
 * cut between elements; concatenated they are exactly `exportGexf(network,
 * options)`. Reads the elements twice (once to declare the attributes' types,
 * once to write them) and holds no more than one chunk. Options are checked
 * (a typed `invalid-option` error) when it is called, before the first chunk.
 *
 * @example
 * ```ts
 * await saveNetworkFileAtomic("network.gexf", exportGexfChunks(network), { backup: false });
 * ```
 */
export function exportGexfChunks(network: Network, options: GexfExportOptions = {}): Generator<string> {
  const version = options.version ?? DEFAULT_GEXF_EXPORT_OPTIONS.version;
  if (version !== "1.2" && version !== "1.3") throw new TiegraphError("tiegraph/io/export", "invalid-option", `invalid GEXF version ${JSON.stringify(version)}`, { expected: '"1.2" or "1.3"' });
  return gexfChunks(exportedElements(network, options), version);
}

function* gexfChunks(el: ExportedElements, version: "1.2" | "1.3"): Generator<string> {
  const safeNames = new Set<string>();
  const nodeModel = inferModel(el.nodeCount, (i) => xmlValues(el.nodeAttributes(i), safeNames), "label");
  const edgeModel = inferModel(el.edgeCount, (k) => xmlValues(el.edgeAttributes(k), safeNames), "weight");
  const nodeColumns = columns(nodeModel);
  const edgeColumns = columns(edgeModel);
  const ns =
    version === "1.3"
      ? ' xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"'
      : ' xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="${version}"${ns}>\n  <meta/>\n  <graph defaultedgetype="${el.type}">`;
  out += declarations(nodeModel, "node") + declarations(edgeModel, "edge");
  if (el.nodeCount === 0) out += "\n    <nodes/>";
  else {
    out += "\n    <nodes>";
    for (let i = 0; i < el.nodeCount; i++) {
      const attrs = xmlValues(el.nodeAttributes(i), safeNames);
      const label = xmlChars(String(attrs.label));
      out += `\n      <node${attribute("id", el.nodeKey(i))}${label ? attribute("label", label) : ""}` + body("node", attrs, nodeColumns);
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = "";
      }
    }
    out += "\n    </nodes>";
  }
  if (el.edgeCount === 0) out += "\n    <edges/>";
  else {
    out += "\n    <edges>";
    for (let k = 0; k < el.edgeCount; k++) {
      const e = el.edge(k);
      const attrs = xmlValues(e.attributes, safeNames);
      const weight = typeof attrs.weight === "number" && !Number.isNaN(attrs.weight) ? ` weight="${attrs.weight}"` : "";
      out += `\n      <edge${attribute("id", e.key)}${attribute("source", e.source)}${attribute("target", e.target)}${weight}` + body("edge", attrs, edgeColumns);
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = "";
      }
    }
    out += "\n    </edges>";
  }
  yield out + "\n  </graph>\n</gexf>";
}

/** A GEXF attribute type. */
type GexfType = "string" | "double" | "long" | "integer" | "boolean";
/** Attribute name → type, in the order graphology-gexf lists them (an object's key order: integer-like names first). */
type Model = Record<string, GexfType>;

// graphology-gexf's priorities: a name seen with several types is declared with the one listed first here
const PRIORITY: Readonly<Record<GexfType, number>> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

/**
 * An element's attributes as GEXF writes them, names and text made XML-safe
 * ({@link xmlChars}): the same object when nothing needs it (nearly always),
 * else a copy. Still holds the label (nodes) or weight (edges), which
 * GEXF writes apart and no model declares. `safeNames` remembers the names
 * seen to need nothing (one export has a few distinct names).
 */
function xmlValues(attrs: ExportedAttributes, safeNames: Set<string>): ExportedAttributes {
  for (const k in attrs) {
    const v = attrs[k]!;
    if (!safeNames.has(k)) {
      if (xmlChars(k) !== k) return xmlCopy(attrs);
      safeNames.add(k);
    }
    if (typeof v === "string" && xmlChars(v) !== v) return xmlCopy(attrs);
  }
  return attrs;
}

function xmlCopy(attrs: ExportedAttributes): ExportedAttributes {
  const out: ExportedAttributes = {};
  // names come from exportedElements, which never gives "__proto__" (a person attribute of that name is renamed)
  for (const k in attrs) {
    const v = attrs[k]!;
    out[xmlChars(k)] = typeof v === "string" ? xmlChars(v) : v;
  }
  return out;
}

/** Empty values (graphology-gexf's): no attvalue is written and no type inferred for them. */
function isEmpty(v: string | number | boolean): boolean {
  return v === "" || v !== v;
}

function gexfType(v: string | number | boolean): GexfType {
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return v === (v | 0) ? (v <= 0x7fffffff && v >= -0x7fffffff ? "integer" : "long") : "double";
  return "string";
}

/**
 * The attribute model of n elements (their XML-safe attributes): every name but
 * `apart` (the label or weight) with a non-empty value, typed by the highest-priority type it takes.
 */
function inferModel(n: number, attributesOf: (i: number) => ExportedAttributes, apart: "label" | "weight"): Model {
  // no prototype: an attribute named "constructor" or "toString" is a name like any other
  const model = Object.create(null) as Model;
  for (let i = 0; i < n; i++) {
    const attrs = attributesOf(i);
    for (const k in attrs) {
      if (k === apart) continue;
      const v = attrs[k]!;
      if (isEmpty(v)) continue;
      const type = gexfType(v);
      const known = model[k];
      if (known === undefined || PRIORITY[type] < PRIORITY[known]) model[k] = type;
    }
  }
  return model;
}

function declarations(model: Model, what: "node" | "edge"): string {
  let out = "";
  for (const name in model) out += `\n      <attribute${attribute("id", name)}${attribute("title", name)} type="${model[name]!}"/>`;
  return out ? `\n    <attributes class="${what}">${out}\n    </attributes>` : "";
}

/** The names of a model in order, each with its `for="…"` attribute ready. */
interface Columns {
  names: string[];
  forAttribute: string[];
}

function columns(model: Model): Columns {
  const names = Object.keys(model);
  return { names, forAttribute: names.map((name) => attribute("for", name)) };
}

/**
 * The rest of an element after its opening tag's attributes: `/>` when there
 * is no model, else its attvalues (an empty `<attvalues/>` included) and the closing tag.
 */
function body(tag: "node" | "edge", attrs: ExportedAttributes, c: Columns): string {
  if (c.names.length === 0) return "/>";
  let values = "";
  for (let j = 0; j < c.names.length; j++) {
    const name = c.names[j]!;
    if (!Object.hasOwn(attrs, name)) continue;
    const v = attrs[name]!;
    if (isEmpty(v)) continue;
    // a number's or a boolean's text has nothing to escape
    values += `\n          <attvalue${c.forAttribute[j]!}${typeof v === "string" ? attribute("value", v) : ` value="${v}"`}/>`;
  }
  return values ? `>\n        <attvalues>${values}\n        </attvalues>\n      </${tag}>` : `>\n        <attvalues/>\n      </${tag}>`;
}

const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", '"': "&quot;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;" };

/** ` name="value"`, escaped as graphology-gexf's XML writer escapes attribute values; nothing for an empty value (as it writes none). */
function attribute(name: string, value: string): string {
  if (value === "") return "";
  return ` ${name}="${ATTRIBUTE_SPECIAL.test(value) ? value.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value}"`;
}

/**
 * GEXF and GraphML files written by tiegraph's own exporters (see
 * exporters/export-graph.ts): nodes are people (`label`, `ego`,
 * `organisation`, `tags`, `notes` and free attributes), edges are ties
 * (`lastDate`, `count`, `strength`, …) or relationships. Such a file holds
 * ties, not the exchanges they were summed from, so each edge comes back as
 * one `connection` (a touchpoint, not a gift) dated at the tie's last date,
 * and the import carries a `ties-not-exchanges` warning: reciprocity (who
 * gave what to whom) cannot be computed from it.
 */
import { formatDay, parseDay, type Person } from "@tiegraph/core";
import { readText, sourceSize, type TextSource } from "../input/text-source.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, type ImportOptions } from "./options.js";
import { readXmlElements } from "./xml-elements.js";

/** Options of {@link importGexf} and {@link importGraphml}. */
export interface GraphFileOptions extends ImportOptions {
  /** Most nodes read (default 100,000); more stops the import with `limit-exceeded`. */
  maxNodes?: number;
  /** Most edges read (default 1,000,000); more stops the import with `limit-exceeded`. */
  maxEdges?: number;
  /**
   * Date (YYYY-MM-DD) of the connection made from an edge that has no
   * `lastDate` (nor `date`). Without it, such an edge is a bad record
   * (listed, or thrown in strict mode).
   */
  defaultDate?: string;
}

/** Defaults of {@link GraphFileOptions}. */
export const DEFAULT_GRAPH_FILE_OPTIONS: Readonly<GraphFileOptions & { maxNodes: number; maxEdges: number }> = { ...DEFAULT_IMPORT_OPTIONS, maxNodes: 100_000, maxEdges: 1_000_000 };

type Format = "gexf" | "graphml";

/** A node or edge as read: its attributes by title (GEXF) or attr.name (GraphML), typed. */
interface GraphRecord {
  what: "node" | "edge";
  line: number;
  tag: Map<string, string>;
  values: Map<string, string | number | boolean>;
}

/**
 * Reads a GEXF file exported by tiegraph (`tiegraph export --format gexf`):
 * people with their names, current organisations (as affiliations), tags
 * and attributes, and one `connection` per edge between its two people,
 * dated at the edge's `lastDate`. The result's `warnings` hold one
 * `ties-not-exchanges` entry whose `count` is the number of edges.
 *
 * @example
 * ```ts
 * const imported = await importGexf(readFileSync("network.gexf", "utf8"), { file: "network.gexf" });
 * mergeInto(network, imported);
 * ```
 */
export function importGexf(source: TextSource, options: GraphFileOptions = {}): Promise<ImportedNetwork> {
  return importGraphFile("gexf", source, options);
}

/**
 * Reads a GraphML file exported by tiegraph, as {@link importGexf} reads GEXF.
 *
 * @example
 * ```ts
 * const imported = await importGraphml(readFileSync("network.graphml", "utf8"), { file: "network.graphml" });
 * ```
 */
export function importGraphml(source: TextSource, options: GraphFileOptions = {}): Promise<ImportedNetwork> {
  return importGraphFile("graphml", source, options);
}

const RESERVED = new Set(["label", "ego", "organisation", "tags", "notes"]);

async function importGraphFile(format: Format, source: TextSource, options: GraphFileOptions): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_GRAPH_FILE_OPTIONS, ...options };
  const scope = `tiegraph/io/${format}`;
  const log = new ProblemLog(scope, opts.file, opts.strict, opts.maxProblems);
  let fallbackDate: string | undefined;
  if (opts.defaultDate !== undefined) {
    const d = parseDay(opts.defaultDate);
    if (d === undefined) log.fatal("invalid-option", `invalid defaultDate ${JSON.stringify(opts.defaultDate)}`, { line: 0 }, "a date YYYY-MM-DD");
    fallbackDate = formatDay(d!);
  }
  const total = sourceSize(source);
  const text = await readText(source, (read) => opts.onProgress?.({ read, total, records: 0 }));
  const out = new ImportBuilder(format, opts.file, false);
  const records = readRecords(format, text, log, opts.maxNodes, opts.maxEdges);
  const people = new Set<string>();
  let edges = 0;
  for (const r of records) {
    if (r.what === "node") {
      const id = r.tag.get("id") ?? "";
      const record = `node ${JSON.stringify(id)} at line ${r.line}`;
      if (id === "") {
        log.report("missing-field", "node without an id", { line: r.line, record }, "an id attribute");
        continue;
      }
      if (people.has(id)) {
        log.report("duplicate-id", `node ${JSON.stringify(id)} appears twice`, { line: r.line, record }, "one node per person");
        continue;
      }
      people.add(id);
      const label = r.tag.get("label") ?? r.values.get("label");
      const person: Person = { id, name: out.name(label === undefined || label === "" ? id : String(label), "name", r.line, record) };
      const tags = r.values.get("tags");
      if (typeof tags === "string" && tags.trim() !== "") person.tags = tags.split(";").map((t) => t.trim()).filter((t) => t !== "");
      const notes = r.values.get("notes");
      if (notes !== undefined) person.notes = String(notes);
      // keys such as "__proto__" or "constructor" stay data: defined, never assigned
      const attributes: Record<string, string | number | boolean> = {};
      let any = false;
      for (const [k, v] of r.values) {
        if (RESERVED.has(k)) continue;
        // the exporter writes an attribute named like one of its own fields as attribute_<name>
        const name = k.startsWith("attribute_") && (RESERVED.has(k.slice(10)) || k.slice(10) === "__proto__") ? k.slice(10) : k;
        Object.defineProperty(attributes, name, { value: v, enumerable: true, writable: true, configurable: true });
        any = true;
      }
      if (any) person.attributes = attributes;
      if (r.values.get("ego") === true && out.result.ego === undefined) out.result.ego = person;
      else out.person(person, r.line);
      const organisation = r.values.get("organisation");
      if (organisation !== undefined && String(organisation).trim() !== "") {
        const org = out.organisation(out.name(String(organisation).trim(), "organisation", r.line, record), r.line);
        out.affiliation({ person: id, organisation: org }, r.line);
      }
    } else {
      edges++;
      const source = r.tag.get("source") ?? "";
      const target = r.tag.get("target") ?? "";
      const record = `edge ${JSON.stringify(r.tag.get("id") ?? "")} at line ${r.line}`;
      if (source === "" || target === "") {
        log.report("missing-field", "edge without a source or target", { line: r.line, record }, "source and target node ids");
        continue;
      }
      const last = r.values.get("lastDate") ?? r.values.get("date");
      let date = fallbackDate;
      if (last !== undefined) {
        const d = parseDay(String(last));
        if (d === undefined) {
          log.report("invalid-date", "invalid lastDate", { line: r.line, record }, "a date YYYY-MM-DD", last);
          continue;
        }
        date = formatDay(d);
      }
      if (date === undefined) {
        log.report("missing-field", "edge without a lastDate", { line: r.line, record }, "a lastDate attribute (or the defaultDate option)");
        continue;
      }
      out.exchange({ date, kind: "connection", from: source, to: target }, r.line);
    }
  }
  out.result.records = records.length;
  out.warn({ code: "ties-not-exchanges", line: 1, record: `${format === "gexf" ? "GEXF" : "GraphML"} file`, count: edges });
  checkImport(out.result, log);
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

/** Walks the XML once and collects nodes and edges with their typed attribute values. */
function readRecords(format: Format, text: string, log: ProblemLog, maxNodes: number, maxEdges: number): GraphRecord[] {
  // attribute declarations: id → { title, type }, per class (GEXF) or per `for` (GraphML)
  const declared = { node: new Map<string, { title: string; type: string }>(), edge: new Map<string, { title: string; type: string }>() };
  let attributeClass: "node" | "edge" | undefined;
  let current: GraphRecord | undefined;
  let dataKey: { title: string; type: string } | undefined;
  let dataText = "";
  let dataLine = 0;
  let root: string | undefined;
  let nodes = 0;
  let edges = 0;
  const records: GraphRecord[] = [];
  const typed = (raw: string, type: string, line: number, title: string): string | number | boolean => {
    const t = type.toLowerCase();
    if (t === "boolean") {
      if (raw.trim() === "true" || raw.trim() === "1") return true;
      if (raw.trim() === "false" || raw.trim() === "0") return false;
    } else if (["int", "long", "integer", "float", "double"].includes(t)) {
      const n = Number(raw.trim());
      if (raw.trim() !== "" && Number.isFinite(n)) return n;
    } else return raw;
    return log.fatal("invalid-value", `value of ${JSON.stringify(title)} is not a ${t}`, { line }, `a ${t}`, raw);
  };
  readXmlElements(text, log, {
    start(tag) {
      if (root === undefined) {
        root = tag.name;
        if (root !== format) log.fatal("invalid-format", `not a ${format === "gexf" ? "GEXF" : "GraphML"} file: the root element is <${root}>`, { line: tag.line }, `<${format}>`);
        return;
      }
      switch (tag.name) {
        case "attributes": {
          const c = tag.attributes.get("class");
          attributeClass = c === "node" || c === "edge" ? c : undefined;
          return;
        }
        case "attribute":
          if (format === "gexf" && attributeClass) declared[attributeClass].set(tag.attributes.get("id") ?? "", { title: tag.attributes.get("title") ?? tag.attributes.get("id") ?? "", type: tag.attributes.get("type") ?? "string" });
          return;
        case "key": {
          const f = tag.attributes.get("for");
          if (format === "graphml" && (f === "node" || f === "edge" || f === "all")) {
            const d = { title: tag.attributes.get("attr.name") ?? tag.attributes.get("id") ?? "", type: tag.attributes.get("attr.type") ?? "string" };
            if (f !== "edge") declared.node.set(tag.attributes.get("id") ?? "", d);
            if (f !== "node") declared.edge.set(tag.attributes.get("id") ?? "", d);
          }
          return;
        }
        case "node":
        case "edge": {
          if (current) log.fatal("invalid-format", `<${tag.name}> inside <${current.what}>`, { line: tag.line }, "nodes and edges side by side (nested graphs are not read)");
          if (tag.name === "node" && ++nodes > maxNodes) log.fatal("limit-exceeded", `more than ${maxNodes} nodes`, { line: tag.line }, `at most ${maxNodes} nodes (option maxNodes)`);
          if (tag.name === "edge" && ++edges > maxEdges) log.fatal("limit-exceeded", `more than ${maxEdges} edges`, { line: tag.line }, `at most ${maxEdges} edges (option maxEdges)`);
          current = { what: tag.name, line: tag.line, tag: tag.attributes, values: new Map() };
          if (format === "gexf" && tag.name === "edge" && tag.attributes.has("weight")) current.values.set("weight", typed(tag.attributes.get("weight")!, "double", tag.line, "weight"));
          return;
        }
        case "attvalue": {
          if (!current) return;
          const d = declared[current.what].get(tag.attributes.get("for") ?? tag.attributes.get("id") ?? "");
          if (!d) log.fatal("invalid-format", `attvalue for undeclared attribute ${JSON.stringify(tag.attributes.get("for") ?? "")}`, { line: tag.line }, "an attribute declared in <attributes>");
          current.values.set(d!.title, typed(tag.attributes.get("value") ?? "", d!.type, tag.line, d!.title));
          return;
        }
        case "data": {
          if (!current) return;
          dataKey = declared[current.what].get(tag.attributes.get("key") ?? "");
          if (!dataKey) log.fatal("invalid-format", `data for undeclared key ${JSON.stringify(tag.attributes.get("key") ?? "")}`, { line: tag.line }, "a key declared with <key>");
          dataText = "";
          dataLine = tag.line;
          return;
        }
        default:
          return;
      }
    },
    text(t) {
      if (dataKey) dataText += t;
    },
    end(name) {
      if (name === "data" && dataKey && current) {
        current.values.set(dataKey.title, typed(dataText, dataKey.type, dataLine, dataKey.title));
        dataKey = undefined;
      } else if ((name === "node" || name === "edge") && current) {
        records.push(current);
        current = undefined;
      } else if (name === "attributes") attributeClass = undefined;
    },
  });
  return records;
}

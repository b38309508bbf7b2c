// The exporters as they were before they streamed (commit 9d8b00d): a
// graphology graph built in memory, then written whole by graphology-gexf's
// writer, our GraphML writer, graphology's export() + JSON.stringify, and
// CSV text joined from rows. Kept, compacted, as the reference the streaming
// exporters are compared with (streaming-exporters.test.ts). Not shipped.
import Graph from "graphology";
import type { AbstractGraph } from "graphology-types";
import writeGexf from "graphology-gexf/common/writer.js";
import { directedTies, formatDay, parseDay, prototypeSafe, relationships, type Network } from "@tiegraph/core";
import { currentAffiliation, disclosure, personAttributes, type DisclosureOptions } from "../../src/exporters/disclosure.js";
import { guardFormula } from "../../src/exporters/csv-guard.js";
import { xmlChars, xmlEscape } from "../../src/exporters/xml-text.js";
import type { GraphExportOptions } from "../../src/exporters/export-elements.js";

type Value = string | number | boolean;
type Attributes = Record<string, Value>;

export function exportedGraphBefore(network: Network, options: GraphExportOptions = {}): AbstractGraph<Attributes, Attributes> {
  const d = disclosure(options);
  const kind = options.graph ?? "ties";
  const asOf = options.asOf === undefined ? undefined : parseDay(options.asOf);
  const tieOptions = { excludeConfidential: !d.includeConfidential, ...(asOf === undefined ? {} : { asOf }) };
  const graph = prototypeSafe(new Graph<Attributes, Attributes>({ type: kind === "relationships" ? "undirected" : "directed", multi: kind === "exchanges", allowSelfLoops: false }));
  const people = network.people();
  for (let i = 0; i < people.length; i++) graph.addNode(people[i]!.id, personAttributes(network, i, d));
  if (kind === "ties") {
    const t = directedTies(network, tieOptions);
    for (let p = 0; p < t.pairCount; p++) {
      graph.addDirectedEdgeWithKey(`t${p}`, people[t.source[p]!]!.id, people[t.target[p]!]!.id, {
        weight: t.strength[p]!, strength: t.strength[p]!, value: t.givenValue[p]!, count: t.count[p]!, givingCount: t.givingCount[p]!, firstDate: formatDay(t.firstDay[p]!), lastDate: formatDay(t.lastDay[p]!),
      });
    }
  } else if (kind === "relationships") {
    const r = relationships(network, tieOptions);
    for (let k = 0; k < r.pairCount; k++) graph.addUndirectedEdgeWithKey(`r${k}`, people[r.a[k]!]!.id, people[r.b[k]!]!.id, { weight: r.strength[k]!, strength: r.strength[k]!, count: r.count[k]!, lastDate: formatDay(r.lastDay[k]!) });
  } else {
    const { count: n, value } = network.exchangeColumns();
    for (let i = 0; i < n; i++) {
      if (!d.includeConfidential && network.isConfidential(i)) continue;
      const e = network.exchangeAt(i);
      const attrs: Attributes = { kind: e.kind, date: e.date, value: value[i]! };
      if (e.minutes !== undefined) attrs.minutes = e.minutes;
      if (e.format !== undefined) attrs.format = e.format;
      if (e.tags?.length) attrs.tags = e.tags.join("; ");
      if (e.introduced !== undefined) attrs.introduced = e.introduced;
      if (d.includeConfidential) attrs.confidential = e.confidential === true;
      if (d.includeNotes && e.note !== undefined) attrs.note = e.note;
      graph.addDirectedEdgeWithKey(e.id, e.from, e.to, attrs);
    }
  }
  return graph;
}

export function exportGexfBefore(network: Network, options: GraphExportOptions & { version?: "1.2" | "1.3" } = {}): string {
  const xmlValues = (attrs: Attributes): Attributes => {
    const out: Attributes = {};
    for (const [k, v] of Object.entries(attrs)) out[xmlChars(k)] = typeof v === "string" ? xmlChars(v) : v;
    return out;
  };
  return writeGexf(exportedGraphBefore(network, options), {
    version: options.version ?? "1.3",
    pretty: true,
    formatNode: (_key, { label, ...rest }) => ({ label: xmlChars(String(label)), attributes: xmlValues(rest) }),
    formatEdge: (_key, { weight, ...rest }) => (typeof weight === "number" ? { weight, attributes: xmlValues(rest) } : { attributes: xmlValues(rest) }),
  });
}

type KeyType = "boolean" | "int" | "double" | "string";

export function exportGraphmlBefore(network: Network, options: GraphExportOptions = {}): string {
  const graph = exportedGraphBefore(network, options);
  const widen = (known: KeyType | undefined, v: Value): KeyType => {
    const t: KeyType = typeof v === "boolean" ? "boolean" : typeof v === "number" ? (Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? "int" : "double") : "string";
    if (known === undefined || known === t) return t;
    return (known === "int" && t === "double") || (known === "double" && t === "int") ? "double" : "string";
  };
  const declare = (what: "node" | "edge"): Map<string, { id: string; type: KeyType }> => {
    const types = new Map<string, KeyType>();
    const see = (attrs: Attributes): void => {
      for (const [k, v] of Object.entries(attrs)) types.set(k, widen(types.get(k), v));
    };
    if (what === "node") graph.forEachNode((_n, a) => see(a));
    else graph.forEachEdge((_e, a) => see(a));
    const keys = new Map<string, { id: string; type: KeyType }>();
    for (const [name, type] of types) keys.set(name, { id: `${what === "node" ? "n" : "e"}${keys.size}`, type });
    return keys;
  };
  const data = (attrs: Attributes, keys: Map<string, { id: string }>): string => Object.entries(attrs).map(([k, v]) => `<data key="${keys.get(k)!.id}">${xmlEscape(String(v))}</data>`).join("");
  const nodeKeys = declare("node");
  const edgeKeys = declare("edge");
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, k] of nodeKeys) out.push(`  <key id="${k.id}" for="node" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>`);
  for (const [name, k] of edgeKeys) out.push(`  <key id="${k.id}" for="edge" attr.name="${xmlEscape(name)}" attr.type="${k.type}"/>`);
  out.push(`  <graph id="G" edgedefault="${graph.type === "undirected" ? "undirected" : "directed"}">`);
  graph.forEachNode((node, attrs) => out.push(`    <node id="${xmlEscape(node)}">${data(attrs, nodeKeys)}</node>`));
  graph.forEachEdge((edge, attrs, source, target) => out.push(`    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">${data(attrs, edgeKeys)}</edge>`));
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

export function exportGraphologyJsonBefore(network: Network, options: GraphExportOptions & { pretty?: boolean } = {}): string {
  return JSON.stringify(exportedGraphBefore(network, options).export(), null, options.pretty ? 2 : undefined);
}

type CsvCell = string | number | boolean | undefined;
function csvCell(value: CsvCell): string {
  if (value === undefined) return "";
  let t = String(value).replace(/\0/g, "");
  if (typeof value === "string") t = guardFormula(t);
  return /[",\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}
function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function exportPeopleCsvBefore(network: Network, options: DisclosureOptions & { organisation?: boolean } = {}): string {
  const d = disclosure(options);
  const withOrganisation = options.organisation ?? true;
  const attributeNames = [...new Set(network.people().flatMap((p) => Object.keys(p.attributes ?? {})))].sort();
  const header = ["id", "name", ...(withOrganisation ? ["organisation", "role"] : []), "email", "url", "tags", "interests", "cadenceDays", ...(d.includeNotes ? ["notes"] : []), ...attributeNames];
  const rows = network.people().map((p, i): CsvCell[] => {
    const row: CsvCell[] = [p.id, p.name];
    if (withOrganisation) {
      const current = currentAffiliation(network, i);
      row.push(current ? network.organisationAt(current.organisation).name : undefined, current?.role);
    }
    row.push(p.emails?.join(";"), p.url, p.tags?.join(";"), p.interests?.join(";"), p.cadenceDays);
    if (d.includeNotes) row.push(p.notes);
    for (const a of attributeNames) row.push(p.attributes?.[a]);
    return row;
  });
  return csvText(header, rows);
}

export function exportAffiliationsCsvBefore(network: Network): string {
  const rows: CsvCell[][] = [];
  for (const p of network.people()) for (const a of network.affiliationsOf(p.id)) rows.push([a.person, a.organisation, network.organisation(a.organisation).name, a.from, a.to, a.role]);
  return csvText(["person", "organisation", "organisationName", "from", "to", "role"], rows);
}

export function exportExchangesCsvBefore(network: Network, options: DisclosureOptions = {}): string {
  const d = disclosure(options);
  const header = ["id", "date", "from", "to", "kind", "value", "minutes", "format", "introduced", "tags", ...(d.includeConfidential ? ["confidential"] : []), ...(d.includeNotes ? ["note"] : [])];
  const rows: CsvCell[][] = [];
  for (let i = 0; i < network.exchangeCount; i++) {
    if (!d.includeConfidential && network.isConfidential(i)) continue;
    const e = network.exchangeAt(i);
    const row: CsvCell[] = [e.id.startsWith("#") ? undefined : e.id, e.date, e.from, e.to, e.kind, e.value, e.minutes, e.format, e.introduced, e.tags?.join(";")];
    if (d.includeConfidential) row.push(e.confidential === true ? true : undefined);
    if (d.includeNotes) row.push(e.note);
    rows.push(row);
  }
  return csvText(header, rows);
}

export function exportTiesCsvBefore(network: Network, options: DisclosureOptions & { asOf?: string } = {}): string {
  const d = disclosure(options);
  const asOf = options.asOf === undefined ? undefined : parseDay(options.asOf);
  const t = directedTies(network, { excludeConfidential: !d.includeConfidential, ...(asOf === undefined ? {} : { asOf }) });
  const people = network.people();
  const rows: CsvCell[][] = [];
  for (let p = 0; p < t.pairCount; p++) {
    const s = people[t.source[p]!]!;
    const r = people[t.target[p]!]!;
    rows.push([s.id, s.name, r.id, r.name, t.strength[p], t.givenValue[p], t.count[p], t.givingCount[p], formatDay(t.firstDay[p]!), formatDay(t.lastDay[p]!)]);
  }
  return csvText(["source", "sourceName", "target", "targetName", "strength", "value", "count", "givingCount", "firstDate", "lastDate"], rows);
}

/**
 * Loaders for classic research networks, from their file contents (strings
 * in, network out: no file system, so they run in browsers too).
 *
 * Every dataset tie i → j becomes one `information` exchange from i to j,
 * value 1, dated 2000-01-01 (the datasets have no dates). So the directed tie
 * graph has exactly the dataset's arcs, and grouping attributes (office,
 * department, …) are kept as person attributes for internal/external analysis.
 */
import { TiegraphError } from "../errors.js";
import { Network } from "../model/network.js";
import type { Exchange, Person } from "../model/types.js";

const SCOPE = "tiegraph/datasets";
/** The date given to dataset ties. */
export const DATASET_DATE = "2000-01-01";

/** What a loader did besides adding ties. */
export interface DatasetReport {
  /** Number of people. */
  people: number;
  /** Number of ties added (directed arcs, self-loops excluded). */
  ties: number;
  /** Self-loops found and dropped. */
  droppedSelfLoops: number;
}

/** A loaded dataset: its network and the loader's report. */
export interface LoadedDataset {
  network: Network;
  report: DatasetReport;
}

function lines(text: string): string[] {
  return text.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l.length > 0);
}

function parseError(file: string, line: number, problem: string, expected: string): TiegraphError {
  return new TiegraphError(SCOPE, "parse-error", problem, { file, line, expected });
}

function build(people: Person[], arcs: [number, number][], kind: Exchange["kind"] = "information"): LoadedDataset {
  let dropped = 0;
  const exchanges: Exchange[] = [];
  for (const [i, j] of arcs) {
    if (i === j) {
      dropped++;
      continue;
    }
    exchanges.push({ date: DATASET_DATE, kind, from: people[i]!.id, to: people[j]!.id });
  }
  const network = Network.from({ people, exchanges });
  return { network, report: { people: people.length, ties: exchanges.length, droppedSelfLoops: dropped } };
}

function matrixArcs(text: string, n: number, file: string): [number, number][] {
  const rows = lines(text);
  if (rows.length !== n) throw parseError(file, rows.length + 1, `expected ${n} rows, found ${rows.length}`, `${n} rows of ${n} 0/1 values`);
  const arcs: [number, number][] = [];
  rows.forEach((row, i) => {
    const cells = row.split(/\s+/);
    if (cells.length !== n) throw parseError(file, i + 1, `row has ${cells.length} values`, `${n} values`);
    cells.forEach((c, j) => {
      if (c !== "0" && c !== "1") throw parseError(file, i + 1, `cell ${j + 1} is ${JSON.stringify(c)}`, "0 or 1");
      if (c === "1") arcs.push([i, j]);
    });
  });
  return arcs;
}

/** Files of the Lazega law firm dataset (contents of ELattr.dat and one relation matrix). */
export interface LazegaFiles {
  /** Contents of ELattr.dat. */
  attributes: string;
  /** Contents of ELadv.dat, ELfriend.dat or ELwork.dat. */
  relation: string;
  /** Name of the relation file, for error messages. */
  relationFile?: string;
}

const OFFICES = ["Boston", "Hartford", "Providence"];
const PRACTICES = ["litigation", "corporate"];

/**
 * Loads the Lazega law firm (71 lawyers; Lazega 2001, data by Snijders).
 * People are `L1`…`L71` (seniority order) with attributes `office`
 * (Boston/Hartford/Providence), `practice` (litigation/corporate), `status`
 * (partner/associate), `gender`, `years`, `age`, `school`. The advice matrix
 * gives 892 ties.
 *
 * @example
 * ```ts
 * const { network } = loadLazega({ attributes: readFileSync("ELattr.dat", "utf8"), relation: readFileSync("ELadv.dat", "utf8") });
 * ```
 */
export function loadLazega(files: LazegaFiles): LoadedDataset {
  const rows = lines(files.attributes);
  const people: Person[] = rows.map((row, i) => {
    const c = row.split(/\s+/).map(Number);
    if (c.length !== 8 || c.some((v) => !Number.isFinite(v))) throw parseError("ELattr.dat", i + 1, "attribute row malformed", "8 numbers");
    return {
      id: `L${i + 1}`,
      name: `Lawyer ${i + 1}`,
      attributes: {
        seniority: c[0]!,
        status: c[1] === 1 ? "partner" : "associate",
        gender: c[2] === 1 ? "man" : "woman",
        office: OFFICES[c[3]! - 1] ?? String(c[3]),
        years: c[4]!,
        age: c[5]!,
        practice: PRACTICES[c[6]! - 1] ?? String(c[6]),
        school: c[7]!,
      },
    };
  });
  return build(people, matrixArcs(files.relation, people.length, files.relationFile ?? "relation matrix"));
}

/** Files of the Krackhardt high-tech managers dataset. */
export interface KrackhardtFiles {
  /** Contents of Krack-High-Tec-Attributes.csv. */
  attributes: string;
  /** Contents of an edge list (Advice, Friendship or ReportsTo). */
  relation: string;
  relationFile?: string;
}

/**
 * Loads Krackhardt's high-tech managers (21 managers; Krackhardt 1987).
 * People are `K1`…`K21` with attributes `age`, `tenure`, `level`, `dept`
 * (department 1–4, 0 for the CEO). The advice relation gives 190 ties.
 *
 * @example
 * ```ts
 * const { network } = loadKrackhardt({ attributes, relation: adviceEdgeList });
 * ```
 */
export function loadKrackhardt(files: KrackhardtFiles): LoadedDataset {
  const rows = lines(files.attributes);
  const header = rows[0]?.split(",").map((h) => h.trim().toUpperCase());
  if (!header || header.join(",") !== "ID,AGE,TENURE,LEVEL,DEPT") throw parseError("Krack-High-Tec-Attributes.csv", 1, "unexpected header", "ID,AGE,TENURE,LEVEL,DEPT");
  const people: Person[] = rows.slice(1).map((row, k) => {
    const c = row.split(",").map(Number);
    if (c.length !== 5 || c.some((v) => !Number.isFinite(v)) || c[0] !== k + 1) throw parseError("Krack-High-Tec-Attributes.csv", k + 2, "attribute row malformed", "ID,AGE,TENURE,LEVEL,DEPT with IDs in order");
    return { id: `K${c[0]}`, name: `Manager ${c[0]}`, attributes: { age: c[1]!, tenure: c[2]!, level: c[3]!, dept: String(c[4]) } };
  });
  const file = files.relationFile ?? "edge list";
  const arcs: [number, number][] = [];
  lines(files.relation).forEach((row, k) => {
    const c = row.split(/\s+/).map(Number);
    if (c.length !== 3 || c.some((v) => !Number.isInteger(v)) || c[0]! < 1 || c[0]! > people.length || c[1]! < 1 || c[1]! > people.length) {
      throw parseError(file, k + 1, `malformed edge line ${JSON.stringify(row)}`, `"ego alter value" with ids 1-${people.length}`);
    }
    if (c[2] === 1) arcs.push([c[0]! - 1, c[1]! - 1]);
  });
  return build(people, arcs);
}

/** Files of SNAP email-Eu-core. */
export interface EmailEuCoreFiles {
  /** Contents of email-Eu-core.txt. */
  edges: string;
  /** Contents of email-Eu-core-department-labels.txt. */
  departments: string;
}

/**
 * Loads SNAP email-Eu-core (1005 people in 42 departments; Leskovec et al.
 * 2007, Yin et al. 2017). People are `E0`…`E1004` with attribute
 * `department`. An arc u → v (u mailed v) becomes one exchange; the 642
 * self-loops are dropped and reported, leaving 24929 ties.
 *
 * @example const { network, report } = loadEmailEuCore({ edges, departments }); report.droppedSelfLoops; // 642
 */
export function loadEmailEuCore(files: EmailEuCoreFiles): LoadedDataset {
  const dept = new Map<number, string>();
  lines(files.departments).forEach((row, k) => {
    const c = row.split(/\s+/).map(Number);
    if (c.length !== 2 || c.some((v) => !Number.isInteger(v) || v < 0)) throw parseError("email-Eu-core-department-labels.txt", k + 1, `malformed line ${JSON.stringify(row)}`, '"node department"');
    dept.set(c[0]!, String(c[1]));
  });
  const arcs: [number, number][] = [];
  let max = -1;
  lines(files.edges).forEach((row, k) => {
    const c = row.split(/\s+/).map(Number);
    if (c.length !== 2 || c.some((v) => !Number.isInteger(v) || v < 0)) throw parseError("email-Eu-core.txt", k + 1, `malformed line ${JSON.stringify(row)}`, '"sender recipient"');
    arcs.push([c[0]!, c[1]!]);
    max = Math.max(max, c[0]!, c[1]!);
  });
  const n = Math.max(max + 1, dept.size);
  const people: Person[] = Array.from({ length: n }, (_, i) => {
    const p: Person = { id: `E${i}`, name: `Member ${i}` };
    const d = dept.get(i);
    if (d !== undefined) p.attributes = { department: d };
    return p;
  });
  return build(people, arcs);
}

/** Which Padgett relation to load. */
export type PadgettRelation = "marital" | "business";

/**
 * Loads Padgett's Florentine families (16 families; Padgett & Ansell 1993)
 * from the Pajek project file. The ties are undirected, so each edge becomes
 * one `meeting` (a touchpoint with no giver) between the two families; ids are
 * the family names, with attributes `wealth` and `priorates` (−1 = missing).
 * Marital ties: 20 edges; business: 15.
 *
 * @example const { network } = loadPadgett(pajText, "marital"); network.hasPerson("Medici"); // true
 */
export function loadPadgett(pajek: string, relation: PadgettRelation = "marital"): LoadedDataset {
  const rows = pajek.split(/\r?\n|\r/);
  const people: Person[] = [];
  const sections: { name: string; start: number }[] = [];
  rows.forEach((r, k) => {
    if (r.startsWith("*")) sections.push({ name: r.trim(), start: k });
  });
  const sectionRows = (pred: (name: string) => boolean): { text: string; line: number }[] => {
    const s = sections.findIndex((x) => pred(x.name));
    if (s < 0) return [];
    const end = sections[s + 1]?.start ?? rows.length;
    const out: { text: string; line: number }[] = [];
    for (let k = sections[s]!.start + 1; k < end; k++) if (rows[k]!.trim()) out.push({ text: rows[k]!.trim(), line: k + 1 });
    return out;
  };
  for (const { text, line } of sectionRows((n) => n.startsWith("*Vertices"))) {
    const m = /^(\d+)\s+"([^"]+)"/.exec(text);
    if (!m) throw parseError("Padgett.paj", line, `malformed vertex ${JSON.stringify(text)}`, 'id "Name" x y');
    people.push({ id: m[2]!, name: m[2]! });
    if (Number(m[1]) !== people.length) throw parseError("Padgett.paj", line, "vertex ids out of order", `id ${people.length}`);
  }
  if (!people.length) throw parseError("Padgett.paj", 1, "no *Vertices section", "a Pajek project file");
  // a vector section is "*Vector Name", "*Vertices n", then n values
  const vector = (name: string): string[] => {
    const k = rows.findIndex((r) => r.trim() === name);
    return k < 0 ? [] : rows.slice(k + 2, k + 2 + people.length).map((r) => r.trim());
  };
  const wealth = vector("*Vector Wealth");
  const priors = vector("*Vector #Priors");
  people.forEach((p, i) => {
    const attributes: Record<string, number> = {};
    if (wealth[i]) attributes.wealth = Number(wealth[i]);
    if (priors[i]) attributes.priorates = Number(priors[i]);
    if (Object.keys(attributes).length) p.attributes = attributes;
  });
  const label = relation === "marital" ? '"Marital"' : '"Business"';
  const seen = new Set<string>();
  const arcs: [number, number][] = [];
  for (const { text, line } of sectionRows((n) => n.startsWith("*Arcs") && n.includes(label))) {
    const c = text.split(/\s+/).map(Number);
    if (c.length < 2 || c.slice(0, 2).some((v) => !Number.isInteger(v) || v < 1 || v > people.length)) throw parseError("Padgett.paj", line, `malformed arc ${JSON.stringify(text)}`, `"from to weight" with ids 1-${people.length}`);
    const a = Math.min(c[0]!, c[1]!) - 1;
    const b = Math.max(c[0]!, c[1]!) - 1;
    const key = `${a}-${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    arcs.push([a, b]);
  }
  return build(people, arcs, "meeting");
}

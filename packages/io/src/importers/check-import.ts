/**
 * The model's rules applied to an import: every record an importer read is
 * checked with core's {@link checkBatch} (the one place validation lives), so
 * a row the network would refuse is caught at import time with its file,
 * line and column, not later at merge time. People and organisations named by
 * id are resolved when the import is merged, not here.
 */
import { Network, checkBatch, problemError, type Problem, type RecordLines } from "@tiegraph/core";
import type { ImportedNetwork, RecordOrigin } from "./imported.js";
import type { ProblemLog } from "./options.js";

const NO_NETWORK = new Network();

/**
 * Checks an import's records with the model's rules. Each problem goes to the
 * log (thrown in strict mode) naming the record's line and, through
 * `columnOf` (a record field → 1-based spreadsheet column), its column; the
 * records it concerns are removed from the import together with every record
 * read from the same line (a row or card is one record to the user).
 *
 * @example
 * ```ts
 * checkImport(out.result, log, (field) => columns.column(field));
 * ```
 */
export function checkImport(result: ImportedNetwork, log: ProblemLog, columnOf: (field: string) => number | undefined = () => undefined): void {
  const { origins } = result;
  const lines: RecordLines = origins;
  const batch = { organisations: result.organisations, people: result.people, affiliations: result.affiliations, exchanges: result.exchanges };
  const problems = checkBatch(NO_NETWORK, batch, { resolveReferences: false, lines, ...(result.file !== undefined ? { file: result.file } : {}) });
  if (problems.length === 0) return;
  const badLines = new Set<number>();
  const badOrgs = new Set<number>();
  for (const p of problems) {
    const m = POINTER.exec(p.pointer ?? "");
    const origin = m ? origins[m[1] as keyof typeof origins][Number(m[2])] : undefined;
    logProblem(p, origin, log, columnOf);
    if (m?.[1] === "organisations") badOrgs.add(Number(m[2]));
    else if (origin) badLines.add(origin.line);
  }
  const keep = <T>(records: T[], from: RecordOrigin[], isBad: (k: number) => boolean): [T[], RecordOrigin[]] => {
    const r: T[] = [];
    const o: RecordOrigin[] = [];
    records.forEach((x, k) => {
      if (isBad(k)) return;
      r.push(x);
      o.push(from[k]!);
    });
    return [r, o];
  };
  const onBadLine = (from: RecordOrigin[]) => (k: number) => badLines.has(from[k]!.line);
  [result.organisations, origins.organisations] = keep(result.organisations, origins.organisations, (k) => badOrgs.has(k));
  [result.people, origins.people] = keep(result.people, origins.people, onBadLine(origins.people));
  [result.affiliations, origins.affiliations] = keep(result.affiliations, origins.affiliations, onBadLine(origins.affiliations));
  [result.exchanges, origins.exchanges] = keep(result.exchanges, origins.exchanges, onBadLine(origins.exchanges));
}

const POINTER = /^\/(organisations|people|affiliations|exchanges)\/(\d+)(?:\/([^/]+))?/;

/**
 * Lists (or, in strict mode, throws) a problem the model found in a record
 * read at `origin`, named for its line and, through `columnOf`, its column.
 *
 * @example
 * ```ts
 * for (const p of rows.add(exchange, line)) logProblem(p, { file, line }, log, (field) => columns.column(field));
 * ```
 */
export function logProblem(p: Problem, origin: RecordOrigin | undefined, log: ProblemLog, columnOf: (field: string) => number | undefined = () => undefined): void {
  if (log.countOnly(origin?.line)) return;
  const field = POINTER.exec(p.pointer ?? "")?.[3];
  log.add(problemError(located(p, origin, field === undefined ? undefined : columnOf(field)), log.scope));
}

/** A problem named for its line (`exchange at line 5` rather than its position in the import), with its column. */
function located(p: Problem, origin: RecordOrigin | undefined, column: number | undefined): Problem & { column?: number } {
  const out: Problem & { column?: number } = { ...p };
  if (origin && origin.line > 0 && /^[a-z]+ #\d+$/.test(p.record)) out.record = `${p.record.slice(0, p.record.indexOf(" #"))} at line ${origin.line}`;
  if (column !== undefined) out.column = column;
  return out;
}

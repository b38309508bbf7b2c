/**
 * What `report` prints, as data: the `--json` document and what the tables
 * show. The command (report.ts) builds it and the view (view/report-text.ts)
 * words it; both import these types from here, so neither imports the other.
 */
import type { BridgingContact, EITrendPoint, ExternalShare, MixPeriod, Network, PersonId, RelationshipBalance } from "@tiegraph/core";
import { personRecord, type PersonValues } from "@tiegraph/core/internal";

/** A person's value of a per-person measure (null where it is undefined). */
export type ByPerson = Record<PersonId, number | null>;

/** One relationship and the strength introduction paths use. */
export interface ReportTie {
  a: PersonId;
  b: PersonId;
  strength: number;
}

/** Everything `report` prints: the `--json` document, and what the tables show. */
export interface ReportData {
  file: string;
  people: number;
  exchanges: number;
  ego: PersonId | null;
  /**
   * The day every figure is as of (today unless `--as-of`): strengths decay
   * to it, balances are read on it, and exchanges after it are left out.
   */
  asOf: string;
  /** Whether confidential exchanges and notes were counted. */
  includesConfidential: boolean;
  groupBy: string;
  reciprocity: { overall: number | null; weighted: number | null; byPerson: ByPerson };
  ei: { network: number | null; byGroup: ByPerson; byPerson: ByPerson; internal: number; external: number; groupTotals: Record<string, { internal: number; external: number }> };
  /** The E-I index per period, of the ledger's person (or of the whole network without one). */
  eiTrend: { person: PersonId | null; period: MixPeriod; points: EITrendPoint[] };
  /** The ledger person's external share against the target; null without one. */
  externalShare: ExternalShare | null;
  constraint: ByPerson;
  effectiveSize: ByPerson;
  /** Normalised betweenness by person; empty with `--brokerage off`. */
  betweenness: Record<PersonId, number>;
  /** Whether betweenness was estimated from a sample of sources (large networks). */
  betweennessSampled: boolean;
  /**
   * How betweenness was computed: `mode` as asked, the number of shortest paths sampled (`samples`, 0 when exact),
   * and with probability `confidence` every value is within
   * `errorBound` of the exact one (0 when exact); null with `--brokerage off`.
   */
  betweennessEstimate: { mode: BrokerageMode; exact: boolean; samples: number; errorBound: number; confidence: number } | null;
  /** The ledger person's bridging contacts. */
  bridging: BridgingContact[];
  /** Every relationship with its strength (in the JSON only: the tables do not show it, so they leave it empty). */
  ties: ReportTie[];
  /** Whose ledger; null when the network has no ego and no --person was given. */
  ledgerPerson: PersonId | null;
  ledger: RelationshipBalance[];
}

/**
 * How `report` computes betweenness: `off` (not at all), `sampled` (exact when
 * Brandes' algorithm over every source fits core's work budget, otherwise
 * estimated with a stated error bound), or `exact` (whatever it costs).
 */
export type BrokerageMode = "off" | "sampled" | "exact";

/** A per-person member of the report by person position: the network it is of, and each person's value. */
export interface PersonColumn {
  network: Network;
  value: PersonValues<number | null>;
}

/** The per-person members of each object of a report, by member name. */
const COLUMNS = new WeakMap<object, Map<string, PersonColumn>>();

/**
 * Makes `owner[key]` (a member already there, which keeps its place) the
 * record of a per-person column, built on first read: the tables and the
 * library read a plain record, while `report --json` writes the column
 * straight out (see {@link personColumns}) and never builds the record of
 * 100,000 keys. Assigning the member replaces the column.
 *
 * @example personMember(data, "constraint", network, constraintByIndex(network));
 */
export function personMember(owner: object, key: string, network: Network, value: PersonValues<number | null>): void {
  const columns = COLUMNS.get(owner) ?? new Map<string, PersonColumn>();
  COLUMNS.set(owner, columns);
  columns.set(key, { network, value });
  const settle = (record: unknown): unknown => {
    Object.defineProperty(owner, key, { value: record, enumerable: true, writable: true, configurable: true });
    return record;
  };
  Object.defineProperty(owner, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(personRecord(network, value)),
    set: (record: unknown) => {
      columns.delete(key);
      settle(record);
    },
  });
}

/**
 * The members of an object of a report that are per-person columns (see
 * {@link personMember}), by name; undefined when it has none.
 *
 * @example personColumns(data)?.get("constraint")?.value(0)
 */
export function personColumns(owner: object): ReadonlyMap<string, PersonColumn> | undefined {
  return COLUMNS.get(owner);
}

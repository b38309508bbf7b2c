/**
 * The report as text tables: what `tiegraph report` prints without --json.
 * Reads the figures gathered by buildReport and never computes a measure.
 */
import { displayNames, formatSouringReasons, type DisplayNames, type Network, type ReciprocityLedger, type RelationshipBalance } from "@tiegraph/core";
import type { ByPerson, ReportData } from "../commands/report-data.js";
import { groupLabel } from "./names.js";
import { fixed, heading, plural, textTable } from "./table.js";

const signed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || Number.isNaN(x) ? "–" : (x > 0 ? "+" : "") + x.toFixed(digits));
const share = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);

function ledgerTable(name: DisplayNames, rows: readonly RelationshipBalance[]): string {
  return textTable(
    [{ title: "person" }, { title: "given", right: true }, { title: "received", right: true }, { title: "balance", right: true }, { title: "imbalance", right: true }, { title: "one-way run", right: true }, { title: "last exchange" }],
    rows.map((e) => [
      name(e.contact),
      fixed(e.given),
      fixed(e.received),
      signed(e.balance),
      signed(e.imbalance),
      e.oneWayStreak > 0 ? `${e.oneWayStreak} ${e.streakDirection}` : "",
      e.lastDate ?? "–",
    ]),
  );
}

/** Whether person x (value vx) ranks before y: higher value first, then id. */
const before = (vx: number, x: string, vy: number, y: string): boolean => vx > vy || (vx === vy && x < y);

/**
 * The first `top` people ranked by a per-person value, highest first, ties
 * by id; null values left out. One pass keeping the best `top` in order
 * (ids are distinct, so the order is total and the rows are those a full
 * sort would put first), instead of sorting every person.
 *
 * @example topRanked({ a: 0.2, b: 0.5, c: null, d: 0.5 }, 2) // [["b", 0.5], ["d", 0.5]]
 */
export function topRanked(values: ByPerson | Record<string, number>, top: number): [string, number][] {
  const best: [string, number][] = [];
  if (top <= 0) return best;
  for (const id of Object.keys(values)) {
    const v = values[id];
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    if (best.length === top && !before(v, id, best[top - 1]![1], best[top - 1]![0])) continue;
    let at = best.length === top ? top - 1 : best.length;
    while (at > 0 && before(v, id, best[at - 1]![1], best[at - 1]![0])) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = [id, v];
  }
  return best;
}

/**
 * Renders a report. `top` caps every ranked table. People who share a name
 * are told apart by organisation, then email (core's `displayNames`), as in
 * `intro`, `plan` and the explorer.
 *
 * @example
 * ```ts
 * process.stdout.write(renderReport(network, data, ledger, 10));
 * ```
 */
export function renderReport(network: Network, data: ReportData, ledger: ReciprocityLedger | null, top: number): string {
  const out: string[] = [];
  const name = displayNames(network);
  const who = data.ledgerPerson === null ? undefined : name(data.ledgerPerson);
  out.push(`${data.file}: ${plural(data.people, "person", "people")}, ${plural(data.exchanges, "exchange")}${data.ego ? `, ego ${name(data.ego)}` : ""}\n`);
  out.push(data.includesConfidential ? "Confidential exchanges are counted (--include-confidential).\n" : "Confidential exchanges and notes are left out (add --include-confidential to count them).\n");

  // --- reciprocity
  out.push("\n" + heading("Reciprocity"));
  const rec: string[][] = [
    ["share of giving ties returned (overall reciprocity)", fixed(data.reciprocity.overall, 3)],
    ["share of value given back (weighted reciprocity)", fixed(data.reciprocity.weighted, 3)],
  ];
  if (data.ledgerPerson !== null) rec.push([`share of ${who}'s giving ties returned`, fixed(data.reciprocity.byPerson[data.ledgerPerson] ?? null, 3)]);
  out.push(textTable([{ title: "measure" }, { title: "value", right: true }], rec));

  if (ledger && who !== undefined) {
    out.push(`\n${heading(`Who owes whom: ${who}'s ledger${data.asOf ? ` as of ${ledger.asOf}` : ""}`)}`);
    out.push("Values are recency-weighted favour units (a piece of information is 1); balance = given − received.\n");
    out.push(`\nYou owe (repay before you ask): ${ledger.youOwe.length} relationships${ledger.youOwe.length > top ? `, top ${top}` : ""}\n`);
    if (ledger.youOwe.length) out.push(ledgerTable(name, ledger.youOwe.slice(0, top)));
    out.push(`\nOwed to you (you can ask): ${ledger.owedToYou.length} relationships${ledger.owedToYou.length > top ? `, top ${top}` : ""}\n`);
    if (ledger.owedToYou.length) out.push(ledgerTable(name, ledger.owedToYou.slice(0, top)));

    out.push(`\n${heading(`Souring relationships: ${ledger.souring.length}`)}`);
    if (ledger.souring.length === 0) out.push("None: every relationship is in reasonable balance.\n");
    else {
      out.push(
        textTable(
          [{ title: "person" }, { title: "who should act" }, { title: "balance", right: true }, { title: "why" }],
          ledger.souring.slice(0, top).map((e) => [name(e.contact), e.souring!.direction === "you-owe" ? "you owe them" : "they owe you", signed(e.balance), formatSouringReasons(e.souring!.reasons)]),
        ),
      );
      if (ledger.souring.length > top) out.push(`… and ${ledger.souring.length - top} more (--top to see them)\n`);
    }
  } else {
    out.push("\nNo ledger: the network has no ego; add --person ID.\n");
  }

  // --- internal / external
  const by = data.groupBy === "organisation" ? "organisation (affiliations on each exchange's date)" : `attribute "${data.groupBy}"`;
  out.push(`\n${heading(`Internal / external, by ${by}`)}`);
  out.push("E-I index = (external − internal) / (external + internal): −1 all internal, +1 all external (Krackhardt & Stern 1988).\n\n");
  const mix: string[][] = [["whole network", String(data.ei.internal), String(data.ei.external), signed(data.ei.network)]];
  if (data.ledgerPerson !== null && data.externalShare) mix.push([who!, String(data.externalShare.internal), String(data.externalShare.external), signed(data.ei.byPerson[data.ledgerPerson] ?? null)]);
  out.push(textTable([{ title: "ties of" }, { title: "internal", right: true }, { title: "external", right: true }, { title: "E-I", right: true }], mix));
  const xs = data.externalShare;
  if (xs && who !== undefined) {
    const verdict = xs.status === "no-data" ? "no ties yet" : xs.status === "on-target" ? "on target" : xs.status === "below" ? "below target: too much of it stays inside" : "above target";
    out.push(`\n${who}'s external share: ${share(xs.share)} against a target of ${share(xs.target)} (${verdict}).\n`);
  }
  const groups = Object.entries(data.ei.groupTotals).sort((x, y) => y[1].internal + y[1].external - (x[1].internal + x[1].external) || (x[0] < y[0] ? -1 : 1));
  if (groups.length === 0) out.push("\nNo groups: nobody belongs to one.\n");
  else out.push(`\nBy group (${groups.length}${groups.length > top ? `, the ${top} with most ties` : ""}):\n`);
  if (groups.length) out.push(textTable([{ title: "group" }, { title: "internal", right: true }, { title: "external", right: true }, { title: "E-I", right: true }], groups.slice(0, top).map(([g, t]) => [groupLabel(network, data.groupBy, g), String(t.internal), String(t.external), signed(data.ei.byGroup[g] ?? null)])));
  const points = data.eiTrend.points;
  if (points.length) {
    const shown = points.slice(-Math.max(top, 4));
    out.push(`\nTrend${data.eiTrend.person !== null ? ` of ${name(data.eiTrend.person)}'s ties` : ""} by ${data.eiTrend.period}${shown.length < points.length ? ` (last ${shown.length})` : ""}:\n`);
    out.push(textTable([{ title: "period" }, { title: "internal", right: true }, { title: "external", right: true }, { title: "E-I", right: true }, { title: "external share", right: true }], shown.map((p) => [p.period, String(p.internal), String(p.external), signed(p.index), share(p.externalShare)])));
  }

  // --- brokers
  out.push(`\n${heading("Brokers")}`);
  const est = data.betweennessEstimate;
  const how = est === null ? " (not computed: --brokerage off)" : est.exact ? "" : ` (estimated from ${est.samples} sampled shortest paths: within ±${est.errorBound.toFixed(3)} of the exact value for everyone, at ${Math.round(est.confidence * 100)}% confidence)`;
  out.push(`Betweenness${how}: the share of shortest paths through a person. Constraint (Burt): low = contacts in separate circles. Effective size: non-redundant contacts.\n\n`);
  out.push(
    textTable(
      [{ title: "person" }, { title: "betweenness", right: true }, { title: "constraint", right: true }, { title: "effective size", right: true }],
      topRanked(data.betweenness, top).map(([id, b]) => [name(id), fixed(b, 4), fixed(data.constraint[id], 3), fixed(data.effectiveSize[id], 1)]),
    ),
  );
  if (who !== undefined) {
    out.push(`\n${who}'s only way into a group (bridging contacts): ${data.bridging.length}\n`);
    if (data.bridging.length) {
      out.push(
        textTable(
          [{ title: "contact" }, { title: "only way into" }],
          data.bridging.slice(0, top).map((b) => [name(b.contact), b.groups.map((g) => `${groupLabel(network, data.groupBy, g.group)}${g.via === "member" ? "" : ` (via ${g.through} ${g.through === 1 ? "contact" : "contacts"})`}`).join(", ")]),
        ),
      );
    }
  }
  return out.join("");
}

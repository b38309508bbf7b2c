/**
 * The status line under the header: how much of the network is drawn, and
 * the day its figures are as of. Confidential exchanges are hidden, so they
 * neither count as ties nor date the line.
 */

/** What the status line reports. */
export interface StatusFigures {
  /** People drawn now (after filters) and in the network. */
  shownPeople: number;
  people: number;
  /** Ties drawn now and ties that can be drawn (relationships with an exchange that is not confidential). */
  shownTies: number;
  ties: number;
  /** Reference day (YYYY-MM-DD) of the figures, "" when there is no exchange to date them by. */
  asOf: string;
}

/**
 * The status line's text.
 *
 * @example statusText({ shownPeople: 12, people: 240, shownTies: 30, ties: 1180, asOf: "2026-09-30" }) // "12 of 240 people, 30 of 1,180 ties shown, as of 2026-09-30"
 */
export function statusText(f: StatusFigures): string {
  const n = (x: number) => x.toLocaleString("en");
  return `${n(f.shownPeople)} of ${n(f.people)} ${f.people === 1 ? "person" : "people"}, ${n(f.shownTies)} of ${n(f.ties)} ${f.ties === 1 ? "tie" : "ties"} shown${f.asOf ? `, as of ${f.asOf}` : ""}`;
}

/**
 * The day a command's figures are as of, by core's one rule
 * (`referenceDay`): `--as-of DATE`, `--as-of last` (the last exchange the
 * command may see), or today (TIEGRAPH_TODAY, else the machine's date).
 */
import { formatDay, message, networkAsOf, parseDay, referenceDay, type Network } from "@tiegraph/core";
import type { IndexAhead } from "./files/index-ahead.js";
import type { Terminal } from "./terminal.js";
import { today } from "./today.js";

/** The reference date and the network as it stood at the end of that day. */
export interface FiguresAsOf {
  /** YYYY-MM-DD. */
  asOf: string;
  /** Today's date as the command took it. */
  today: string;
  /** The network without the exchanges dated after `asOf` (the network itself when there are none). */
  network: Network;
}

/**
 * Settles the reference date of a command and leaves out every exchange
 * after it, so no figure the command prints can count one. `network` is the
 * one the command analyses (already without confidential exchanges unless
 * they are included, so `last` is the last exchange it may show).
 *
 * @example figuresAsOf(network, flags.asOf, terminal, "report").asOf // "2026-11-30" without --as-of
 */
export function figuresAsOf(network: Network, asOfFlag: string | undefined, terminal: Pick<Terminal, "env">, command: string): FiguresAsOf {
  const now = today(terminal.env, command);
  const asOf = formatDay(referenceDay(network, { ...(asOfFlag !== undefined ? { asOf: asOfFlag } : {}), today: now }));
  return { asOf, today: now, network: networkAsOf(network, asOf) };
}

/**
 * The line a text output starts with to say when its figures are from (core's wording).
 *
 * @example asOfLine({ asOf: "2026-03-01", today: "2026-11-30" }) // "Figures as of 2026-03-01 (today is 2026-11-30)."
 */
export function asOfLine(when: Pick<FiguresAsOf, "asOf" | "today">): string {
  return when.asOf === when.today ? message("as-of.today", { date: when.asOf }) : message("as-of.day", { date: when.asOf, today: when.today });
}

/**
 * The tie index a command with figures as of `asOfFlag` will ask for, to be
 * built while its network is read (see files/index-ahead.ts): as of the
 * flag's date, today, or (`last`) the last exchange counted. Undefined when
 * the day cannot be known before reading (a bad TIEGRAPH_TODAY is reported
 * later, where it always was). Should the day not match what
 * {@link figuresAsOf} settles on, the index is simply not used.
 *
 * @example indexAhead("relationships", undefined, false, { TIEGRAPH_TODAY: "2026-11-30" }, "intro") // { kind: "relationships", asOf: 20787, excludeConfidential: true }
 */
export function indexAhead(kind: IndexAhead["kind"], asOfFlag: string | undefined, includeConfidential: boolean, env: Terminal["env"], command: string): IndexAhead | undefined {
  const excludeConfidential = !includeConfidential;
  if (asOfFlag === "last") return { kind, excludeConfidential };
  let date: string;
  try {
    date = asOfFlag ?? today(env, command);
  } catch {
    return undefined;
  }
  const asOf = parseDay(date);
  return asOf === undefined ? undefined : { kind, asOf, excludeConfidential };
}

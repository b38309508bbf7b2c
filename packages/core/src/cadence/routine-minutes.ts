/**
 * How long an exchange took, for the routine's hours: the minutes recorded,
 * else the meeting format's usual length, else the kind's default.
 */
import type { ExchangeColumns, Network } from "../model/network.js";
import { EXCHANGE_KINDS, type ExchangeKind } from "../model/types.js";

/**
 * Minutes an exchange counts for when none are recorded and its format has
 * no usual length: a meeting is a coffee's 45 minutes; a tip, favour,
 * introduction, gesture or connection takes no meeting time of its own
 * (record minutes on it when it did).
 */
export const DEFAULT_ROUTINE_KIND_MINUTES: Readonly<Record<ExchangeKind, number>> = {
  information: 0,
  favour: 0,
  introduction: 0,
  gesture: 0,
  meeting: 45,
  connection: 0,
};

/**
 * A reader of exchange minutes under the routine's rule: (1) the minutes
 * recorded on the exchange; else (2) for a meeting, the usual length of its
 * format (`durations`, e.g. lunch 75); else (3) the kind's default
 * (`kindMinutes`, see {@link DEFAULT_ROUTINE_KIND_MINUTES}).
 *
 * @example
 * ```ts
 * const minutesOf = routineMinutes(network, network.exchangeColumns(), { coffee: 45, lunch: 75, call: 30 }, DEFAULT_ROUTINE_KIND_MINUTES);
 * minutesOf(0); // 75 for a lunch meeting with no minutes recorded
 * ```
 */
export function routineMinutes(network: Network, cols: ExchangeColumns, durations: Readonly<Record<string, number>>, kindMinutes: Readonly<Record<ExchangeKind, number>>): (exchange: number) => number {
  const meeting = EXCHANGE_KINDS.indexOf("meeting");
  const byKind = EXCHANGE_KINDS.map((k) => kindMinutes[k]);
  // format code → usual minutes (NaN: no usual length)
  const byFormat = network.formats.map((f) => (f !== "" && Object.hasOwn(durations, f) ? durations[f]! : NaN));
  return (e) => {
    const recorded = cols.minutes[e]!;
    if (!Number.isNaN(recorded)) return recorded;
    const kind = cols.kind[e]!;
    if (kind === meeting) {
      const usual = byFormat[cols.format[e]!]!;
      if (!Number.isNaN(usual)) return usual;
    }
    return byKind[kind]!;
  };
}

/**
 * The errors encodings throw: an unknown encoding name, or an encoding whose
 * input (ego, a measure) the caller did not provide.
 */
import { TiegraphError } from "@tiegraph/core";

/** The error thrown when an encoding's input is missing.
 *
 * @example throw missing("betweenness", "analysis.betweenness")
 */
export function missing(encoding: string, needs: string): TiegraphError {
  return new TiegraphError("tiegraph/viz", "invalid-option", `encoding "${encoding}" needs ${needs}`, { expected: `${needs}, or another encoding` });
}

/** The error thrown for an unknown encoding name.
 *
 * @example throw unknown("node size", "popularity", NODE_SIZE_BY)
 */
export function unknown(channel: string, value: unknown, known: readonly string[]): TiegraphError {
  return new TiegraphError("tiegraph/viz", "invalid-option", `unknown ${channel} encoding ${JSON.stringify(value)}`, { expected: `one of ${known.map((k) => JSON.stringify(k)).join(", ")}` });
}

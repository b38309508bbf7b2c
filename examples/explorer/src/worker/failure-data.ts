/** Turns anything thrown in a worker into the failure data the page shows (message, code, file, line, column, record, problems). */
import { TiegraphError } from "@tiegraph/core";
import type { FailureData } from "./protocol.js";

/**
 * The failure data of an error: a TiegraphError's code and location, or
 * just the message of any other error; `code` overrides the error's code.
 *
 * @example failureData(new Error("boom"), "stale").code // "stale"
 */
export function failureData(e: unknown, code?: string): FailureData {
  const err = e instanceof Error ? e : new Error(String(e));
  const t = e instanceof TiegraphError ? e : undefined;
  return { message: err.message, code: code ?? t?.code, file: t?.file, line: t?.line, column: t?.column, record: t?.record, ...(t ? { problems: t.problems.map((p) => ({ ...p })) } : {}) };
}

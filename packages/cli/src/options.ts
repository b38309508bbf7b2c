/**
 * Parsers for option values. Each throws commander's InvalidArgumentError, so
 * a malformed value is a usage error (exit 2) naming the option and what it
 * expects, before any file is read.
 */
import { InvalidArgumentError } from "commander";
import { parseDay } from "@tiegraph/core";

/**
 * A whole number ≥ `min` (e.g. `--people 300`, `--k 3`).
 *
 * @example command.option("--k <n>", "paths", wholeNumber(1), 3)
 */
export function wholeNumber(min: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}, got ${JSON.stringify(text)}.`);
    return n;
  };
}

/**
 * A finite number > 0 (e.g. `--hours 2.5`).
 *
 * @example positiveNumber("2.5") // 2.5
 */
export function positiveNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number > 0, got ${JSON.stringify(text)}.`);
  return n;
}

/**
 * A finite number ≥ 0 (e.g. `--minutes 0`, `--value 2.5`).
 *
 * @example nonNegativeNumber("0") // 0
 */
export function nonNegativeNumber(text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got ${JSON.stringify(text)}.`);
  return n;
}

/**
 * A whole number, possibly negative (e.g. `--seed -4`).
 *
 * @example integer("-4") // -4
 */
export function integer(text: string): number {
  const n = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number, got ${JSON.stringify(text)}.`);
  return n;
}

/**
 * A calendar date YYYY-MM-DD (e.g. `--week 2026-09-28`).
 *
 * @example calendarDate("2026-02-30") // throws: expected a calendar date YYYY-MM-DD
 */
export function calendarDate(text: string): string {
  if (parseDay(text) === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InvalidArgumentError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(text)}.`);
  return text;
}

/**
 * A comma-separated list of ids (e.g. `--avoid p3,p7`), added to the ones of earlier uses; empty items are dropped.
 *
 * @example idList("p3, p7,", ["p1"]) // ["p1", "p3", "p7"]
 */
export function idList(text: string, previous: string[] = []): string[] {
  return [...previous, ...text.split(",").map((s) => s.trim()).filter((s) => s !== "")];
}

/**
 * One of a fixed set of words (e.g. `--mode reliable|widest`).
 *
 * @example oneOf(["reliable", "widest"])("widest") // "widest"
 */
export function oneOf<T extends string>(choices: readonly T[]): (text: string) => T {
  return (text) => {
    if (!(choices as readonly string[]).includes(text)) throw new InvalidArgumentError(`expected one of ${choices.join(", ")}, got ${JSON.stringify(text)}.`);
    return text as T;
  };
}

/**
 * The day figures are as of (`--as-of`): a calendar date YYYY-MM-DD, or
 * `last` for the day of the last exchange the command may see.
 *
 * @example asOfDate("last") // "last"
 */
export function asOfDate(text: string): string {
  if (text === "last") return text;
  if (parseDay(text) === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new InvalidArgumentError(`expected a calendar date YYYY-MM-DD or "last", got ${JSON.stringify(text)}.`);
  return text;
}

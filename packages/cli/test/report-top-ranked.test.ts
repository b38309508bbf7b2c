// The brokers table keeps the first rows of a ranking without sorting everyone: the same rows,
// in the same order, as sorting every person (highest value first, then id), nulls and NaN left out.
import { describe, expect, it } from "vitest";
import { createRandom } from "@tiegraph/core/internal";
import { topRanked } from "../src/view/report-text.js";

/** The ranking as the table made it before: every person sorted. */
function fullSort(values: Record<string, number | null>): [string, number][] {
  const list = Object.entries(values).filter((e): e is [string, number] => e[1] !== null && !Number.isNaN(e[1]));
  return list.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

describe("topRanked", () => {
  it("ranks by value, then id, on a hand-made record", () => {
    // b and d tie at 0.5 (b first by id); then a 0.2; c is null, e NaN, both left out; f is 0
    const values = { d: 0.5, a: 0.2, c: null, b: 0.5, e: NaN, f: 0 };
    expect(topRanked(values, 2)).toEqual([["b", 0.5], ["d", 0.5]]);
    expect(topRanked(values, 10)).toEqual([["b", 0.5], ["d", 0.5], ["a", 0.2], ["f", 0]]);
    expect(topRanked(values, 0)).toEqual([]);
    expect(topRanked({}, 3)).toEqual([]);
  });

  it.each([1, 3, 10, 50])("equals the first %i rows of a full sort on generated values with many ties", (top) => {
    const rnd = createRandom(top);
    const values: Record<string, number | null> = {};
    for (let i = 0; i < 2000; i++) values[`p${rnd.int(5000)}`] = rnd() < 0.1 ? null : rnd.int(30) / 7;
    Object.defineProperty(values, "__proto__", { value: 99, enumerable: true, writable: true, configurable: true });
    expect(topRanked(values, top)).toEqual(fullSort(values).slice(0, top));
  });
});

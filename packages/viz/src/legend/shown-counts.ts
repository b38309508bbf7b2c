/**
 * Legend counts that follow filters: a categorical colour legend counts the
 * people drawn in each colour, so hiding people changes the counts.
 */
import type { LegendSpec } from "../encodings/legend-spec.js";

/** A legend label's trailing count, as the encodings write it: "Acme (12)". */
const COUNT = / \((\d+)\)$/;

/**
 * The legend of a categorical node colour with each entry's count ("Acme
 * (12)") replaced by the number of shown people painted in its colour;
 * entries without a count (e.g. "you") and gradients stay as they are.
 *
 * @example legendCountsOfShown(spec, ["#1", "#1", "#2"], (i) => i !== 1).entries[0].label // "Acme (1)" for an entry "Acme (2)" of colour #1
 */
export function legendCountsOfShown(spec: LegendSpec, colours: readonly string[], isShown: (index: number) => boolean): LegendSpec {
  const counts = new Map<string, number>();
  for (let i = 0; i < colours.length; i++) if (isShown(i)) counts.set(colours[i]!, (counts.get(colours[i]!) ?? 0) + 1);
  return {
    ...spec,
    entries: spec.entries.map((e) => (e.colour !== undefined && COUNT.test(e.label) ? { ...e, label: e.label.replace(COUNT, ` (${counts.get(e.colour) ?? 0})`) } : e)),
  };
}

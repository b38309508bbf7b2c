/**
 * What the tooltip says about a person: name, organisations, their tie to
 * you and the measures the encodings show.
 */
import type { Scene } from "../scene/scene.js";
import type { AppliedEncodings } from "./paint.js";

/**
 * The tooltip's lines for a drawn person.
 *
 * @example tooltipLines(scene, enc, "ann")[0] // "Ann"
 */
export function tooltipLines(scene: Scene, enc: AppliedEncodings, id: string): string[] {
  const i = scene.indexOf.get(id)!;
  const lines = [scene.names[i]!];
  const orgs = scene.organisations[i]!.map((o) => scene.organisationNames.get(o) ?? o);
  lines.push(orgs.length ? orgs.join(", ") : "no organisation");
  if (scene.egoIndex === i) lines.push("you");
  else if (scene.egoIndex >= 0) lines.push(scene.strengthToEgo[i]! > 0 ? `tie strength to you: ${scene.strengthToEgo[i]!.toFixed(2)}` : "no direct tie to you");
  lines.push(`ties drawn: ${scene.degree[i]}`);
  if (enc.nodeSize.by === "betweenness" && scene.betweenness) lines.push(`betweenness: ${formatNumber(scene.betweenness[i]!)}`);
  if (enc.nodeColour.by === "ei-index" && scene.eiIndex) lines.push(`E-I index: ${Number.isNaN(scene.eiIndex[i]!) ? "no ties" : (scene.eiIndex[i]! > 0 ? "+" : "") + scene.eiIndex[i]!.toFixed(2)}`);
  return lines;
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "—";
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);
}

/**
 * Introduction paths as text: the summary, each path with core's explanation
 * (chain, chance, weakest tie, one line per hop, rank), or the nearest people
 * of the target's group when nothing is in reach.
 */
import type { IntroductionAnswer, Network } from "@tiegraph/core";
import { nameOf } from "./names.js";

/**
 * The answer as text: the summary, then each path with its chain of names
 * and core's explanation, or the nearest reachable people when there is none.
 *
 * @example
 * ```ts
 * process.stdout.write(renderIntroduction(network, introductionPaths(network, { to: { person: "bob" } })));
 * ```
 */
export function renderIntroduction(network: Network, answer: IntroductionAnswer): string {
  const out = [`${answer.summary}\n`];
  answer.paths.forEach((path, i) => {
    const [head, ...rest] = path.explanation;
    out.push(`\n${head ?? `#${i + 1} ${path.people.map((id) => nameOf(network, id)).join(" → ")}`}\n`);
    for (const line of rest) out.push(`   ${line}\n`);
  });
  if (answer.nearest?.length) {
    out.push("\nClosest people of the target's group:\n");
    for (const c of answer.nearest) out.push(`   ${c.explanation}\n`);
  }
  return out.join("");
}

/**
 * Introduction paths as text: the summary, each path (title, one line per
 * hop, rank line), or the nearest people of the target's group when nothing
 * is in reach. Every sentence comes from core's wording, the same the
 * explorer shows.
 */
import { formatIntroduction, wordingNames, type IntroductionAnswer, type Network } from "@tiegraph/core";

/**
 * The answer as text. The answer's source is "you"; people who share a name
 * are told apart by organisation (see `displayNames`).
 *
 * @example
 * ```ts
 * process.stdout.write(renderIntroduction(network, introductionPaths(network, { to: { person: "bob" } })));
 * ```
 */
export function renderIntroduction(network: Network, answer: IntroductionAnswer): string {
  const text = formatIntroduction(answer, wordingNames(network, { you: answer.from }));
  const out = [`${text.summary}\n`];
  for (const [title, ...rest] of text.paths) {
    out.push(`\n${title}\n`);
    for (const line of rest) out.push(`   ${line}\n`);
  }
  if (text.nearest.length) {
    out.push("\nClosest people of the target's group:\n");
    for (const line of text.nearest) out.push(`   ${line}\n`);
  }
  return out.join("");
}

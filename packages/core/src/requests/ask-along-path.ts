/**
 * "Ask for this introduction" from an introduction path: the request to the
 * path's first connector for the person the path reaches.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { askForIntroduction, type AskForIntroductionInput } from "./ask-for-introduction.js";
import type { RequestChange } from "./request-change.js";

/**
 * Creates the request an introduction path suggests: `from` is the path's
 * first person, `via` the second (the connector you ask), `to` its last (the
 * person reached; on a longer chain the connector passes the request on, and
 * `why` can say so). A path of one hop needs no introduction: you already
 * know them (`invalid-option`). Everything else is {@link askForIntroduction}.
 *
 * @example
 * ```ts
 * const [best] = introductionPaths(createPathIndex(network), { from: "me", to: { person: "bob" } }).paths;
 * applyRequestChange(network, askAlongPath(network, best, { date: "2026-03-02", why: "advice on pricing" }));
 * ```
 */
export function askAlongPath(network: Network, path: { people: readonly PersonId[] }, input: Omit<AskForIntroductionInput, "to" | "organisation" | "via" | "from">): RequestChange {
  const people = path?.people;
  if (!Array.isArray(people) || people.length < 2) throw new TiegraphError("tiegraph/requests", "invalid-option", "a path needs at least two people", { record: "path.people", expected: "[you, connector, ..., person reached]", got: showValue(people) });
  if (people.length === 2) throw new TiegraphError("tiegraph/requests", "invalid-option", `you already know ${showValue(people[1])}: no introduction is needed`, { record: "path.people", expected: "a path of two hops or more" });
  return askForIntroduction(network, { ...input, from: people[0]!, via: people[1]!, to: people[people.length - 1]! });
}

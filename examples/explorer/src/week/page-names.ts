/**
 * The names core's wording uses on the page: the session's display names
 * (core's displayNames, computed in the worker, so same-named people carry
 * their organisation), organisation names, and ego as "you".
 */
import type { WordingNames } from "@tiegraph/core";
import type { NetworkSession } from "../network-session.js";

/**
 * The formatter's names for a session.
 *
 * @example formatPlanEntry(item, pageNames(session)).title // "Coffee with Dmitri Kim (Bright Media)"
 */
export function pageNames(session: NetworkSession): WordingNames {
  const names: WordingNames = { person: (id) => session.personName(id), organisation: (id) => session.organisationName(id) };
  if (session.ego !== undefined) names.you = session.ego;
  return names;
}


/**
 * How people and groups are named in text output: as typed in the file
 * (never escaped or reformatted), falling back to the id.
 */
import type { Network } from "@tiegraph/core";

/**
 * The name of a person id, or the id itself when the network has no such person.
 *
 * @example nameOf(network, "p42") // "Quinn Dubois"
 */
export function nameOf(network: Network, id: string): string {
  return network.hasPerson(id) ? network.person(id).name : id;
}

/**
 * The label of an internal/external group: the organisation's name when
 * grouping by organisation, else the attribute value itself.
 *
 * @example groupLabel(network, "organisation", "o1") // "Bright Media"; groupLabel(network, "office", "Boston") // "Boston"
 */
export function groupLabel(network: Network, groupBy: string, key: string): string {
  if (groupBy !== "organisation" || !network.hasOrganisation(key)) return key;
  return network.organisation(key).name;
}

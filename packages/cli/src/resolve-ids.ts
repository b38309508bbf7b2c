/**
 * Checking ids given on the command line against the network file, before
 * any measure runs. An id the file does not hold is a usage error (exit 2):
 * the file is fine, the argument is wrong, and the message says which file
 * was searched.
 */
import type { Network } from "@tiegraph/core";
import { UsageError } from "./usage-error.js";

/** Where an id came from, for the message. */
export interface IdContext {
  command: string;
  option: string;
  file: string;
}

/**
 * Fails unless the network has a person with this id.
 *
 * @example requirePerson(network, "p42", { command: "intro", option: "--to", file: "net.json" })
 */
export function requirePerson(network: Network, id: string, at: IdContext): string {
  if (!network.hasPerson(id)) throw new UsageError(at.command, `${at.option}: no person with id ${JSON.stringify(id)} in ${at.file}`);
  return id;
}

/**
 * Fails unless the network has an organisation with this id.
 *
 * @example requireOrganisation(network, "acme", { command: "plan", option: "--target", file: "net.json" })
 */
export function requireOrganisation(network: Network, id: string, at: IdContext): string {
  if (!network.hasOrganisation(id)) throw new UsageError(at.command, `${at.option}: no organisation with id ${JSON.stringify(id)} in ${at.file}`);
  return id;
}

/**
 * Fails unless the grouping is "organisation" or an attribute some person has; lists the ones there are.
 *
 * @example requireGrouping(network, "office", { command: "report", option: "--group-by", file: "lazega.json" })
 */
export function requireGrouping(network: Network, groupBy: string, at: IdContext): string {
  if (groupBy === "organisation") return groupBy;
  const seen = new Set<string>();
  for (const p of network.people()) for (const k of Object.keys(p.attributes ?? {})) seen.add(k);
  if (!seen.has(groupBy)) {
    const known = [...seen].sort();
    throw new UsageError(at.command, `${at.option}: no person in ${at.file} has the attribute ${JSON.stringify(groupBy)}; expected organisation${known.length ? ` or one of ${known.join(", ")}` : " (the file's people have no attributes)"}`);
  }
  return groupBy;
}

/**
 * The message asking a connector for an introduction, as data: who writes
 * to whom, about whom, why and what they offer. The words are the
 * formatter's (`draftIntroductionMessage` in wording), so the page and the
 * CLI say the same thing.
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { IntroductionRequest } from "../model/request-types.js";

/** A person or organisation named in the message. */
export interface MessageParty {
  id: string;
  name: string;
}

/** The facts of a message asking for an introduction. */
export interface IntroductionMessage {
  request: string;
  /** Who writes (the asker). */
  from: MessageParty;
  /** The connector the message goes to. */
  connector: MessageParty;
  /** The person to be introduced to, or the organisation. */
  target: ({ kind: "person" } | { kind: "organisation" }) & MessageParty;
  /** Where the target person works on the day asked (first affiliation), if known. */
  targetOrganisation?: MessageParty;
  why?: string;
  offer?: string;
}

/**
 * The facts of the message to the connector for request `id` (or a request
 * not yet stored, e.g. `askForIntroduction(...).request`).
 *
 * @example
 * ```ts
 * const m = introductionMessage(network, "r1");
 * draftIntroductionMessage(m); // "Hi Ann, could you introduce me to Bob (Acme)? ..."
 * ```
 */
export function introductionMessage(network: Network, request: string | IntroductionRequest): IntroductionMessage {
  const r = typeof request === "string" ? network.findRequest(request) : request;
  if (r === undefined) throw new TiegraphError("tiegraph/requests", "unknown-request", `unknown request ${showValue(request)}`, { record: "request", expected: "the id of a request in the network" });
  const party = (id: string): MessageParty => ({ id, name: network.person(id).name });
  const message: IntroductionMessage = {
    request: r.id,
    from: party(r.from),
    connector: party(r.via),
    target: r.to !== undefined ? { kind: "person", ...party(r.to) } : { kind: "organisation", id: r.organisation!, name: network.organisation(r.organisation!).name },
  };
  if (r.to !== undefined) {
    const orgs = network.organisationsOn(r.to, r.steps[0]!.date);
    if (orgs.length) message.targetOrganisation = { id: orgs[0]!, name: network.organisation(orgs[0]!).name };
  }
  if (r.why !== undefined) message.why = r.why;
  if (r.offer !== undefined) message.offer = r.offer;
  return message;
}

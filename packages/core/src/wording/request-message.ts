/**
 * The words of a message asking a connector for an introduction, from the
 * facts core gathers ({@link introductionMessage}). The page (copy button)
 * and the CLI (`tiegraph ask`) both print this text.
 */
import type { IntroductionMessage } from "../requests/introduction-message.js";

/**
 * Drafts the message to the connector: a double opt-in ask, so the
 * connector checks with the target before introducing anyone. Names, why
 * and offer are inserted as plain text (callers that print to a terminal or
 * a page escape it there). Ends with the asker's name.
 *
 * @example
 * ```ts
 * draftIntroductionMessage({ request: "r1", from: { id: "me", name: "Sam" }, connector: { id: "ann", name: "Ann Lee" },
 *   target: { kind: "person", id: "bob", name: "Bob Roy" }, targetOrganisation: { id: "acme", name: "Acme" }, why: "advice on pricing", offer: "our churn study" });
 * // "Hi Ann Lee,\n\nCould you introduce me to Bob Roy (Acme)? I would value advice on pricing. ..."
 * ```
 */
export function draftIntroductionMessage(message: IntroductionMessage): string {
  const target = message.target.kind === "person" ? `${message.target.name}${message.targetOrganisation ? ` (${message.targetOrganisation.name})` : ""}` : `someone at ${message.target.name}`;
  const lines = [`Hi ${message.connector.name},`, ""];
  let ask = `Could you introduce me to ${target}?`;
  if (message.why !== undefined) ask += ` I am hoping for ${trimPeriod(message.why)}.`;
  if (message.offer !== undefined) ask += ` In return I could offer ${trimPeriod(message.offer)}.`;
  lines.push(ask, "");
  const them = message.target.kind === "person" ? message.target.name : "them";
  lines.push(`Only if ${them} would welcome it: could you check with ${message.target.kind === "person" ? "them" : "whoever you have in mind"} first? If it does not suit ${them}, no harm done.`, "");
  lines.push("Thank you,", message.from.name);
  return lines.join("\n") + "\n";
}

function trimPeriod(text: string): string {
  return text.trim().replace(/[.!]+$/, "");
}

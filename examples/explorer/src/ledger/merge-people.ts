/**
 * The "Merge people" dialog: pairs that may be one person (an email in
 * common, or near-equal names at the same organisation), each with a button
 * to merge, and two pickers to merge any two people. Core's merge moves
 * every exchange and affiliation to the person kept, joins addresses, tags
 * and interests, and removes the other; Undo splits them again.
 */
import type { NetworkEdit } from "@tiegraph/core";
import { h } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import type { FailureData } from "../worker/protocol.js";
import { field, openDialog, PeoplePicker, showProblems } from "./form-parts.js";
import type { MergeReason, MergeSuggestion } from "./ledger-protocol.js";

/** What the dialog needs from the page. */
export interface MergeContext {
  session: NetworkSession;
  suggestions: MergeSuggestion[];
  /** People to start with (the selected person is kept). */
  keep: string | undefined;
  apply(edits: NetworkEdit[], label: string): Promise<FailureData | undefined>;
}

function reasonText(r: MergeReason): string {
  return r.code === "same-email" ? `same email address ${r.email}` : `similar names, both at ${r.organisation}`;
}

/** Opens the "Merge people" dialog. */
export function openMergePeople(ctx: MergeContext): void {
  const keep = new PeoplePicker("Keep", ctx.session, false, ctx.keep ? [ctx.keep] : []);
  const drop = new PeoplePicker("Merge in", ctx.session, false);
  const keepField = field("Keep", keep.box.input, "the person who stays", keep.element);
  const dropField = field("Merge in", drop.box.input, "their exchanges, affiliations, addresses and tags move over; then they are removed", drop.element);
  const merge = async (k: string, x: string): Promise<void> => {
    const failure = await ctx.apply([{ op: "merge-people", keep: k, drop: x }], `Merge ${ctx.session.personName(x)} into ${ctx.session.personName(k)}`);
    if (!failure) return d.close();
    showProblems(failure, { Keep: keepField, "Merge in": dropField }, d.formError, (pointer) => (pointer?.endsWith("/keep") ? "Keep" : pointer?.endsWith("/drop") ? "Merge in" : undefined));
  };
  const suggested = ctx.suggestions.length
    ? h(
        "ul",
        { class: "people", attrs: { "aria-label": "Suggested merges", "data-list": "merge-suggestions" } },
        ...ctx.suggestions.map((s) =>
          h(
            "li",
            {},
            h("span", { text: `${s.keepName} and ${s.dropName}: ${reasonText(s.reason)} ` }),
            h("button", { attrs: { type: "button", "aria-label": `Merge ${s.dropName} into ${s.keepName}` }, text: "Merge", on: { click: () => void merge(s.keep, s.drop) } }),
          ),
        ),
      )
    : h("p", { class: "muted", text: "No suggestions: nobody shares an email address, and no two similar names work at the same organisation." });
  const d = openDialog("Merge people", "Merge", [h("h3", { text: "Suggested" }), suggested, h("h3", { text: "Any two people" }), keepField.element, dropField.element], () =>
    merge(keep.ids[0] ?? "", drop.ids[0] ?? ""),
  );
}

/**
 * The "Log exchange" dialog: date (today by default), with whom (several
 * people for a group meeting), kind, who was introduced to whom, direction,
 * value (the kind's default), minutes, note, confidential. Nothing is
 * checked here: the edits go to core, which accepts all of them or none, and
 * its problems are shown beside the fields they are about.
 */
import { DEFAULT_KIND_VALUES, type ExchangeKind, type NetworkEdit } from "@tiegraph/core";
import { h } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import type { FailureData } from "../worker/protocol.js";
import { exchangeEdits, fieldOfPointer, LOGGED_KINDS, type Direction, type LogField } from "./exchange-edits.js";
import { field, openDialog, PeoplePicker, showProblems, type Field } from "./form-parts.js";

const KIND_TEXT: Record<ExchangeKind, string> = {
  information: "Information (a tip, advice, news)",
  favour: "Favour",
  introduction: "Introduction",
  meeting: "Meeting (coffee, lunch, call)",
  gesture: "Gesture (a coffee paid, a gift)",
  connection: "Connection",
};
const DIRECTION_TEXT: Record<Direction, string> = { gave: "I gave", received: "I received", both: "Both (a meeting)" };

/** What the dialog needs from the page. */
export interface LogFormContext {
  session: NetworkSession;
  /** Ego's id; without one nothing can be logged. */
  ego: string | undefined;
  /** People to start with (the selected person). */
  with: string[];
  /** The default date (today). */
  today: string;
  /** Values to start with other than the defaults (the "This week" tab's "Done": a meeting of the planned minutes). */
  prefill?: { kind?: ExchangeKind; minutes?: number; note?: string };
  /** Applies the edits; resolves with the failure when core refused them. */
  apply(edits: NetworkEdit[], label: string): Promise<FailureData | undefined>;
}

/** Opens the "Log exchange" dialog. */
export function openLogForm(ctx: LogFormContext): void {
  const date = field("Date", h("input", { attrs: { type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", value: ctx.today, autocomplete: "off" } }), "YYYY-MM-DD");
  const withPicker = new PeoplePicker("With", ctx.session, true, ctx.with);
  const withField = field("With", withPicker.box.input, undefined, withPicker.element);
  const kindSelect = h("select", {}, ...LOGGED_KINDS.map((k) => h("option", { attrs: { value: k }, text: KIND_TEXT[k] })));
  const kind = field("Kind", kindSelect);
  const introducedPicker = new PeoplePicker("Introduced to", ctx.session, false);
  const introduced = field("Introduced to", introducedPicker.box.input, undefined, introducedPicker.element);
  const directionSelect = h("select", {}, ...(Object.keys(DIRECTION_TEXT) as Direction[]).map((d) => h("option", { attrs: { value: d }, text: DIRECTION_TEXT[d] })));
  const direction = field("Direction", directionSelect);
  const valueInput = h("input", { attrs: { type: "text", inputmode: "decimal", autocomplete: "off" } });
  const value = field("Value", valueInput, "favour units: a tip is 1, a favour 3");
  const minutes = field("Minutes", h("input", { attrs: { type: "text", inputmode: "numeric", autocomplete: "off" } }));
  const noteInput = h("textarea", { attrs: { rows: 2 } });
  const note = field("Note", noteInput, "private: never exported or drawn");
  const confidentialBox = h("input", { attrs: { type: "checkbox" } });
  const confidential = field("Confidential", confidentialBox, "said or done in confidence");
  const fields: Record<LogField, Field> = { Date: date, With: withField, Kind: kind, "Introduced to": introduced, Direction: direction, Value: value, Minutes: minutes, Note: note, Confidential: confidential };

  // the value follows the kind until it is typed over
  let valueTyped = false;
  valueInput.addEventListener("input", () => (valueTyped = true));
  const kindChanged = () => {
    const k = kindSelect.value as ExchangeKind;
    if (!valueTyped) valueInput.value = String(DEFAULT_KIND_VALUES[k]);
    introduced.element.hidden = k !== "introduction";
    if (k === "meeting") directionSelect.value = "both";
    else if (directionSelect.value === "both") directionSelect.value = "gave";
  };
  kindSelect.addEventListener("change", kindChanged);
  kindSelect.value = ctx.prefill?.kind ?? "information";
  kindChanged();
  if (ctx.prefill?.minutes !== undefined) (minutes.control as HTMLInputElement).value = String(ctx.prefill.minutes);
  if (ctx.prefill?.note !== undefined) noteInput.value = ctx.prefill.note;

  const d = openDialog(
    "Log exchange",
    "Log",
    [ctx.ego === undefined ? h("p", { class: "problem", text: "This network has no ego: choose which one is you first (the sidebar asks), then log exchanges." }) : null, ...Object.values(fields).map((f) => f.element)],
    async () => {
      if (ctx.ego === undefined) return;
      const edits = exchangeEdits(
        {
          date: (date.control as HTMLInputElement).value,
          with: withPicker.ids,
          kind: kindSelect.value as ExchangeKind,
          direction: directionSelect.value as Direction,
          value: valueInput.value,
          minutes: (minutes.control as HTMLInputElement).value,
          note: noteInput.value,
          confidential: confidentialBox.checked,
          introduced: introducedPicker.ids[0] ?? "",
        },
        ctx.ego,
      );
      const failure = await ctx.apply(edits, "Log exchange");
      if (!failure) return d.close();
      showProblems(failure, fields, d.formError, fieldOfPointer, (name, p) => (p.code === "missing-field" && name === "With" ? "Choose at least one person." : p.code === "missing-field" && name === "Introduced to" ? "Choose who was introduced." : undefined));
      d.dialog.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    },
  );
  (ctx.with.length ? date.control : withPicker.box.input).focus();
}

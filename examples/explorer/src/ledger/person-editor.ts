/**
 * The "Add person" and "Edit person" dialog: name, email addresses, tags,
 * what they are after, what you can offer them, and the organisation
 * history (job changes as affiliations with dates; a new organisation is
 * added by naming it). Editing also offers "Delete person", which Undo
 * brings back. Core checks every value and accepts all edits or none.
 */
import type { NetworkEdit } from "@tiegraph/core";
import { h, uniqueId } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import type { FailureData } from "../worker/protocol.js";
import { field, openDialog, setFieldError, showProblems, type Field } from "./form-parts.js";
import type { PersonRecord } from "./ledger-protocol.js";
import { freshId, personEdits, personFieldOf, type AffiliationRow } from "./person-edits.js";

/** What the dialog needs from the page. */
export interface PersonEditorContext {
  session: NetworkSession;
  /** The person as they are, or undefined to add one. */
  record: PersonRecord | undefined;
  /** Every organisation (for a new person; an edited one's record has them). */
  organisations: readonly { id: string; name: string }[];
  apply(edits: NetworkEdit[], label: string): Promise<FailureData | undefined>;
  /** Called with the new person's id once added. */
  added?(id: string): void;
}

/** Opens the person editor. */
export function openPersonEditor(ctx: PersonEditorContext): void {
  const p = ctx.record?.person;
  const organisations = ctx.record?.organisations ?? ctx.organisations;
  const input = (value: string, attrs: Record<string, string> = {}) => h("input", { attrs: { type: "text", autocomplete: "off", value, ...attrs } });
  const area = (value: string) => {
    const t = h("textarea", { attrs: { rows: 3 } });
    t.value = value;
    return t;
  };
  const name = field("Name", input(p?.name ?? ""));
  const emails = field("Emails", input((p?.emails ?? []).join(", ")), "separated by commas");
  const tags = field("Tags", input((p?.tags ?? []).join(", ")), "separated by commas");
  const interests = field("What they are after", area((p?.interests ?? []).join("\n")), "one per line");
  const offers = field("What I can offer them", area((p?.offers ?? []).join("\n")), "one per line");

  // the organisation history: one row per affiliation, and a blank row for a new one
  type Row = { element: HTMLElement; read(): AffiliationRow };
  const rows: Row[] = [];
  const rowsBox = h("div", { class: "affiliation-rows" });
  const addRow = (a?: { organisation: string; role?: string; from?: string; to?: string }) => {
    const n = rows.length + 1;
    const org = h("select", { attrs: { "aria-label": `Organisation ${n}` } }, h("option", { attrs: { value: "" }, text: "New organisation…" }), ...organisations.map((o) => h("option", { attrs: { value: o.id }, text: o.name })));
    org.value = a?.organisation ?? "";
    const newOrg = input("", { "aria-label": `New organisation ${n}`, placeholder: "New organisation's name" });
    const role = input(a?.role ?? "", { "aria-label": `Role ${n}`, placeholder: "Role" });
    const from = input(a?.from ?? "", { "aria-label": `From ${n}`, placeholder: "From YYYY-MM-DD" });
    const to = input(a?.to ?? "", { "aria-label": `To ${n}`, placeholder: "To YYYY-MM-DD (empty: still there)" });
    const sync = () => (newOrg.hidden = org.value !== "");
    org.addEventListener("change", sync);
    sync();
    const row: Row = {
      element: h("div", { class: "row affiliation-row" }, org, newOrg, role, from, to),
      read: () => ({ organisation: org.value, newOrganisation: newOrg.value, role: role.value, from: from.value, to: to.value }),
    };
    const remove = h("button", {
      attrs: { type: "button", "aria-label": `Remove organisation ${n}` },
      text: "Remove",
      on: {
        click: () => {
          rows.splice(rows.indexOf(row), 1);
          row.element.remove();
        },
      },
    });
    row.element.append(remove);
    rows.push(row);
    rowsBox.append(row.element);
  };
  for (const a of ctx.record?.affiliations ?? []) addRow(a);
  const addRowButton = h("button", { attrs: { type: "button" }, text: "Add organisation", on: { click: () => addRow() } });
  // a group of fields, named by its legend; its error is its own
  const historyError = h("p", { class: "field-error", attrs: { id: uniqueId("history-error"), hidden: true, "data-error-for": "Organisation history" } });
  rowsBox.setAttribute("aria-describedby", historyError.id);
  const history: Field = {
    element: h("fieldset", { class: "field" }, h("legend", { text: "Organisation history" }), h("p", { class: "muted small", text: "A job change is a new row: give the old one an end date." }), rowsBox, addRowButton, historyError),
    control: rowsBox,
    error: historyError,
  };
  const fields: Record<string, Field> = { Name: name, Emails: emails, Tags: tags, "What they are after": interests, "What I can offer them": offers, "Organisation history": history };

  const value = (f: Field) => (f.control as HTMLInputElement | HTMLTextAreaElement).value;
  const extra: HTMLElement[] = [];
  if (p) {
    extra.push(
      h("button", {
        class: "danger",
        attrs: { type: "button" },
        text: "Delete person",
        on: {
          click: async () => {
            const failure = await ctx.apply([{ op: "remove-person", id: p.id }], `Delete ${p.name}`);
            if (!failure) d.close();
            else showProblems(failure, fields, d.formError, personFieldOf);
          },
        },
      }),
    );
  }
  const d = openDialog(
    p ? "Edit person" : "Add person",
    p ? "Save changes" : "Add",
    Object.values(fields).map((f) => f.element),
    async () => {
      // core takes any text as a name; a person nobody can tell apart on screen is the page's concern
      setFieldError(name, value(name).trim() === "" ? "Give the person a name." : undefined);
      if (value(name).trim() === "") return name.control.focus();
      const id = p?.id ?? freshId(value(name), (x) => ctx.session.hasPerson(x), "person");
      const edits = personEdits(
        p,
        ctx.record?.affiliations ?? [],
        id,
        { name: value(name), emails: value(emails), tags: value(tags), interests: value(interests), offers: value(offers), affiliations: rows.map((r) => r.read()) },
        (x) => organisations.some((o) => o.id === x),
      );
      if (!edits.length) return d.close();
      const failure = await ctx.apply(edits, p ? `Edit ${p.name}` : "Add person");
      if (!failure) {
        d.close();
        if (!p) ctx.added?.(id);
        return;
      }
      showProblems(failure, fields, d.formError, personFieldOf);
      d.dialog.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    },
    extra,
  );
  name.control.focus();
}

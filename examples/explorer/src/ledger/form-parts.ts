/**
 * The pieces the ledger's dialogs are built from: a modal dialog named for
 * screen readers, labelled fields with a slot for an inline error each, and
 * a person picker (the search box, several people for a group meeting). All
 * text goes in as text, never as HTML.
 */
import { h, replaceChildren, uniqueId } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { SearchBox } from "../search/search-box.js";
import { searchNetwork } from "../search/search-index.js";
import type { FailureData } from "../worker/protocol.js";

/** A modal dialog with a form; closing removes it from the page. */
export interface LedgerDialog {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  /** The error about the whole form (not one field). */
  formError: HTMLElement;
  close(): void;
}

/** Opens a modal dialog named `title`, with the given content and a submit button `submitText`. */
export function openDialog(title: string, submitText: string, content: (Node | null)[], onSubmit: () => void | Promise<void>, extraButtons: HTMLElement[] = []): LedgerDialog {
  const titleId = uniqueId("dialog-title");
  const formError = h("p", { class: "problem", attrs: { role: "alert", "data-form-error": "", hidden: true } });
  const form = h("form", { attrs: { method: "dialog", novalidate: true } });
  const dialog = h("dialog", { class: "ledger-dialog", attrs: { "aria-labelledby": titleId } }, h("h2", { attrs: { id: titleId }, text: title }), form);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const submit = h("button", { class: "primary", attrs: { type: "submit" }, text: submitText });
  form.append(
    ...content.filter((c): c is Node => c !== null),
    formError,
    h("div", { class: "row dialog-buttons" }, submit, ...extraButtons, h("button", { attrs: { type: "button" }, text: "Cancel", on: { click: close } })),
  );
  let busy = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // one submission at a time: the button says so while one is being saved (Enter in a field submits too, hence the flag)
    if (busy) return;
    busy = true;
    submit.disabled = true;
    void Promise.resolve(onSubmit()).finally(() => {
      busy = false;
      submit.disabled = false;
    });
  });
  dialog.addEventListener("close", () => dialog.remove());
  // keys typed in the dialog are the dialog's (Escape closes it; Ctrl+Z undoes typing, not an edit)
  dialog.addEventListener("keydown", (e) => e.stopPropagation());
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, form, formError, close };
}

/** A labelled field with its inline error. */
export interface Field<E extends HTMLElement = HTMLElement> {
  element: HTMLElement;
  control: E;
  error: HTMLElement;
}

/**
 * Wraps a control with its label (the accessible name) and an error slot it
 * is described by; `body` is what is shown for the control when it is part
 * of something larger (a picker's search box).
 */
export function field<E extends HTMLElement>(label: string, control: E, hint?: string, body: HTMLElement = control): Field<E> {
  const id = control.id || uniqueId("field");
  control.id = id;
  const errorId = `${id}-error`;
  const error = h("p", { class: "field-error", attrs: { id: errorId, hidden: true, "data-error-for": label } });
  control.setAttribute("aria-describedby", errorId);
  const element = h("div", { class: "field" }, h("label", { attrs: { for: id }, text: label }), body, hint ? h("span", { class: "muted small", text: ` ${hint}` }) : null, error);
  return { element, control, error };
}

/** Shows (or clears, with undefined) a field's inline error. */
export function setFieldError(f: Field, message: string | undefined): void {
  f.error.hidden = message === undefined;
  f.error.textContent = message ?? "";
  if (message === undefined) f.control.removeAttribute("aria-invalid");
  else f.control.setAttribute("aria-invalid", "true");
}

/** A core problem in words: what was wrong, and what was expected. */
export function problemText(p: { message: string; expected?: string }): string {
  return p.expected ? `${p.message}; expected ${p.expected}` : p.message;
}

/**
 * Shows a failed edit's problems beside the fields they are about
 * (`fieldOf` maps a problem's pointer to a field); the rest go to the
 * form's own error. Returns how many problems were shown.
 */
export function showProblems(failure: FailureData, fields: Record<string, Field>, formError: HTMLElement, fieldOf: (pointer: string | undefined) => string | undefined, word?: (field: string, problem: { code: string; message: string; expected?: string }) => string | undefined): number {
  for (const f of Object.values(fields)) setFieldError(f, undefined);
  const problems = failure.problems?.length ? failure.problems : [{ code: failure.code ?? "", message: failure.message }];
  const general: string[] = [];
  const shown = new Set<string>();
  for (const p of problems) {
    const name = fieldOf("pointer" in p ? p.pointer : undefined);
    const f = name === undefined ? undefined : fields[name];
    if (!f || !name) general.push(problemText(p));
    else if (!shown.has(name)) {
      shown.add(name);
      setFieldError(f, word?.(name, p) ?? problemText(p));
    }
  }
  formError.hidden = general.length === 0;
  formError.textContent = general.join(" ");
  return problems.length;
}

/** A person picker: the search box plus the chosen people, each removable. */
export class PeoplePicker {
  readonly element: HTMLElement;
  readonly box: SearchBox;
  private readonly chosenList = h("ul", { class: "tags chosen", attrs: { "aria-label": "Chosen people" } });
  private chosen: string[] = [];

  constructor(
    label: string,
    private readonly session: NetworkSession,
    private readonly multiple: boolean,
    initial: string[] = [],
  ) {
    this.box = new SearchBox({
      label,
      placeholder: multiple ? "Type a name; several for a group" : "Type a name",
      search: (q) => searchNetwork(session.search, q).filter((hit) => hit.kind === "person" && !this.chosen.includes(hit.id)),
      onPick: (hit) => {
        this.chosen = this.multiple ? [...this.chosen, hit.id] : [hit.id];
        this.box.setText("");
        this.render();
        this.box.input.focus();
      },
    });
    this.chosen = initial.filter((id) => session.hasPerson(id));
    this.element = h("div", { class: "picker" }, this.chosenList, this.box.element);
    this.render();
  }

  /** The chosen people's ids. */
  get ids(): string[] {
    return [...this.chosen];
  }

  private render(): void {
    replaceChildren(
      this.chosenList,
      ...this.chosen.map((id) =>
        h(
          "li",
          { attrs: { "data-person": id } },
          this.session.personName(id),
          h("button", {
            attrs: { type: "button", "aria-label": `Remove ${this.session.personName(id)}` },
            text: "×",
            on: {
              click: () => {
                this.chosen = this.chosen.filter((x) => x !== id);
                this.render();
              },
            },
          }),
        ),
      ),
    );
  }
}

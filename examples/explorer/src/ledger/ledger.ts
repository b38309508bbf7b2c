/**
 * The ledger kept in the page: the toolbar (Log exchange, Add person, Merge
 * people, Undo, Redo, Save, the unsaved-changes mark), the keyboard
 * shortcuts, and the flow of every edit: the edits go to the worker, which
 * applies them to its network with core's `Network.edit` (all or nothing)
 * and publishes the network again under a new generation, so the ledger,
 * strengths, souring, E-I, paths and the graph all follow at once; the page
 * keeps the undo edits for Undo, and stores the working network in the
 * browser (encrypted when it was opened encrypted) after every edit.
 */
import type { NetworkEdit } from "@tiegraph/core";
import "./ledger.css";
import { h, replaceChildren, shownText } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { WorkerError, type NetworkClient } from "../worker/network-client.js";
import type { FailureData, LoadedNetworkData, NetworkSource } from "../worker/protocol.js";
import { clearWorkingCopy, loadWorkingCopies, storeWorkingCopy, type WorkingCopy } from "./browser-store.js";
import { todayText } from "./exchange-edits.js";
import { field, openDialog, problemText, setFieldError } from "./form-parts.js";
import { EditHistory } from "./history.js";
import { DEFAULT_AS_OF, type AsOfChoice, type TextEncryption } from "./ledger-protocol.js";
import { openLogForm, type LogFormContext } from "./log-form.js";
import { openMergePeople } from "./merge-people.js";
import { openPersonEditor } from "./person-editor.js";
import { saveText } from "./save-file.js";

/** Most stored working copies offered after a reload. */
export const STORED_COPIES_OFFERED = 5;

/** Keyboard shortcut of "Log exchange" (no modifier, outside text fields). */
export const LOG_SHORTCUT = "l";

/** What the ledger needs from the page. */
export interface LedgerHost {
  client: NetworkClient;
  session(): NetworkSession | undefined;
  /** The selected person ("" for none). */
  selected(): string;
  /** Shows a network published after an edit, keeping the page's state; false when it could not be drawn. */
  adopt(data: LoadedNetworkData): boolean;
  select(id: string): void;
  /** Opens a network as if the reader had opened the files. */
  open(source: NetworkSource): Promise<void>;
}

/** The page's ledger controls and edit flow. */
export class Ledger {
  readonly element: HTMLElement;
  private readonly history = new EditHistory();
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly unsavedMark = h("span", { class: "unsaved", attrs: { role: "status", "data-unsaved": "false" } });
  private readonly message = h("span", { class: "muted ledger-message", attrs: { role: "status", "data-ledger-message": "" } });
  readonly offer = h("div", { class: "continue-offer", attrs: { role: "region", "aria-label": "Unsaved work", hidden: true } });
  /** The generation the page shows because of an edit (not a load). */
  private edited = -1;
  /** Where Save writes in place, when known. */
  private handle: FileSystemFileHandle | undefined;
  /** The handle of a network file dropped on the page, while it is being opened (Chromium gives one). */
  private dropped: Promise<FileSystemFileHandle | undefined> | undefined;
  /** Working copies stored since the page opened. */
  private stores = 0;
  /** A stored working copy being opened again. */
  private continuing: WorkingCopy | undefined;
  private readonly asOfSelect: HTMLSelectElement;
  private readonly asOfDay = h("input", { attrs: { type: "text", inputmode: "numeric", placeholder: "YYYY-MM-DD", "aria-label": "As of day", size: 10, hidden: true } });
  private readonly asOfError = h("span", { class: "field-error", attrs: { role: "alert", "data-error-for": "As of", hidden: true } });
  /** Edits and saves one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: LedgerHost) {
    const button = (text: string, title: string, onClick: () => void, action: string) => h("button", { attrs: { type: "button", title, "data-action": action }, text, on: { click: onClick } });
    this.undoButton = button("Undo", "Undo the last edit (Ctrl+Z or ⌘Z)", () => void this.undo(), "undo");
    this.redoButton = button("Redo", "Redo (Shift+Ctrl+Z or Shift+⌘Z)", () => void this.redo(), "redo");
    this.saveButton = button("Save", "Save the network file (in place where the browser can, else as a download)", () => void this.save({ kind: "as-opened" }), "save");
    this.asOfSelect = h(
      "select",
      { attrs: { "aria-label": "As of", title: "The day every figure (strengths, balances, souring, paths) is computed as of", "data-action": "as-of" } },
      h("option", { attrs: { value: "today" }, text: `Today, ${todayText()}` }),
      h("option", { attrs: { value: "last-exchange" }, text: "The last exchange" }),
      h("option", { attrs: { value: "day" }, text: "Another day…" }),
    );
    this.asOfSelect.value = DEFAULT_AS_OF.kind;
    this.asOfSelect.addEventListener("change", () => {
      this.asOfDay.hidden = this.asOfSelect.value !== "day";
      if (this.asOfSelect.value === "day") this.asOfDay.focus();
      else void this.chooseAsOf({ kind: this.asOfSelect.value as "today" | "last-exchange" });
    });
    this.asOfDay.addEventListener("change", () => void this.chooseAsOf({ kind: "day", date: this.asOfDay.value.trim() }));
    this.element = h(
      "div",
      { class: "ledger-tools", attrs: { role: "toolbar", "aria-label": "Ledger" } },
      button("Log exchange", "Log an exchange (L)", () => this.logExchange([]), "log-exchange"),
      button("Add person", "Add a person", () => this.addPerson(), "add-person"),
      button("Merge people", "Merge two people who are the same", () => void this.mergePeople(), "merge-people"),
      this.undoButton,
      this.redoButton,
      this.saveButton,
      button("Save encrypted…", "Save the network file encrypted with a passphrase", () => this.askPassphraseAndSave(), "save-encrypted"),
      h("label", { class: "row as-of" }, "Figures as of ", this.asOfSelect),
      this.asOfDay,
      this.asOfError,
      this.unsavedMark,
      this.message,
    );
    document.addEventListener("keydown", (e) => this.key(e));
    // before the page's own drop handler: the handle must be asked for while the event lasts
    window.addEventListener("drop", (e) => this.noteDrop(e), { capture: true });
    this.render();
  }

  /** Keeps the handle of a single dropped file, so that Save can write that file in place. */
  private noteDrop(e: DragEvent): void {
    const items = [...(e.dataTransfer?.items ?? [])].filter((i) => i.kind === "file");
    const item = items.length === 1 ? (items[0] as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }) : undefined;
    this.dropped = item?.getAsFileSystemHandle?.().then(
      (handle) => (handle?.kind === "file" ? (handle as FileSystemFileHandle) : undefined),
      () => undefined,
    );
  }

  /** Offers to continue the working copies stored by earlier visits, if any (the latest few). */
  async offerStoredCopy(): Promise<void> {
    let copies: WorkingCopy[];
    try {
      copies = await loadWorkingCopies();
    } catch {
      return; // storage refused (private mode): nothing to offer
    }
    const shown = copies.slice(0, STORED_COPIES_OFFERED);
    if (!shown.length) return;
    const line = (copy: WorkingCopy): HTMLElement => {
      const row: HTMLElement = h(
        "p",
        { attrs: { "data-copy": copy.name } },
        h("span", { text: `Your working copy of ${copy.name} (${copy.edits} ${copy.edits === 1 ? "edit" : "edits"}${copy.unsaved ? ", not saved to the file" : ""}${copy.encrypted ? ", encrypted" : ""}) is kept in this browser since ${copy.storedAt.slice(0, 16).replace("T", " ")}. ` }),
        h("button", { class: "primary", attrs: { type: "button", "aria-label": `Continue ${copy.name}` }, text: "Continue it", on: { click: () => void this.continueCopy(copy) } }),
        h("button", {
          attrs: { type: "button", "aria-label": `Discard ${copy.name}` },
          text: "Discard it",
          on: {
            click: () => {
              row.remove();
              if (!this.offer.querySelector("[data-copy]")) this.offer.hidden = true;
              void clearWorkingCopy(copy.name);
            },
          },
        }),
      );
      return row;
    };
    replaceChildren(this.offer, ...shown.map(line));
    this.offer.hidden = false;
  }

  private async continueCopy(copy: WorkingCopy): Promise<void> {
    this.offer.hidden = true;
    // the working copy is a network file, whatever the files it was first imported from
    const name = /\.json$/i.test(copy.name) ? copy.name : `${copy.name.replace(/[^\w.-]+/g, "-")}.json`;
    this.continuing = { ...copy, name };
    if (name !== copy.name) await clearWorkingCopy(copy.name).then(() => storeWorkingCopy({ ...copy, name }), () => undefined);
    await this.host.open({ kind: "files", files: [new File([copy.text], name, { type: "application/json" })] });
  }

  /** Called by the page whenever it shows a network: a new file starts a new history. */
  adopted(session: NetworkSession): void {
    if (session.number === this.edited) return this.render();
    const copy = this.continuing?.name === session.name ? this.continuing : undefined;
    this.continuing = undefined;
    this.history.reset(!copy?.unsaved);
    this.handle = copy?.handle;
    const dropped = this.dropped;
    this.dropped = undefined;
    // a dropped network file (not an imported CSV or calendar) is saved back where it came from
    if (dropped && !copy && /\.json$/i.test(session.name))
      void dropped.then((handle) => {
        if (handle?.name === session.name && this.host.session() === session) this.handle = handle;
      });
    this.message.textContent = copy ? shownText(`Continuing your working copy of ${session.name}.`) : "";
    this.render();
  }

  /** Opens "Log exchange", with the given people in "With" (and, from "This week", a date and values to start with). */
  logExchange(withPeople: string[], start?: { date?: string; prefill?: LogFormContext["prefill"] }): void {
    const session = this.host.session();
    if (!session) return;
    openLogForm({ session, ego: session.ego, with: withPeople, today: start?.date ?? todayText(), ...(start?.prefill ? { prefill: start.prefill } : {}), apply: (edits, label) => this.apply(edits, label) });
  }

  /** Opens "Add person". */
  addPerson(): void {
    const session = this.host.session();
    if (!session) return;
    openPersonEditor({ session, record: undefined, organisations: session.organisations, apply: (edits, label) => this.apply(edits, label), added: (id) => this.host.select(id) });
  }

  /** Opens "Edit person" for a person. */
  async editPerson(id: string): Promise<void> {
    const session = this.host.session();
    if (!session) return;
    try {
      const { record } = await this.host.client.ledger(session.number, { kind: "person-record", person: id });
      openPersonEditor({ session, record, organisations: session.organisations, apply: (edits, label) => this.apply(edits, label) });
    } catch (e) {
      this.say(e instanceof Error ? e.message : String(e));
    }
  }

  private async mergePeople(): Promise<void> {
    const session = this.host.session();
    if (!session) return;
    try {
      const { suggestions } = await this.host.client.ledger(session.number, { kind: "merge-suggestions" });
      openMergePeople({ session, suggestions, keep: this.host.selected() || undefined, apply: (edits, label) => this.apply(edits, label) });
    } catch (e) {
      this.say(e instanceof Error ? e.message : String(e));
    }
  }

  /** Applies edits through the worker and records them for Undo; resolves with core's failure when refused (nothing changed). */
  apply(edits: NetworkEdit[], label: string): Promise<FailureData | undefined> {
    return this.serial(async () => {
      const result = await this.run(edits);
      if ("failure" in result) return result.failure;
      this.history.push({ label, redo: edits, undo: result.undo });
      this.say(`${label}: done.`);
      await this.afterEdit();
      return undefined;
    });
  }

  private async undo(): Promise<void> {
    await this.serial(async () => {
      const step = this.history.peekUndo();
      if (!step) return;
      const result = await this.run(step.undo);
      if ("failure" in result) return this.say(`Could not undo: ${result.failure.message}`);
      this.history.undone(result.undo);
      this.say(`Undone: ${step.label}.`);
      await this.afterEdit();
    });
  }

  private async redo(): Promise<void> {
    await this.serial(async () => {
      const step = this.history.peekRedo();
      if (!step) return;
      const result = await this.run(step.redo);
      if ("failure" in result) return this.say(`Could not redo: ${result.failure.message}`);
      this.history.redone(result.undo);
      this.say(`Redone: ${step.label}.`);
      await this.afterEdit();
    });
  }

  /** Sets the day every figure is as of: the worker publishes the network again (not an edit: nothing to undo or save). */
  private chooseAsOf(choice: AsOfChoice): Promise<void> {
    return this.serial(async () => {
      const session = this.host.session();
      if (!session) return;
      try {
        const data = await this.host.client.asOf(session.number, choice);
        this.asOfError.hidden = true;
        this.asOfDay.removeAttribute("aria-invalid");
        this.edited = data.network;
        this.host.adopt(data);
      } catch (e) {
        if (!(e instanceof WorkerError)) throw e;
        const p = e.failure.problems?.[0];
        this.asOfError.textContent = p ? problemText(p) : e.failure.message;
        this.asOfError.hidden = false;
        this.asOfDay.setAttribute("aria-invalid", "true");
      }
    });
  }

  /** Sends edits to the worker and shows the network it publishes; the undo edits, or the failure. */
  private async run(edits: NetworkEdit[]): Promise<{ undo: NetworkEdit[] } | { failure: FailureData }> {
    const session = this.host.session();
    if (!session) return { failure: { message: "no network is open", code: undefined, file: undefined, line: undefined, column: undefined, record: undefined } };
    try {
      performance.clearMarks("tiegraph:edit-start");
      performance.mark("tiegraph:edit-start");
      const data = await this.host.client.edit(session.number, edits);
      this.edited = data.network;
      this.host.adopt(data);
      // from sending the edit to the page showing its result (what a benchmark reads)
      performance.measure("tiegraph:edit", "tiegraph:edit-start");
      return { undo: data.undo ?? [] };
    } catch (e) {
      if (e instanceof WorkerError) return { failure: e.failure };
      throw e;
    }
  }

  /** After every edit: the working copy goes to the browser's storage, the controls follow. */
  private async afterEdit(): Promise<void> {
    this.render();
    const session = this.host.session();
    if (!session) return;
    try {
      const { text, encrypted } = await this.host.client.ledger(session.number, { kind: "text", encryption: { kind: "as-opened" } });
      const copy: WorkingCopy = { name: session.name, text, encrypted, unsaved: this.history.unsaved, storedAt: new Date().toISOString(), edits: this.history.undoCount };
      if (this.handle) copy.handle = this.handle;
      await storeWorkingCopy(copy);
      // tests wait for this count to know the copy is stored
      this.element.dataset.stored = String(++this.stores);
    } catch (e) {
      this.say(`Could not keep the working copy in this browser: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Saves the network file; `encryption` asks for a new passphrase, else as opened. */
  private save(encryption: TextEncryption): Promise<void> {
    return this.serial(async () => {
      const session = this.host.session();
      if (!session) return;
      try {
        const { text, encrypted } = await this.host.client.ledger(session.number, { kind: "text", encryption });
        const name = /\.json$/i.test(session.name) ? session.name : `${session.name.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-")}.tiegraph.json`;
        const outcome = await saveText(text, name, this.handle);
        if (outcome.kind === "cancelled") return;
        if (outcome.kind === "in-place") this.handle = outcome.handle;
        this.history.markSaved();
        const copy: WorkingCopy = { name: session.name, text, encrypted, unsaved: false, storedAt: new Date().toISOString(), edits: this.history.undoCount };
        if (this.handle) copy.handle = this.handle;
        await storeWorkingCopy(copy).catch(() => undefined);
        this.say(`${outcome.kind === "in-place" ? `Saved to ${outcome.name}` : `Downloaded ${outcome.name}`}${encrypted ? " (encrypted)" : ""}.`);
      } catch (e) {
        this.say(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
      }
      this.render();
    });
  }

  private askPassphraseAndSave(): void {
    const one = field("Passphrase", h("input", { attrs: { type: "password", autocomplete: "new-password" } }));
    const two = field("Repeat the passphrase", h("input", { attrs: { type: "password", autocomplete: "new-password" } }));
    const d = openDialog("Save encrypted", "Save encrypted", [h("p", { class: "small", text: "The file is encrypted with this passphrase (PBKDF2 and AES-GCM); without it nobody can open the file, you included. The browser's working copy is encrypted too from now on." }), one.element, two.element], () => {
      const a = (one.control as HTMLInputElement).value;
      const b = (two.control as HTMLInputElement).value;
      setFieldError(one, a.length < 8 ? "Use at least 8 characters." : undefined);
      setFieldError(two, a !== b ? "The two passphrases differ." : undefined);
      if (a.length < 8 || a !== b) return;
      d.close();
      void this.save({ kind: "encrypt", passphrase: a });
    });
    one.control.focus();
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private say(text: string): void {
    this.message.textContent = shownText(text);
  }

  private render(): void {
    const h0 = this.history;
    this.undoButton.disabled = h0.undoCount === 0;
    this.redoButton.disabled = h0.redoCount === 0;
    this.undoButton.title = h0.peekUndo() ? `Undo ${h0.peekUndo()!.label} (Ctrl+Z or ⌘Z)` : "Nothing to undo";
    this.redoButton.title = h0.peekRedo() ? `Redo ${h0.peekRedo()!.label} (Shift+Ctrl+Z or Shift+⌘Z)` : "Nothing to redo";
    this.unsavedMark.dataset.unsaved = String(h0.unsaved);
    this.unsavedMark.textContent = h0.unsaved ? "Unsaved changes" : "";
    this.saveButton.classList.toggle("primary", h0.unsaved);
  }

  private key(e: KeyboardEvent): void {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable);
    if (typing || document.querySelector("dialog[open]")) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && e.key.toLowerCase() === "z") {
      e.preventDefault();
      void (e.shiftKey ? this.redo() : this.undo());
    } else if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "y") {
      e.preventDefault();
      void this.redo();
    } else if (!mod && !e.altKey && e.key.toLowerCase() === LOG_SHORTCUT) {
      e.preventDefault();
      const sel = this.host.selected();
      this.logExchange(sel ? [sel] : []);
    }
  }
}

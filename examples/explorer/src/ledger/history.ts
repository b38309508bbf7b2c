/**
 * Undo and redo of the page's edits. Each step holds the edits that were
 * applied and the edits core's `Network.edit` gave back to undo them; undoing
 * applies the latter, and the worker answers with the edits that redo it
 * (which replace the step's own, so positions stay exact). The history also
 * knows which step the file on disk matches, for the "unsaved changes" mark.
 */
import type { NetworkEdit } from "@tiegraph/core";

/** One undoable step: a label for the buttons' titles, and both directions. */
export interface EditStep {
  /** What the step did, e.g. "Log exchange" (shown as "Undo Log exchange"). */
  label: string;
  redo: NetworkEdit[];
  undo: NetworkEdit[];
}

/**
 * A linear history of edit steps with a cursor. Applying a new step drops
 * everything that could have been redone. The step count at the last save
 * (or load) tells whether there are unsaved changes; a save position that
 * has been cut away by a new step can never be reached again.
 *
 * @example
 * ```ts
 * const h = new EditHistory();
 * h.push({ label: "Log exchange", redo: edits, undo: network.edit(edits) });
 * const step = h.peekUndo(); // apply step.undo, then:
 * h.undone(redoEdits);
 * ```
 */
export class EditHistory {
  private readonly steps: EditStep[] = [];
  private cursor = 0;
  /** Cursor position that matches the saved file; -1 when none can. */
  private savedAt = 0;

  /** Records a step that was just applied. */
  push(step: EditStep): void {
    if (this.savedAt > this.cursor) this.savedAt = -1;
    this.steps.length = this.cursor;
    this.steps.push(step);
    this.cursor++;
  }

  /** The step an undo would reverse, if any. */
  peekUndo(): EditStep | undefined {
    return this.cursor > 0 ? this.steps[this.cursor - 1] : undefined;
  }

  /** The step a redo would apply again, if any. */
  peekRedo(): EditStep | undefined {
    return this.steps[this.cursor];
  }

  /** Marks the last step undone; `redo` are the edits the undo gave back. */
  undone(redo: NetworkEdit[]): void {
    const step = this.steps[--this.cursor]!;
    step.redo = redo;
  }

  /** Marks the next step redone; `undo` are the edits the redo gave back. */
  redone(undo: NetworkEdit[]): void {
    const step = this.steps[this.cursor++]!;
    step.undo = undo;
  }

  /** Notes that the file now holds the network as it is. */
  markSaved(): void {
    this.savedAt = this.cursor;
  }

  /** Forgets every step (a new network was opened); `saved` says whether it matches a file. */
  reset(saved: boolean): void {
    this.steps.length = 0;
    this.cursor = 0;
    this.savedAt = saved ? 0 : -1;
  }

  /** Whether the network differs from the file last saved or opened. */
  get unsaved(): boolean {
    return this.savedAt !== this.cursor;
  }

  /** Steps that can be undone. */
  get undoCount(): number {
    return this.cursor;
  }

  /** Steps that can be redone. */
  get redoCount(): number {
    return this.steps.length - this.cursor;
  }
}

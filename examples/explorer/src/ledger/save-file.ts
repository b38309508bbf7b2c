/**
 * Writing the network file from the page: in place through the File System
 * Access API where the browser has it (the handle of the file opened or
 * saved before, or a new one from the save picker), as a download
 * elsewhere. A writable stream of the File System Access API writes to a
 * temporary file and swaps it in on close, so a save is atomic.
 */

/** The parts of the File System Access API the page uses (Chromium has them; types are not in lib.dom yet). */
interface SavePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<FileSystemFileHandle>;
}

/** How a save went. */
export type SaveOutcome = { kind: "in-place"; handle: FileSystemFileHandle; name: string } | { kind: "download"; name: string } | { kind: "cancelled" };

/** Whether the browser can save in place. */
export function canSaveInPlace(): boolean {
  return typeof (window as SavePickerWindow).showSaveFilePicker === "function";
}

/**
 * Writes `text` to the file behind `handle`, or to one the reader picks, or
 * as a download where the browser cannot write files.
 *
 * @example await saveText(text, "network.json", knownHandle)
 */
export async function saveText(text: string, name: string, handle: FileSystemFileHandle | undefined): Promise<SaveOutcome> {
  const w = window as SavePickerWindow;
  let target = handle;
  if (!target && typeof w.showSaveFilePicker === "function") {
    try {
      target = await w.showSaveFilePicker({ suggestedName: name, types: [{ description: "tiegraph network file", accept: { "application/json": [".json"] } }] });
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") return { kind: "cancelled" };
      throw e;
    }
  }
  if (target) {
    const writable = await (target as FileSystemFileHandle & { createWritable(): Promise<FileSystemWritableFileStream> }).createWritable();
    try {
      await writable.write(text);
      await writable.close();
    } catch (e) {
      await writable.abort().catch(() => undefined);
      throw e;
    }
    return { kind: "in-place", handle: target, name: target.name };
  }
  download(text, name);
  return { kind: "download", name };
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The working networks in the browser's own storage (IndexedDB), written
 * after every edit so that a reload, a crash or a closed tab loses nothing.
 * One record per file name (so opening and editing another file does not
 * replace the first one's unsaved work): the network file's text (an encrypted envelope when the
 * network was opened encrypted: the passphrase stays in memory, never here),
 * its name, whether it has changes the file on disk lacks, and the file's
 * handle for saving in place where the browser has one.
 */

/** What is kept of the working network. */
export interface WorkingCopy {
  /** File name shown for it. */
  name: string;
  /** The network file's text, or its encrypted envelope. */
  text: string;
  encrypted: boolean;
  /** Whether it has changes not yet saved to the file. */
  unsaved: boolean;
  /** When it was stored (ISO time). */
  storedAt: string;
  /** Edits made since it was opened. */
  edits: number;
  /** Where "Save" writes in place (File System Access API), when known. */
  handle?: FileSystemFileHandle;
}

const DB_NAME = "tiegraph-explorer";
const STORE = "working";

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("the browser's storage could not be opened"));
  });
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = run(tx.objectStore(STORE));
      // resolve once the transaction is durable, not when the request alone succeeded
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error("the browser's storage refused the change"));
      tx.onabort = () => reject(tx.error ?? new Error("the browser's storage refused the change"));
    });
  } finally {
    db.close();
  }
}

/**
 * Stores the working copy, replacing the previous one in one transaction.
 *
 * @example await storeWorkingCopy({ name: "net.json", text, encrypted: false, unsaved: true, storedAt: new Date().toISOString(), edits: 1 })
 */
export async function storeWorkingCopy(copy: WorkingCopy): Promise<void> {
  try {
    await transact("readwrite", (s) => s.put(copy, copy.name));
  } catch (e) {
    // a handle the browser cannot keep (DataCloneError): keep the network, which is what matters
    if (!copy.handle || !(e instanceof DOMException && e.name === "DataCloneError")) throw e;
    const { handle: _handle, ...rest } = copy;
    await transact("readwrite", (s) => s.put(rest, copy.name));
  }
}

/** The stored working copies, the latest first. */
export async function loadWorkingCopies(): Promise<WorkingCopy[]> {
  const found = (await transact<unknown[]>("readonly", (s) => s.getAll())) as WorkingCopy[];
  return found.sort((a, b) => b.storedAt.localeCompare(a.storedAt));
}

/** Forgets the working copy of a file. */
export async function clearWorkingCopy(name: string): Promise<void> {
  await transact("readwrite", (s) => s.delete(name));
}

// Filled in by its issue; re-exports every public measure of this folder.
export {};

/**
 * The ledger's questions to the network worker and its answers: edits
 * (answered by the network published again, with the edits that undo them),
 * the network file's text for saving and for the browser's storage, a
 * person's record for the editor, and people who may be the same.
 */
import type { Affiliation, NetworkEdit, Person } from "@tiegraph/core";

/** How the file text is wanted: as opened (encrypted when it was), plain, or encrypted with a new passphrase. */
export type TextEncryption = { kind: "as-opened" } | { kind: "encrypt"; passphrase: string };

/** The day every figure is as of: today, the last exchange that may be shown, or a given day (YYYY-MM-DD). */
export type AsOfChoice = { kind: "today" } | { kind: "last-exchange" } | { kind: "day"; date: string };

/** The reference day the page starts with (the worker keeps the reader's choice across files). */
export const DEFAULT_AS_OF: AsOfChoice = { kind: "today" };

/** What the ledger asks the worker about network `network`. */
export type LedgerAsk =
  | { kind: "edit"; edits: NetworkEdit[] }
  /** Sets the reference day of every figure; answered like an edit, by the network published again. */
  | { kind: "as-of"; choice: AsOfChoice }
  | { kind: "text"; encryption: TextEncryption }
  | { kind: "person-record"; person: string }
  | { kind: "merge-suggestions" };

/** A person as the editor edits them, with their affiliations in the network's order. */
export interface PersonRecord {
  person: Person;
  affiliations: Affiliation[];
  /** Every organisation, for the affiliation rows. */
  organisations: { id: string; name: string }[];
}

/** Why two people may be the same. */
export type MergeReason = { code: "same-email"; email: string } | { code: "similar-name-same-organisation"; organisation: string };

/** Two people who may be one: keep the first, merge the second into them. */
export interface MergeSuggestion {
  keep: string;
  drop: string;
  keepName: string;
  dropName: string;
  reason: MergeReason;
}

/** The worker's answers (edits are answered with a "loaded" message instead). */
export type LedgerAnswer =
  | { kind: "text"; text: string; encrypted: boolean }
  | { kind: "person-record"; record: PersonRecord }
  | { kind: "merge-suggestions"; suggestions: MergeSuggestion[] };

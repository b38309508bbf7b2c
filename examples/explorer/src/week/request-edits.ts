/**
 * A request change as ledger edits: the page applies "Ask for this
 * introduction" and every step through the ledger, so they join the edit
 * history (Undo, Redo) and the working copy like any other edit.
 */
import type { NetworkEdit, RequestChange } from "@tiegraph/core";

/**
 * The edits `applyRequestChange` makes: an `add-exchange` per exchange the
 * step records, then `put-request` (one all-or-nothing `network.edit`).
 *
 * @example requestChangeEdits({ request, exchanges: [] }) // [{ op: "put-request", request }]
 */
export function requestChangeEdits(change: RequestChange): NetworkEdit[] {
  return [...change.exchanges.map((exchange): NetworkEdit => ({ op: "add-exchange", exchange })), { op: "put-request", request: change.request }];
}

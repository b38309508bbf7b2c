/**
 * What the reader decided about this week's plan entries, kept in the page
 * (for the network's file name, while the page is open; not in the network
 * file, which holds what happened, not what was planned):
 *
 * - **Skip** drops the entry from that week's plan. The rest of the plan
 *   stays as core made it: the minutes are given back to the week, not
 *   refilled with someone else.
 * - **Not this week** moves the entry to the next week: it leaves this
 *   week's plan and shows in the next week's, marked as moved (as an extra
 *   entry if core's plan for that week does not have the person already).
 */
import type { PlanItem } from "@tiegraph/core";

/** An entry moved into a week from the week before. */
export interface MovedEntry {
  /** Monday of the week it was planned in. */
  from: string;
  item: PlanItem;
}

/** Skipped and moved entries of one network, by week (Monday) and person. */
export class WeekChoices {
  private readonly skipped = new Set<string>();
  private readonly moved = new Map<string, MovedEntry>();

  /** Drops `person` from the week starting `monday`. */
  skip(monday: string, person: string): void {
    this.skipped.add(`${monday}|${person}`);
  }

  /** Moves a planned item from the week starting `monday` to the week starting `nextMonday`. */
  postpone(monday: string, nextMonday: string, item: PlanItem): void {
    this.skipped.add(`${monday}|${item.person}`);
    this.moved.set(`${nextMonday}|${item.person}`, { from: monday, item });
  }

  /** Puts an entry back into the week starting `monday` (undoing Skip or Not this week). */
  restore(monday: string, person: string, nextMonday: string): void {
    this.skipped.delete(`${monday}|${person}`);
    const moved = this.moved.get(`${nextMonday}|${person}`);
    if (moved?.from === monday) this.moved.delete(`${nextMonday}|${person}`);
  }

  /** Whether `person` was skipped (or moved on) in the week starting `monday`. */
  isSkipped(monday: string, person: string): boolean {
    return this.skipped.has(`${monday}|${person}`);
  }

  /** The entries moved into the week starting `monday`. */
  movedInto(monday: string): MovedEntry[] {
    const out: MovedEntry[] = [];
    for (const [key, entry] of this.moved) if (key.startsWith(`${monday}|`) && !this.skipped.has(key)) out.push(entry);
    return out;
  }
}

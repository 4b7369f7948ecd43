import { isoDateInJapan } from './dates';

/**
 * The trash's one rule (issue #13 item 3): an item deleted at instant T is kept `days` full
 * days and purged from T + days on. Pure, so the service, the Trash view and the tests agree.
 */
const DAY_MS = 86_400_000;

/** Items trashed at or before this instant are due for purging now. */
export function trashCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** The day (in Japan) from which an item trashed at `trashedAt` is purged. */
export function purgeDueOn(trashedAt: string, days: number): string {
  return isoDateInJapan(new Date(Date.parse(trashedAt) + days * DAY_MS));
}

export function isPurgeDue(trashedAt: string, now: Date, days: number): boolean {
  return trashedAt <= trashCutoff(now, days);
}

import { describe, expect, it } from 'vitest';
import { listKeyAction, listShortcuts } from '../../renderer/src/ui/list-shortcuts';
import { worklistsEn, worklistsJa } from '../../renderer/src/i18n/sections/worklists';

/** #13 items 1 and 5: the list keys the shortcut sheet shows are exactly the keys lists read. */
describe('list shortcuts', () => {
  it('every printed key triggers its own action, and each action has words in both languages', () => {
    for (const s of listShortcuts) {
      for (const key of s.keys) expect(listKeyAction(key === 'J' || key === 'K' ? key.toLowerCase() : key), key).toBe(s.id);
      expect(worklistsJa.worklists.keys[s.id]).toBeTruthy();
      expect(worklistsEn.worklists.keys[s.id]).toBeTruthy();
    }
    expect(listKeyAction('PageDown')).toBe('nextPage');
    expect(listKeyAction('[')).toBe('prevPage');
  });

  it('other keys are left alone (typing, arrows, letters)', () => {
    for (const key of ['a', 'x', 'ArrowDown', 'Tab', 'Escape', ' ', '/', '?']) expect(listKeyAction(key), key).toBeNull();
  });
});

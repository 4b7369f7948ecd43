/** #13 item 5: the shortcut registry the sheet shows, and where Ctrl+↓/↑ and Enter move in the fields. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_ORDER, stepField } from '../../renderer/src/features/cases/file/fieldSteps';
import { en } from '../../renderer/src/i18n/en';
import { ja } from '../../renderer/src/i18n/ja';
import { chordKeys, shortcuts } from '../../renderer/src/ui/shortcuts';
import { FIELDS } from '../../shared/domain/application-form';

describe('the shortcut registry', () => {
  it('every entry has a label in ja and en, ids are unique, and no two entries of overlapping scopes share a binding', () => {
    expect(new Set(shortcuts.map((s) => s.id)).size).toBe(shortcuts.length);
    for (const s of shortcuts) {
      const key = s.label ?? `shortcuts.keys.${s.id}`;
      const get = (tree: unknown) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], tree);
      expect(typeof get(ja), key).toBe('string');
      expect(typeof get(en), key).toBe('string');
      expect(s.keys.length).toBeGreaterThan(0);
    }
    // A global key must not be taken by a page (it would fire twice).
    const bound = shortcuts.filter((s) => s.hotkey).map((s) => ({ scope: s.scope, hotkey: s.hotkey!.toLowerCase() }));
    for (const a of bound) for (const b of bound) if (a !== b && (a.scope === b.scope || a.scope === 'global' || b.scope === 'global')) expect(a.hotkey).not.toBe(b.hotkey);
  });

  it('the sheet prints chords key by key', () => {
    expect(chordKeys('mod+shift+N')).toEqual(['mod', 'shift', 'N']);
    expect(chordKeys('/')).toEqual(['/']);
  });
});

describe('moving between fields to review', () => {
  const names = FIELDS.map((f) => f.name);

  it('the order covers every field of the form once', () => {
    expect([...FIELD_ORDER].sort()).toEqual([...names].sort());
  });

  it('for any set to review and any start: forward lands on the nearest flagged field after it, wrapping; backward likewise', () => {
    fc.assert(
      fc.property(fc.subarray(names), fc.option(fc.constantFrom(...names), { nil: null }), fc.constantFrom(1 as const, -1 as const), (review, from, dir) => {
        const set = new Set(review);
        const next = stepField(from, set, dir);
        if (set.size === 0) {
          // Nothing flagged: simply the neighbouring field.
          const i = from === null ? (dir === 1 ? 0 : FIELD_ORDER.length - 1) : (FIELD_ORDER.indexOf(from) + dir + FIELD_ORDER.length) % FIELD_ORDER.length;
          expect(next).toBe(FIELD_ORDER[i]);
          return;
        }
        expect(set.has(next)).toBe(true);
        // No flagged field lies strictly between the start and the result in that direction.
        const start = from === null ? (dir === 1 ? -1 : FIELD_ORDER.length) : FIELD_ORDER.indexOf(from);
        for (let k = 1; ; k++) {
          const name = FIELD_ORDER[(((start + dir * k) % FIELD_ORDER.length) + FIELD_ORDER.length) % FIELD_ORDER.length]!;
          if (name === next) break;
          expect(set.has(name)).toBe(false);
        }
      }),
    );
  });
});

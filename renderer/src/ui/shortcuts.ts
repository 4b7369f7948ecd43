/**
 * The one registry of keyboard shortcuts (#13 item 5). The shortcut sheet (`?`) lists exactly
 * these entries, so a key that works is a key the sheet shows. Pages bind their keys with
 * Mantine's `useHotkeys` using `hotkey` (its format: `mod` is Ctrl, or ⌘ on a Mac); entries that
 * describe keys a component handles itself (Enter in a form) have `hotkey: null`.
 *
 * Labels live in i18n under `shortcuts.keys.<id>` (ja first, en typed alike), or at the full key
 * an entry names in `label`. The lists' keys (ui/list-shortcuts.ts, j / k / Enter / [ ]) join
 * with `hotkey: null`: each list binds them itself (useListKeys), only while it has focus.
 */
import { listShortcuts } from './list-shortcuts';

export type ShortcutScope = 'global' | 'lists' | 'caseFile' | 'intake';

export interface Shortcut {
  /** i18n key under `shortcuts.keys`. */
  id: string;
  scope: ShortcutScope;
  /** Alternatives, each a key or a chord written `mod+K` (`mod` is shown as Ctrl or ⌘). */
  keys: readonly string[];
  /** Full i18n key of the label, when it is not `shortcuts.keys.<id>`. */
  label?: string;
  /** Mantine useHotkeys binding, or null where the key is handled by a field or form itself. */
  hotkey: string | null;
}

export const shortcuts = [
  { id: 'palette', scope: 'global', keys: ['mod+K'], hotkey: 'mod+K' },
  { id: 'search', scope: 'global', keys: ['/'], hotkey: '/' },
  { id: 'sheet', scope: 'global', keys: ['?'], hotkey: 'shift+?' },
  { id: 'submit', scope: 'global', keys: ['mod+Enter'], hotkey: null },
  { id: 'newEnvelope', scope: 'intake', keys: ['N'], hotkey: 'N' },
  { id: 'nextField', scope: 'caseFile', keys: ['mod+↓'], hotkey: 'mod+ArrowDown' },
  { id: 'prevField', scope: 'caseFile', keys: ['mod+↑'], hotkey: 'mod+ArrowUp' },
  { id: 'saveField', scope: 'caseFile', keys: ['Enter'], hotkey: null },
  { id: 'nextEnvelope', scope: 'caseFile', keys: ['mod+shift+N'], hotkey: 'mod+shift+N' },
  ...listShortcuts.map((s) => ({ id: s.id, scope: s.scope, keys: s.keys, label: s.label, hotkey: null })),
] as const satisfies readonly Shortcut[] as readonly Shortcut[];

export type ShortcutId = 'palette' | 'search' | 'sheet' | 'submit' | 'newEnvelope' | 'nextField' | 'prevField' | 'saveField' | 'nextEnvelope';

/** The useHotkeys binding of a registered shortcut (so a page never spells a key twice). */
export function hotkeyOf(id: ShortcutId): string {
  const entry = shortcuts.find((s) => s.id === id);
  if (!entry?.hotkey) throw new Error(`shortcut ${id} has no binding`);
  return entry.hotkey;
}

/** True on macOS, where `mod` is ⌘. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A key as printed on the sheet and in tooltips. */
export const keyLabel = (key: string): string => (key === 'mod' ? (isMac ? '⌘' : 'Ctrl') : key === 'shift' ? 'Shift' : key);

/** One alternative (`mod+shift+N`) as the keys pressed together. */
export const chordKeys = (alternative: string): string[] => (alternative === '+' ? ['+'] : alternative.split('+'));

/** Marks a page's main search box: `/` focuses the first one on screen. */
export const SEARCH_ATTR = 'data-kaiji-search';

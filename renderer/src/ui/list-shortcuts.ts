/**
 * Keys of the paged lists (#13 item 5: j/k through lists, Enter to open; item 1: paging), in the
 * shape of the shortcut registry (ui/shortcuts.ts on the desk branch: id, scope, keys, hotkey)
 * so the shortcut sheet lists them. Labels: `worklists.keys.<id>`. useListKeys binds exactly
 * these; a list reads no other key.
 */
export const listShortcuts = [
  { id: 'nextRow', scope: 'lists', keys: ['J'], hotkey: 'j', label: 'worklists.keys.nextRow' },
  { id: 'prevRow', scope: 'lists', keys: ['K'], hotkey: 'k', label: 'worklists.keys.prevRow' },
  { id: 'openRow', scope: 'lists', keys: ['Enter'], hotkey: 'Enter', label: 'worklists.keys.openRow' },
  { id: 'nextPage', scope: 'lists', keys: [']', 'PageDown'], hotkey: ']', label: 'worklists.keys.nextPage' },
  { id: 'prevPage', scope: 'lists', keys: ['[', 'PageUp'], hotkey: '[', label: 'worklists.keys.prevPage' },
] as const;

export type ListKeyId = (typeof listShortcuts)[number]['id'];

/** The list action a key press stands for (each id's keys, as printed on the sheet). */
export function listKeyAction(key: string): ListKeyId | null {
  for (const s of listShortcuts) if ((s.keys as readonly string[]).some((k) => k === key || k.toLowerCase() === key)) return s.id;
  return null;
}

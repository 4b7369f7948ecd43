import { useCallback, useEffect, useRef, useState } from 'react';
import { listKeyAction } from './list-shortcuts';

/** Typing in a field, a menu or a dialog keeps its keys: j and k are letters there. */
function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="combobox"], [role="listbox"], [role="menu"], [role="dialog"]')) return true;
  return false;
}

/**
 * Keyboard for a paged list (#13 items 1 and 5): j/k move the selection, Enter opens it,
 * ] / PageDown and [ / PageUp turn the page (ui/list-shortcuts.ts). The selected row gets
 * aria-selected and the focus, so it is visible and announced.
 */
export function useListKeys(opts: { count: number; onOpen: (index: number) => void; onPage: (delta: 1 | -1) => boolean; resetKey: string }) {
  const { count, onOpen, onPage, resetKey } = opts;
  const [selected, setSelected] = useState(-1);
  const rows = useRef<(HTMLElement | null)[]>([]);
  const handlers = useRef({ onOpen, onPage });
  handlers.current = { onOpen, onPage };
  // A page turned by key starts at its first row; one turned otherwise starts unselected.
  const pagedByKey = useRef(false);

  useEffect(() => {
    setSelected(pagedByKey.current ? 0 : -1);
    pagedByKey.current = false;
  }, [resetKey]);

  useEffect(() => {
    if (selected >= 0) rows.current[selected]?.focus({ preventScroll: false });
  }, [selected, resetKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingTarget(e.target)) return;
      const action = listKeyAction(e.key);
      if (!action) return;
      if (action === 'openRow') {
        // Enter on a button or link is that control's; on a row (or nowhere) it opens the selection.
        const t = e.target as HTMLElement | null;
        if (t && t.closest('button, a')) return;
        if (selected < 0 || selected >= count) return;
        e.preventDefault();
        handlers.current.onOpen(selected);
        return;
      }
      e.preventDefault();
      if (action === 'nextRow') setSelected((s) => Math.min(count - 1, s + 1));
      else if (action === 'prevRow') setSelected((s) => Math.max(0, s - 1));
      else {
        pagedByKey.current = handlers.current.onPage(action === 'nextPage' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, selected]);

  const rowProps = useCallback(
    (index: number) => ({
      ref: (el: HTMLElement | null) => {
        rows.current[index] = el;
      },
      'aria-selected': index === selected,
      'data-selected': index === selected || undefined,
      onFocus: () => setSelected(index),
    }),
    [selected],
  );

  return { selected, setSelected, rowProps };
}

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
export function useListKeys(opts: {
  count: number;
  onOpen: (index: number) => void;
  onPage: (delta: 1 | -1) => boolean;
  /** Changes when the list asks for other rows (page, filter, sort): the selection starts over. */
  resetKey: string;
  /** Changes when other rows are on screen (cached rows come at once, fetched ones later). */
  rowsKey: string;
}) {
  const { count, onOpen, onPage, resetKey, rowsKey } = opts;
  // The selection belongs to one resetKey: a page turned by key starts at its first row, any
  // other change unselected. Derived in render, so no effect can select the old index again.
  const pagedByKey = useRef(false);
  const start = useRef({ key: resetKey, index: -1 });
  if (start.current.key !== resetKey) {
    start.current = { key: resetKey, index: pagedByKey.current ? 0 : -1 };
    pagedByKey.current = false;
  }
  const [sel, setSel] = useState({ key: resetKey, index: -1 });
  const selected = sel.key === resetKey ? sel.index : start.current.index;
  const current = useRef({ resetKey, selected });
  current.current = { resetKey, selected };
  const rows = useRef<(HTMLElement | null)[]>([]);
  const handlers = useRef({ onOpen, onPage });
  handlers.current = { onOpen, onPage };

  const select = useCallback((index: number) => setSel({ key: current.current.resetKey, index }), []);

  useEffect(() => {
    if (selected >= 0) rows.current[selected]?.focus({ preventScroll: false });
  }, [selected, rowsKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingTarget(e.target)) return;
      const action = listKeyAction(e.key);
      if (!action) return;
      const now = current.current.selected;
      if (action === 'openRow') {
        // Enter on a button or link is that control's; on a row (or nowhere) it opens the selection.
        const t = e.target as HTMLElement | null;
        if (t && t.closest('button, a')) return;
        if (now < 0 || now >= count) return;
        e.preventDefault();
        handlers.current.onOpen(now);
        return;
      }
      e.preventDefault();
      if (action === 'nextRow') select(Math.min(count - 1, now + 1));
      else if (action === 'prevRow') select(Math.max(0, now - 1));
      else pagedByKey.current = handlers.current.onPage(action === 'nextPage' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, select]);

  const rowProps = useCallback(
    (index: number) => ({
      ref: (el: HTMLElement | null) => {
        rows.current[index] = el;
      },
      'aria-selected': index === selected,
      'data-selected': index === selected || undefined,
      onFocus: () => select(index),
    }),
    [selected, select],
  );

  return { selected, setSelected: select, rowProps };
}

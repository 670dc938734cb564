/**
 * Keyboard navigation for the data tables (a roving tabindex: the table is one Tab stop, the
 * selected row). Arrows, Home/End and PageUp/PageDown move the selection and focus with it;
 * Enter activates (opens edit), Delete/Backspace asks to delete, Space ticks (where rows have boxes). Selection is by key (name), so
 * it survives reloads and filtering.
 */
import { useCallback, useRef, type KeyboardEvent } from 'react';

interface RowNavigation<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  selected: string | null;
  onSelect: (key: string | null) => void;
  onActivate?: (item: T) => void;
  onDelete?: (item: T) => void;
  /** Space: tick or untick the row (lists with tick boxes). */
  onToggle?: (item: T) => void;
}

const PAGE = 10;

export function useRowNavigation<T>({ items, keyOf, selected, onSelect, onActivate, onDelete, onToggle }: RowNavigation<T>) {
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  const selectedIndex = items.findIndex((item) => keyOf(item) === selected);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  const moveTo = useCallback(
    (index: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, index))];
      if (item === undefined) return;
      const key = keyOf(item);
      onSelect(key);
      rows.current.get(key)?.focus();
    },
    [items, keyOf, onSelect],
  );

  const focusSelected = useCallback(() => moveTo(tabStop), [moveTo, tabStop]);

  const rowProps = (item: T, index: number) => {
    const key = keyOf(item);
    return {
      ref: (el: HTMLTableRowElement | null) => {
        if (el) rows.current.set(key, el);
        else rows.current.delete(key);
      },
      tabIndex: index === tabStop ? 0 : -1,
      'aria-selected': key === selected,
      onClick: () => onSelect(key),
      onFocus: () => {
        if (key !== selected) onSelect(key);
      },
      onDoubleClick: onActivate ? () => onActivate(item) : undefined,
      onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
        // Keys pressed on a button inside the row belong to that button.
        if (e.target !== e.currentTarget) return;
        const moves: Partial<Record<string, number>> = {
          ArrowDown: index + 1,
          ArrowUp: index - 1,
          Home: 0,
          End: items.length - 1,
          PageDown: index + PAGE,
          PageUp: index - PAGE,
        };
        const target = moves[e.key];
        if (target !== undefined) {
          e.preventDefault();
          moveTo(target);
        } else if (e.key === 'Enter' && onActivate) {
          e.preventDefault();
          onActivate(item);
        } else if ((e.key === 'Delete' || e.key === 'Backspace') && onDelete) {
          e.preventDefault();
          onDelete(item);
        } else if (e.key === ' ' && onToggle) {
          e.preventDefault();
          onToggle(item);
        }
      },
    };
  };

  return { rowProps, focusSelected };
}

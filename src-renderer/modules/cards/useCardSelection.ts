import { useRef, useState } from 'react';

/** What a selected row keeps: enough to write to the card after its row has scrolled out of the loaded blocks. */
export interface SelectedCard {
  id: string;
  displayName: string;
}

/**
 * The rows ticked in a card list, by card id, kept apart from the paged rows so that a selection survives
 * scrolling. `reset` follows the list's filter: when the filter changes the selection is dropped, since the
 * cards ticked might no longer be in the list and a send would go to people the user can no longer see.
 */
export function useCardSelection<R extends SelectedCard>(
  getRow: (index: number) => R | undefined,
  /** The indexes whose rows may be loaded (the blocks around the screen), end exclusive. */
  loadedRange: { start: number; end: number },
) {
  const [selected, setSelected] = useState<ReadonlyMap<string, SelectedCard>>(new Map());
  // The row toggled last, where a Shift+click range starts.
  const anchor = useRef<number | null>(null);

  const toggle = (row: R, index: number, range: boolean) => {
    const on = !selected.has(row.id);
    const next = new Map(selected);
    const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
    // A range takes the clicked row's new state; rows between that are not loaded (far off screen) are skipped.
    for (let i = from; i <= to; i++) {
      const r = i === index ? row : getRow(i);
      if (!r) continue;
      if (on) next.set(r.id, { id: r.id, displayName: r.displayName });
      else next.delete(r.id);
    }
    anchor.current = index;
    setSelected(next);
  };

  const loaded = () => {
    const rows: R[] = [];
    for (let i = loadedRange.start; i < loadedRange.end; i++) {
      const r = getRow(i);
      if (r) rows.push(r);
    }
    return rows;
  };
  const loadedRows = loaded();
  const loadedSelected = loadedRows.filter((r) => selected.has(r.id)).length;
  const all: boolean | 'some' =
    loadedRows.length > 0 && loadedSelected === loadedRows.length ? true : selected.size > 0 ? 'some' : false;

  /** The header box: every row loaded so far (the blocks fetched around the screen), or none when all are. */
  const toggleAll = () => {
    anchor.current = null;
    if (all === true) return setSelected(new Map());
    const next = new Map(selected);
    for (const r of loadedRows) next.set(r.id, { id: r.id, displayName: r.displayName });
    setSelected(next);
  };

  const clear = () => {
    anchor.current = null;
    setSelected(new Map());
  };

  return {
    selected: [...selected.values()],
    count: selected.size,
    isSelected: (row: R) => selected.has(row.id),
    toggle,
    all,
    toggleAll,
    clear,
  };
}

import { useState } from 'react';
import type { LIST_SORTS } from '../../../src-shared/contract/cards';

type ListSort = (typeof LIST_SORTS)[number];

/** Filter, sort and visible range of a card list; sort toggles asc → desc on the same column. */
export function useListState() {
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [sort, setSort] = useState<{ key: ListSort; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [visible, setVisible] = useState({ start: 0, end: 50 });
  const toggleSort = (column: string) => {
    const key = column as ListSort;
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  };
  return { query, setQuery, deleted, setDeleted, sort, toggleSort, visible, setVisible };
}

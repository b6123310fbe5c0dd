import { SEARCH_TYPES, type SearchHit, type SearchType } from '../../../src-shared/contract/search';
import { cardPath } from '../cards/card-paths';
import { notePath } from '../notes/note-paths';

/** The filters of a search, as the palette and the search page share them (and the page's URL keeps them). */
export interface SearchFilterState {
  /** Empty: every type. */
  types: SearchType[];
  ownerId: string | null;
  /** YYYY-MM-DD, both ends included. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: SearchFilterState = { types: [], ownerId: null, from: null, to: null };

export const hasFilters = (f: SearchFilterState) => f.types.length > 0 || !!f.ownerId || !!f.from || !!f.to;

/** Where a hit opens: a card, a meeting note, or the document viewer at the page of the match with the words to highlight. */
export function hitPath(hit: SearchHit, q: string): string {
  if (hit.type === 'note') return notePath(hit.id);
  if (hit.type === 'task') return `/tasks/${hit.id}`;
  if (hit.type === 'event') return `/agenda/events/${hit.id}`;
  if (hit.type === 'mail') return `/mail/${hit.id}`;
  if (hit.type !== 'document') return cardPath(hit.type, hit.id);
  const params = new URLSearchParams({ q });
  if (hit.page) params.set('page', String(hit.page));
  return `/documents/${hit.id}?${params.toString()}`;
}

/** The full search page for a query and its filters. */
export function searchPagePath(q: string, f: SearchFilterState): string {
  const params = new URLSearchParams({ q });
  if (f.types.length) params.set('types', f.types.join(','));
  if (f.ownerId) params.set('owner', f.ownerId);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return `/search?${params.toString()}`;
}

export function filtersFromParams(params: URLSearchParams): SearchFilterState {
  const types = (params.get('types') ?? '')
    .split(',')
    .filter((t): t is SearchType => (SEARCH_TYPES as readonly string[]).includes(t));
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  return { types, ownerId: params.get('owner') || null, from: date(params.get('from')), to: date(params.get('to')) };
}

/** The contract input for a query with these filters. */
export function searchCallInput(q: string, f: SearchFilterState, limit: number) {
  return {
    q,
    limit,
    ...(f.types.length ? { types: f.types } : {}),
    ...(f.ownerId ? { ownerId: f.ownerId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

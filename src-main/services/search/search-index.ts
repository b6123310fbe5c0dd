import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { toFtsQuery } from '../../../src-shared/domain/search-query';
import type { SearchHit } from '../../../src-shared/contract/search';

export interface IndexedText {
  type: SearchHit['type'];
  id: string;
  /** Names and titles: ranked above body text. */
  title: string;
  /** Everything else worth finding the entity by. */
  body: string;
  /**
   * Text in pages (a document's), written after `body`: each page folded on its
   * own and joined by form feeds, which the tokenizer skips but a snippet's page
   * can be counted by.
   */
  pages?: readonly string[];
  /** In the recycle bin: still found by the bin's own search, never by global search. */
  deleted: boolean;
  /** For the owner filter: the card's owner, the user who filed a document. */
  ownerId: string | null;
  /** For the date filter: when the entity was created (ISO). */
  datedAt: string;
}

/** Form feed: the page break inside an indexed body. */
export const PAGE_BREAK = '\f';

/**
 * Puts an entity's folded text into the index (replacing what was there).
 * Call inside the transaction of the write, so the index can never lag behind.
 */
export function indexEntity(db: Db, doc: IndexedText): void {
  stmt(
    db,
    `insert into search_docs (entity_type, entity_id, deleted, title, body, owner_id, dated_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (entity_id) do update set entity_type = excluded.entity_type,
         deleted = excluded.deleted, title = excluded.title, body = excluded.body,
         owner_id = excluded.owner_id, dated_at = excluded.dated_at`,
  ).run(doc.type, doc.id, doc.deleted ? 1 : 0, foldForSearch(doc.title), foldedBody(doc), doc.ownerId, doc.datedAt);
}

function foldedBody(doc: IndexedText): string {
  const body = foldForSearch(doc.body);
  if (!doc.pages?.length) return body;
  return [body, ...doc.pages.map(foldForSearch)].join(` ${PAGE_BREAK} `);
}

/** Takes an entity out of the index (it no longer exists). */
export function unindexEntity(db: Db, id: string): void {
  stmt(db, 'delete from search_docs where entity_id = ?').run(id);
}

/** Title matches weigh ten times body matches in bm25. */
const RANK = 'bm25(search_fts, 10.0, 1.0)';

/**
 * The ids of matching entities of one type, as a SQL fragment with its
 * parameter, for lists that filter by the search box.
 */
export function matchingIdsSql(q: string | undefined, type: string): { sql: string; params: string[] } | null {
  const match = q ? toFtsQuery(q) : null;
  if (!match) return null;
  return {
    sql: `select d.entity_id from search_fts join search_docs d on d.doc_id = search_fts.rowid
          where search_fts match ? and d.entity_type = ?`,
    params: [match, type],
  };
}

interface HitRow {
  type: SearchHit['type'];
  id: string;
  snippet: string;
  rank: number;
}

/**
 * Global search: ranked hits with a snippet. Cards in the recycle bin are
 * indexed (for the bin's own search) but never returned here.
 * (Measured: snippet() in the ranking query beats a second query for the
 * chosen rows, which makes FTS5 evaluate the match again.)
 */
export function searchAll(db: Db, input: { q: string; types?: string[] | undefined; limit: number }): SearchHit[] {
  const match = toFtsQuery(input.q);
  if (!match) return [];
  const types = input.types?.length ? input.types : null;
  const rows = stmt(
    db,
    `select d.entity_type as type, d.entity_id as id,
            snippet(search_fts, -1, '[', ']', '…', 12) as snippet, ${RANK} as rank
     from search_fts join search_docs d on d.doc_id = search_fts.rowid
     where search_fts match ? ${types ? `and d.entity_type in (${types.map(() => '?').join(',')})` : ''}
       and d.deleted = 0
     order by rank limit ?`,
  ).all(match, ...(types ?? []), input.limit) as HitRow[];
  if (rows.length === 0) return [];
  const titles = cardTitles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, title: titles.get(r.id) ?? r.id }));
}

/** Display titles (not folded) for the hits. */
function cardTitles(db: Db, ids: string[]): Map<string, string> {
  const rows = stmt(
    db,
    `select id, display_name as title from cards where id in (${ids.map(() => '?').join(',')})`,
  ).all(...ids) as { id: string; title: string }[];
  return new Map(rows.map((r) => [r.id, r.title]));
}

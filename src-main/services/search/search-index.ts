import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { toFtsQuery } from '../../../src-shared/domain/search-query';
import type { SearchType } from '../../../src-shared/contract/search';

/**
 * Every indexed type's code: its rows are numbered doc_id = code × 2^40 + sequence
 * (migration 0006), so one type is one rowid range, which FTS5 seeks into
 * instead of joining every match to search_docs to learn its type. Codes are
 * stored in every database: never renumber one, only add.
 */
export const SEARCH_TYPE_CODES = {
  person: 1,
  institution: 2,
  document: 3,
  note: 4,
  mail: 5,
  event: 6,
  task: 7,
} as const satisfies Record<SearchType, number> & Record<string, number>;
export type IndexedType = keyof typeof SEARCH_TYPE_CODES;

const RANGE_BITS = 40n;

/**
 * The rowid range of a type, inclusive. BigInt on purpose: better-sqlite3 binds
 * a JS number as REAL, and FTS5 ignores a rowid bound that is not an INTEGER
 * (the query stays right, SQLite re-checks it, but FTS5 no longer seeks).
 */
export function docIdRange(type: IndexedType): { lo: bigint; hi: bigint } {
  const code = BigInt(SEARCH_TYPE_CODES[type]);
  return { lo: code << RANGE_BITS, hi: ((code + 1n) << RANGE_BITS) - 1n };
}

/** The type a doc_id belongs to (by its range). */
export function typeOfDocId(docId: number | bigint): IndexedType | undefined {
  return TYPE_BY_CODE.get(Number(BigInt(docId) >> RANGE_BITS));
}
const TYPE_BY_CODE = new Map<number, IndexedType>(
  Object.entries(SEARCH_TYPE_CODES).map(([type, code]) => [code, type as IndexedType]),
);

export interface IndexedText {
  type: IndexedType;
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
  const { lo, hi } = docIdRange(doc.type);
  // A new row takes the next number of its type's range (newest highest: what
  // search reads first); an existing row keeps its number unless its type changed.
  stmt(
    db,
    `insert into search_docs (doc_id, entity_type, entity_id, deleted, title, body, owner_id, dated_at)
       values (coalesce((select doc_id from search_docs where doc_id between ? and ? order by doc_id desc limit 1), ?) + 1,
         ?, ?, ?, ?, ?, ?, ?)
       on conflict (entity_id) do update set
         doc_id = iif(search_docs.entity_type = excluded.entity_type, search_docs.doc_id, excluded.doc_id),
         entity_type = excluded.entity_type, deleted = excluded.deleted, title = excluded.title, body = excluded.body,
         owner_id = excluded.owner_id, dated_at = excluded.dated_at`,
  ).run(
    lo,
    hi,
    lo,
    doc.type,
    doc.id,
    doc.deleted ? 1 : 0,
    foldForSearch(doc.title),
    foldedBody(doc),
    doc.ownerId,
    doc.datedAt,
  );
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

/**
 * The ids of matching entities of one type, as a SQL fragment with its
 * parameter, for lists that filter by the search box.
 */
export function matchingIdsSql(
  q: string | undefined,
  type: IndexedType,
): { sql: string; params: (string | bigint)[] } | null {
  const match = q ? toFtsQuery(q) : null;
  if (!match) return null;
  const { lo, hi } = docIdRange(type);
  return {
    sql: `select d.entity_id from search_fts join search_docs d on d.doc_id = search_fts.rowid
          where search_fts match ? and search_fts.rowid between ? and ?`,
    params: [match, lo, hi],
  };
}

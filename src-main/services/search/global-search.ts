import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { parseSearchQuery } from '../../../src-shared/domain/search-query';
import {
  SEARCH_TYPES,
  type SearchGroup,
  type SearchHit,
  type SearchInput,
  type SearchType,
} from '../../../src-shared/contract/search';
import { firstBodyMatch, pageAt, snippetAt } from './snippets';
import { originalSnippet } from './original-snippet';
import { hitDetails } from './hit-details';
import { TEXT_PAGE_BREAK } from '../documents/document-index';
import { docIdRange, SEARCH_TYPE_CODES, typeOfDocId } from './search-index';
import { planSearch, type SearchPlan } from './search-plan';
import { hiddenCalendarIds } from '../agenda/calendar-permissions';

/** Title matches weigh ten times body matches in bm25. */
export const RANK = 'bm25(search_fts, 10.0, 1.0)';

export interface SearchFilters {
  types: readonly SearchType[];
  ownerId?: string | undefined;
  /** Events of these calendars are no hits (members-only calendars the user may not see). */
  hiddenCalendarIds?: readonly string[] | undefined;
  /** Inclusive day bounds on dated_at, Istanbul calendar (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

export interface RankedRow {
  docId: number;
  type: SearchType;
  rank: number;
}

/**
 * Global search: the best `limit` hits of every type, each with a snippet, and
 * whether a type has more. Only what the user may see: nothing in the recycle
 * bin, no merged-away cards (both are `deleted` in the index), no events of
 * calendars hidden from `userId` (left out in the query, so pages stay full).
 */
export function searchGrouped(db: Db, input: SearchInput, userId: string | null = null): SearchGroup[] {
  const plan = planSearch(db, input.q);
  if (!plan) return [];
  const types = SEARCH_TYPES.filter((t) => (input.types ?? SEARCH_TYPES).includes(t));
  const hidden = types.includes('event') ? hiddenCalendarIds(db, userId) : [];
  const filters = { ...input, types, hiddenCalendarIds: hidden };
  const rows = rankedPerType(db, plan, filters, input.limit + 1);
  if (rows.length === 0) return [];
  const hits = describeHits(db, input.q, rows);
  return filters.types
    .map((type) => {
      const ofType = hits.filter((h) => h.type === type);
      return { type, hits: ofType.slice(0, input.limit), more: ofType.length > input.limit };
    })
    .filter((g) => g.hits.length > 0);
}

/**
 * The best `perType` rows of every wanted type: by bm25 when every term is rare
 * enough for it (exactRanking), else names first and then the newest
 * (recentRanking).
 */
export function rankedPerType(db: Db, plan: SearchPlan, filters: SearchFilters, perType: number): RankedRow[] {
  if (filters.types.length === 0) return [];
  return plan.exact
    ? exactRanking(db, plan.match, filters, perType)
    : filters.types.flatMap((type) => recentRanking(db, plan, type, filters, perType));
}

/**
 * bm25 over every match of the wanted types in one FTS5 evaluation (bm25 counts
 * each term's rows once per evaluation): row_number() per type, the type read
 * from the rowid's range instead of a join to the big rows.
 */
function exactRanking(db: Db, match: string, filters: SearchFilters, perType: number): RankedRow[] {
  const { where, params } = filterSql(filters);
  const ranges = filters.types.map(docIdRange);
  const codes = filters.types.map((t) => SEARCH_TYPE_CODES[t]);
  const rows = stmt(
    db,
    `select docId, rank from (
       select docId, rank, row_number() over (partition by docId >> 40 order by rank, docId desc) as n
       from (
         select f.rowid as docId, ${RANK} as rank
         from search_fts f join search_docs d on d.doc_id = f.rowid
         where search_fts match ? and f.rowid between ? and ? and (f.rowid >> 40) in (${codes.join(', ')})
           and ${where}
       )
     )
     where n <= ? order by docId >> 40, n`,
  ).all(
    match,
    ranges.map((r) => r.lo).reduce((a, b) => (a < b ? a : b)),
    ranges.map((r) => r.hi).reduce((a, b) => (a > b ? a : b)),
    ...params,
    perType,
  ) as { docId: number; rank: number }[];
  return rows.map((r) => ({ ...r, type: typeOfDocId(r.docId) as SearchType }));
}

/**
 * For a query with a term in thousands of rows: the rows whose name holds every
 * term, then those whose name holds some, then the rest, each newest first.
 * Every step reads one type's rowid range from its newest end and stops at
 * `perType` rows, so the cost follows what is shown, not how much matches; bm25
 * is left out because it would count every row of every term first. Ranks are
 * -2, -1 and 0 by those steps (lower is better, as bm25's).
 */
function recentRanking(db: Db, plan: SearchPlan, type: SearchType, filters: SearchFilters, perType: number) {
  const { lo, hi } = docIdRange(type);
  const { where, params } = filterSql(filters);
  const newest = (match: string, limit: number) =>
    stmt(
      db,
      `select f.rowid as docId from search_fts f join search_docs d on d.doc_id = f.rowid
       where search_fts match ? and f.rowid between ? and ? and ${where}
       order by f.rowid desc limit ?`,
    )
      .pluck()
      .all(match, lo, hi, ...params, limit) as number[];
  const out = new Map<number, RankedRow>();
  const steps: [string | null, number][] = [
    [plan.allInTitle, -2],
    [plan.someInTitle, -1],
    [plan.match, 0],
  ];
  for (const [match, rank] of steps) {
    if (!match || out.size >= perType) continue;
    for (const docId of newest(match, perType + out.size)) {
      if (out.size >= perType) break;
      if (!out.has(docId)) out.set(docId, { docId, type, rank });
    }
  }
  return [...out.values()];
}

/** The WHERE part over search_docs `d` for the owner and date filters (types are rowid ranges). */
export function filterSql(filters: SearchFilters): { where: string; params: (string | number)[] } {
  const where = ['d.deleted = 0'];
  const params: (string | number)[] = [];
  if (filters.ownerId) {
    where.push('d.owner_id = ?');
    params.push(filters.ownerId);
  }
  if (filters.from) {
    where.push('d.dated_at >= ?');
    params.push(istanbulDayStart(filters.from, 0));
  }
  if (filters.to) {
    where.push('d.dated_at < ?');
    params.push(istanbulDayStart(filters.to, 1));
  }
  if (filters.hiddenCalendarIds?.length) {
    where.push(
      `(d.entity_type <> 'event' or not exists (select 1 from events e where e.id = d.entity_id
         and e.calendar_id in (select value from json_each(?))))`,
    );
    params.push(JSON.stringify(filters.hiddenCalendarIds));
  }
  return { where: where.join(' and '), params };
}

/**
 * The UTC instant an Istanbul day starts, `plusDays` after `day` (stamps are
 * UTC ISO strings, compared as text; Istanbul is UTC+3 all year since 2016).
 */
function istanbulDayStart(day: string, plusDays: number): string {
  const start = Date.parse(`${day}T00:00:00+03:00`) + plusDays * 86_400_000;
  return new Date(start).toISOString();
}

interface IndexedRow {
  docId: number;
  id: string;
  title: string;
  body: string;
}

/** Ids, display titles, document details and snippets for the rows kept (a few dozen at most). */
function describeHits(db: Db, q: string, rows: RankedRow[]): SearchHit[] {
  const { include } = parseSearchQuery(q);
  const indexed = new Map(
    (
      stmt(
        db,
        `select doc_id as docId, entity_id as id, title, body from search_docs
         where doc_id in (select value from json_each(?))`,
      ).all(JSON.stringify(rows.map((r) => r.docId))) as IndexedRow[]
    ).map((r) => [r.docId, r]),
  );
  const found = rows.flatMap((row) => {
    const text = indexed.get(row.docId);
    return text ? [{ ...row, text }] : [];
  });
  const details = hitDetails(
    db,
    found.map((r) => ({ type: r.type, id: r.text.id })),
  );
  return found.map(({ type, rank, text }) => {
    const detail = details.get(text.id);
    const at = firstBodyMatch(text.title, text.body, include);
    const page = type === 'document' && at !== -1 ? pageAt(text.body, at) : null;
    // The text as written reads better than the folded index ("Sözleşme", not "sozlesme").
    const original = type === 'note' ? noteText(db, text.id) : page === null ? null : documentPage(db, text.id, page);
    return {
      type,
      id: text.id,
      title: detail?.title ?? text.id,
      rank,
      snippet: at === -1 ? '' : ((original && originalSnippet(original, include)) ?? snippetAt(text.body, at, include)),
      page,
      mimeType: detail?.mimeType ?? null,
      cards: detail?.cards ?? [],
    };
  });
}

/** One page (1-based) of a document's extracted text as written, or null. */
function documentPage(db: Db, documentId: string, page: number): string | null {
  const row = stmt(
    db,
    `select t.text from documents d join blob_texts t on t.sha256 = d.sha256 where d.id = ? and t.status = 'done'`,
  ).get(documentId) as { text: string } | undefined;
  return row?.text.split(TEXT_PAGE_BREAK)[page - 1] ?? null;
}

/** A note's plain text as written (its folded body also holds card and staff names). */
function noteText(db: Db, noteId: string): string | null {
  const row = stmt(db, 'select body_text as text from notes where id = ?').get(noteId) as { text: string } | undefined;
  return row?.text ?? null;
}

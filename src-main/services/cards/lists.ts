import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { cardsCalls, InstitutionKind, InstitutionRow, PersonRow } from '../../../src-shared/contract/cards';
import { matchingIdsSql } from '../search/search-index';
import { queryFilter, segmentFilter } from '../segments/segment-filter';
import { ContractError } from '../../../src-shared/contract/errors';

type ListPersonsInput = z.output<(typeof cardsCalls)['cards.listPersons']['input']>;
type ListInstitutionsInput = z.output<(typeof cardsCalls)['cards.listInstitutions']['input']>;
type CommonListInput = Pick<
  ListPersonsInput,
  'q' | 'sort' | 'dir' | 'deleted' | 'province' | 'segmentId' | 'query' | 'offset' | 'limit'
>;

const SORT_COLUMNS = { name: 'c.sort_key', createdAt: 'c.created_at', updatedAt: 'c.updated_at' } as const;

/** Where-clause pieces shared by both lists; values always travel as parameters. */
function commonFilter(db: Db, type: 'person' | 'institution', input: CommonListInput, today: string) {
  // A merged card is a tombstone, not something thrown away: it stays out of the bin
  // (undoing the merge is what brings it back).
  const where = [
    'c.type = ?',
    input.deleted ? 'c.deleted_at is not null and c.merged_into is null' : 'c.deleted_at is null',
  ];
  const params: unknown[] = [type];
  const match = matchingIdsSql(input.q, type);
  if (match) {
    where.push(`c.id in (${match.sql})`);
    params.push(...match.params);
  } else if (input.q?.trim()) {
    // Only punctuation typed: nothing can match.
    where.push('0');
  }
  if (input.province) {
    where.push('exists (select 1 from addresses ad where ad.card_id = c.id and ad.province = ?)');
    params.push(input.province);
  }
  const segment = input.segmentId
    ? segmentFilter(db, input.segmentId, today)
    : input.query
      ? { cardType: type, where: queryFilter(db, type, input.query, today) }
      : undefined;
  if (segment) {
    if (segment.cardType !== type)
      throw new ContractError('INVALID_INPUT', 'Bu segment bu listenin kart türünden değil.');
    where.push(`(${segment.where.sql})`);
    params.push(...segment.where.params);
  }
  return { where, params };
}

function orderAndPage(input: CommonListInput, params: unknown[]): string {
  const dir = input.dir === 'desc' ? 'desc' : 'asc';
  params.push(input.limit, input.offset);
  return `order by ${SORT_COLUMNS[input.sort]} ${dir}, c.id ${dir} limit ? offset ?`;
}

function count(db: Db, where: string[], params: unknown[]): number {
  const row = stmt(db, `select count(*) as n from cards c where ${where.join(' and ')}`).get(...params) as {
    n: number;
  };
  return row.n;
}

/** `today` (YYYY-MM-DD, Istanbul) is what segment ages and current links are measured against. */
export function listPersons(db: Db, input: ListPersonsInput, today: string): { total: number; rows: PersonRow[] } {
  const { where, params } = commonFilter(db, 'person', input, today);
  if (input.institutionId) {
    where.push('exists (select 1 from affiliations f where f.person_id = c.id and f.institution_id = ?)');
    params.push(input.institutionId);
  }
  const total = count(db, where, params);
  const pageParams = [...params];
  const order = orderAndPage(input, pageParams);
  const rows = stmt(
    db,
    `select c.id, c.display_name as displayName, c.list_institutions as institutions,
         c.list_phone as phone, c.list_email as email, c.list_province as province,
         c.updated_at as updatedAt, c.deleted_at as deletedAt
       from cards c where ${where.join(' and ')} ${order}`,
  ).all(...pageParams) as PersonRow[];
  return { total, rows };
}

export function listInstitutions(
  db: Db,
  input: ListInstitutionsInput,
  today: string,
): { total: number; rows: InstitutionRow[] } {
  const { where, params } = commonFilter(db, 'institution', input, today);
  if (input.kind) {
    where.push('exists (select 1 from institution_kinds k where k.card_id = c.id and k.kind = ?)');
    params.push(input.kind);
  }
  const total = count(db, where, params);
  const pageParams = [...params];
  const order = orderAndPage(input, pageParams);
  const rows = stmt(
    db,
    `select c.id, c.display_name as displayName,
         (select group_concat(kind, ',') from institution_kinds where card_id = c.id) as kinds,
         i.sector, c.list_phone as phone, c.list_province as province,
         (select count(*) from affiliations a join cards p on p.id = a.person_id and p.deleted_at is null
            where a.institution_id = c.id) as personCount,
         c.updated_at as updatedAt, c.deleted_at as deletedAt
       from cards c join institutions i on i.card_id = c.id where ${where.join(' and ')} ${order}`,
  ).all(...pageParams) as (Omit<InstitutionRow, 'kinds'> & { kinds: string | null })[];
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      kinds: r.kinds ? (r.kinds.split(',').sort() as InstitutionKind[]) : [],
    })),
  };
}

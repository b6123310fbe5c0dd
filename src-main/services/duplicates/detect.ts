/**
 * Likely duplicates among the live cards of one type: the same T.C. Kimlik No / VKN,
 * e-mail or phone (grouped in SQL over their indexes), or the same folded name
 * (keys computed in JS in one pass over the names: SQLite cannot fold Turkish ı).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type {
  DuplicateCard,
  DuplicatePair,
  DuplicateReason,
  DuplicateReasonKind,
} from '../../../src-shared/contract/duplicates';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { institutionNameKey, personNameKey } from './name-keys';

/**
 * A value shared by more cards than this is not a sign of duplicates: a switchboard
 * number, an info@ mailbox, a name as common as "Mehmet Yılmaz" in a big list.
 * Proposing every pair of such a group (n² of them) would bury the real duplicates.
 * Names get the tighter cap: in 100k persons many full names recur by chance alone.
 */
export const MAX_GROUP: Record<DuplicateReasonKind, number> = { tckn: 12, vkn: 12, email: 12, phone: 12, name: 6 };

/** Strongest first: an official number is one person or firm; a shared name is only a hint. */
const STRENGTH: Record<DuplicateReasonKind, number> = { tckn: 0, vkn: 0, email: 1, phone: 2, name: 3 };

interface Found {
  first: string;
  second: string;
  reasons: DuplicateReason[];
  rank: number;
}

type Keyed = { value: string; id: string };

/**
 * Cards of the type sharing a value of `table.column`, live ones only. Driven by the
 * values held more than once (a scan of the column's index), so the cost follows the
 * number of duplicates, not of cards.
 */
function sharedValues(db: Db, type: CardType, table: string, cardColumn: string, column: string): Keyed[] {
  return stmt(
    db,
    `with shared as (select ${column} as value from ${table} where ${column} is not null
                     group by ${column} having count(*) > 1)
     select shared.value, t.${cardColumn} as id from shared
       cross join ${table} t on t.${column} = shared.value
       join cards c on c.id = t.${cardColumn} and c.type = ? and c.deleted_at is null`,
  ).all(type) as Keyed[];
}

/**
 * Name keys of every card of the type. Binned cards are read too (leaving them out
 * would cost a join per row); pairs are checked for live cards afterwards.
 * Folding is memoised per name part: real lists repeat first names and surnames a lot.
 */
function nameKeys(db: Db, type: CardType): Keyed[] {
  const keyed: Keyed[] = [];
  if (type === 'person') {
    const rows = stmt(db, 'select card_id, first_name, last_name from persons').raw().all() as [
      string,
      string,
      string,
    ][];
    const folded = new Map<string, string>();
    const fold = (part: string) => {
      let key = folded.get(part);
      if (key === undefined) folded.set(part, (key = personNameKey(part, '')));
      return key;
    };
    for (const [id, first, last] of rows) {
      const value = [fold(first), fold(last)].filter(Boolean).join(' ');
      if (value) keyed.push({ value, id });
    }
  } else {
    const rows = stmt(db, 'select card_id, title from institutions').raw().all() as [string, string][];
    for (const [id, title] of rows) {
      const value = institutionNameKey(title);
      if (value) keyed.push({ value, id });
    }
  }
  return keyed;
}

/**
 * Sort keys of those of `ids` that are live cards of the type. Few ids: looked up;
 * many: one scan of the list index (which holds both columns) is cheaper than
 * thousands of lookups.
 */
function liveSortKeys(db: Db, type: CardType, ids: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  if (ids.length > 20_000) {
    const wanted = new Set(ids);
    const all = stmt(db, 'select id, sort_key from cards where type = ? and deleted_at is null order by type')
      .raw()
      .all(type) as [string, string][];
    for (const [id, sortKey] of all) if (wanted.has(id)) keys.set(id, sortKey);
    return keys;
  }
  for (const id of ids) {
    const row = stmt(db, 'select sort_key from cards where id = ? and type = ? and deleted_at is null')
      .pluck()
      .get(id, type) as string | undefined;
    if (row !== undefined) keys.set(id, row);
  }
  return keys;
}

function addGroups(found: Map<string, Found>, rows: Keyed[], kind: DuplicateReasonKind, showValue: boolean): void {
  const groups = new Map<string, Set<string>>();
  for (const row of rows) {
    let ids = groups.get(row.value);
    if (!ids) groups.set(row.value, (ids = new Set()));
    ids.add(row.id);
  }
  for (const [value, idSet] of groups) {
    if (idSet.size < 2 || idSet.size > MAX_GROUP[kind]) continue;
    const ids = [...idSet].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`;
        let pair = found.get(key);
        if (!pair) found.set(key, (pair = { first: ids[i]!, second: ids[j]!, reasons: [], rank: 9 }));
        // One reason per kind: a second shared e-mail adds nothing the first did not say.
        if (pair.reasons.some((r) => r.kind === kind)) continue;
        pair.reasons.push({ kind, value: showValue ? value : null });
        pair.rank = Math.min(pair.rank, STRENGTH[kind]);
      }
    }
  }
}

/** Every likely pair of the type, strongest first, dismissed pairs left out. */
function findPairs(db: Db, type: CardType): Found[] {
  const found = new Map<string, Found>();
  if (type === 'person') {
    // The number itself stays off the list: it is shown masked, on the card only.
    addGroups(found, sharedValues(db, type, 'persons', 'card_id', 'tckn'), 'tckn', false);
  } else {
    addGroups(found, sharedValues(db, type, 'institutions', 'card_id', 'vkn'), 'vkn', true);
  }
  addGroups(found, sharedValues(db, type, 'emails', 'card_id', 'address'), 'email', true);
  addGroups(found, phoneValues(db, type), 'phone', true);
  addGroups(found, nameKeys(db, type), 'name', false);

  const dismissed = new Set(
    (
      stmt(db, 'select first_id as a, second_id as b from duplicate_dismissals').all() as { a: string; b: string }[]
    ).map((d) => `${d.a}|${d.b}`),
  );
  const candidates = [...found.entries()].filter(([key]) => !dismissed.has(key)).map(([, pair]) => pair);
  const sortKeys = liveSortKeys(db, type, [...new Set(candidates.flatMap((p) => [p.first, p.second]))]);
  const pairs = candidates.filter((p) => sortKeys.has(p.first) && sortKeys.has(p.second));
  for (const pair of pairs) pair.reasons.sort((a, b) => STRENGTH[a.kind] - STRENGTH[b.kind]);
  const sortKey = (id: string) => sortKeys.get(id)!;
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return pairs.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.reasons.length - a.reasons.length ||
      byText(sortKey(a.first), sortKey(b.first)) ||
      byText(a.first, b.first) ||
      byText(a.second, b.second),
  );
}

/**
 * The pairs of the last detection per type, with the database's version they were
 * computed from: paging through the list does not detect again. Any committed write,
 * from this connection (total_changes) or another (data_version), makes it stale.
 */
const cached = new WeakMap<object, Map<CardType, { version: string; pairs: Found[] }>>();

function dataVersion(db: Db): string {
  const { changes } = stmt(db, 'select total_changes() as changes').get() as { changes: number };
  return `${String(db.$client.pragma('data_version', { simple: true }))}:${changes}`;
}

function pairsOf(db: Db, type: CardType): Found[] {
  let byType = cached.get(db.$client);
  if (!byType) cached.set(db.$client, (byType = new Map()));
  const version = dataVersion(db);
  const hit = byType.get(type);
  if (hit && hit.version === version) return hit.pairs;
  const pairs = findPairs(db, type);
  byType.set(type, { version, pairs });
  return pairs;
}

/** Phones match on the normalised number (E.164), shown the way the card shows it. */
function phoneValues(db: Db, type: CardType): Keyed[] {
  const display = new Map<string, string>();
  return sharedValues(db, type, 'phones', 'card_id', 'e164').map((row) => {
    let shown = display.get(row.value);
    if (shown === undefined) display.set(row.value, (shown = normalisePhone(row.value).display));
    return { id: row.id, value: shown };
  });
}

function essentials(db: Db, ids: string[]): Map<string, DuplicateCard> {
  if (ids.length === 0) return new Map();
  // Not the statement cache: the number of ids differs from page to page.
  const rows = db.$client
    .prepare(
      `select id, display_name as displayName, list_phone as phone, list_email as email,
       list_province as province, list_institutions as institutions, created_at as createdAt
     from cards where id in (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as DuplicateCard[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function listDuplicates(
  db: Db,
  input: { type: CardType; offset: number; limit: number },
): { total: number; rows: DuplicatePair[] } {
  const pairs = pairsOf(db, input.type);
  const page = pairs.slice(input.offset, input.offset + input.limit);
  const cards = essentials(db, [...new Set(page.flatMap((p) => [p.first, p.second]))]);
  return {
    total: pairs.length,
    rows: page.map((p) => ({ first: cards.get(p.first)!, second: cards.get(p.second)!, reasons: p.reasons })),
  };
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { SearchHit } from '../../../src-shared/contract/search';
import { noteHitDetails } from '../notes/note-hits';

export interface HitDetail {
  title: string;
  mimeType: string | null;
  cards: SearchHit['cards'];
}

/**
 * What a hit shows besides its snippet, read from the entity's own tables (the
 * index holds folded text only): a card's display name; a document's name, type
 * and the live cards it is filed on.
 */
export function hitDetails(db: Db, rows: readonly { type: string; id: string }[]): Map<string, HitDetail> {
  const out = new Map<string, HitDetail>();
  const cardIds = JSON.stringify(rows.filter((r) => r.type === 'person' || r.type === 'institution').map((r) => r.id));
  const cards = stmt(
    db,
    'select id, display_name as title from cards where id in (select value from json_each(?))',
  ).all(cardIds) as { id: string; title: string }[];
  for (const c of cards) out.set(c.id, { title: c.title, mimeType: null, cards: [] });
  for (const [id, detail] of noteHitDetails(db, rows)) out.set(id, detail);
  // Tasks and events show their title (filled in by their modules: taskHitDetails / eventHitDetails).
  const titled = stmt(
    db,
    `select id, title from tasks where id in (select value from json_each(?))
     union all select id, title from events where id in (select value from json_each(?))`,
  ).all(
    JSON.stringify(rows.filter((r) => r.type === 'task').map((r) => r.id)),
    JSON.stringify(rows.filter((r) => r.type === 'event').map((r) => r.id)),
  ) as { id: string; title: string }[];
  for (const t of titled) out.set(t.id, { title: t.title, mimeType: null, cards: [] });
  if (titled.length > 0) {
    const linked = stmt(
      db,
      `select l.owner as ownerId, c.id, c.type, c.display_name as displayName
       from (select task_id as owner, card_id from task_cards where task_id in (select value from json_each(@ids))
             union all
             select event_id, card_id from event_cards where event_id in (select value from json_each(@ids))) l
       join cards c on c.id = l.card_id
       where c.deleted_at is null and c.merged_into is null order by c.sort_key`,
    ).all({ ids: JSON.stringify(titled.map((t) => t.id)) }) as ({ ownerId: string } & SearchHit['cards'][number])[];
    for (const { ownerId, ...card } of linked) out.get(ownerId)?.cards.push(card);
  }

  const documentIds = JSON.stringify(rows.filter((r) => r.type === 'document').map((r) => r.id));
  if (documentIds === '[]') return out;
  const documents = stmt(
    db,
    'select id, name as title, mime_type as mimeType from documents where id in (select value from json_each(?))',
  ).all(documentIds) as { id: string; title: string; mimeType: string }[];
  for (const d of documents) out.set(d.id, { ...d, cards: [] });
  const filings = stmt(
    db,
    `select dc.document_id as documentId, c.id, c.type, c.display_name as displayName
     from document_cards dc join cards c on c.id = dc.card_id
     where dc.document_id in (select value from json_each(?)) and c.deleted_at is null and c.merged_into is null
     order by c.sort_key`,
  ).all(documentIds) as ({ documentId: string } & SearchHit['cards'][number])[];
  for (const { documentId, ...card } of filings) out.get(documentId)?.cards.push(card);
  return out;
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { HitDetail } from '../search/hit-details';

/** What a note hit in global search shows: its subject, and the live cards it concerns as the subtitle. */
export function noteHitDetails(db: Db, rows: readonly { type: string; id: string }[]): Map<string, HitDetail> {
  const out = new Map<string, HitDetail>();
  const ids = JSON.stringify(rows.filter((r) => r.type === 'note').map((r) => r.id));
  if (ids === '[]') return out;
  const notes = stmt(db, 'select id, title from notes where id in (select value from json_each(?))').all(ids) as {
    id: string;
    title: string;
  }[];
  for (const n of notes) out.set(n.id, { title: n.title, mimeType: null, cards: [] });
  const cards = stmt(
    db,
    `select nc.note_id as noteId, c.id, c.type, c.display_name as displayName
     from note_cards nc join cards c on c.id = nc.card_id
     where nc.note_id in (select value from json_each(?)) and c.deleted_at is null and c.merged_into is null
     order by c.sort_key`,
  ).all(ids) as ({ noteId: string } & HitDetail['cards'][number])[];
  for (const { noteId, ...card } of cards) out.get(noteId)?.cards.push(card);
  return out;
}

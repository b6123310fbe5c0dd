import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { findCardInText } from './find-card-in-text';
import { NO_MATCH_REASON, reasonText } from './suggestion-reasons';

interface WaitingDocument {
  itemId: string;
  name: string;
  textStatus: string;
  text: string | null;
}

const WAITING = `select i.id as itemId, d.name, d.text_status as textStatus,
    case when t.status = 'done' then t.text end as text
  from inbox_items i join documents d on d.id = i.document_id left join blob_texts t on t.sha256 = d.sha256
  where i.state is null`;

/**
 * Looks for the card each waiting item's text points at and stores it with its
 * reason (or that nothing was found, so the text is not read again on every
 * list). Items whose text is still being extracted are left for later; a file
 * without text (failed, none, locked) is judged by its name alone. Answers how
 * many items were looked at.
 */
function suggest(db: Db, rows: WaitingDocument[], at: string): number {
  const ready = rows.filter((row) => row.textStatus !== 'pending');
  if (ready.length === 0) return 0;
  return writeTransaction(db, () => {
    for (const row of ready) {
      const found = findCardInText(db, row.text ?? '', row.name);
      stmt(db, 'update inbox_items set suggested_card_id = ?, suggestion_reason = ?, updated_at = ? where id = ?').run(
        found?.cardId ?? null,
        found ? reasonText(found.kind, found.value) : NO_MATCH_REASON,
        at,
        row.itemId,
      );
    }
    return ready.length;
  });
}

/** Waiting items not looked at yet (read lazily by inbox.list, in case no job told us the text arrived). */
export function suggestMissing(db: Db, at: string): number {
  return suggest(db, stmt(db, `${WAITING} and i.suggestion_reason is null`).all() as WaitingDocument[], at);
}

/** The text of these documents changed (extracted, retried, unlocked): look at their waiting items again. */
export function suggestForDocuments(db: Db, documentIds: readonly string[], at: string): number {
  if (documentIds.length === 0) return 0;
  const rows = stmt(db, `${WAITING} and i.document_id in (select value from json_each(?))`).all(
    JSON.stringify(documentIds),
  ) as WaitingDocument[];
  return suggest(db, rows, at);
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { CardType } from '../../../src-shared/contract/cards';
import { writeAudit } from '../audit/audit-log';
import { loadLiveCard, type CardStamp } from './card-rows';
import { refreshCardIndexes } from './card-index';

/** The notes field's own limit (personFields / institutionFields), so the card stays editable. */
const NOTES_MAX = 10_000;

const NOTES_TABLE: Record<CardType, string> = { person: 'persons', institution: 'institutions' };

/** "02.03.2026 12:00": the office's clock (Europe/Istanbul), as Turkish offices write it. */
const STAMP_FORMAT = new Intl.DateTimeFormat('tr-TR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Istanbul',
});
const stampText = (at: string) => STAMP_FORMAT.format(new Date(at)).replace(',', '');

/**
 * "Not ekle" on the card: a dated line signed by the user at the end of the
 * card's notes, with its audit row, in one transaction. A stopgap until the
 * notes module gives notes their own rows.
 */
export function appendNote(
  db: Db,
  input: { id: string; text: string },
  stamp: CardStamp,
): { id: string; type: CardType; notes: string; updatedAt: string } {
  return writeTransaction(db, () => {
    const card = loadLiveCard(db, input.id);
    const table = NOTES_TABLE[card.type];
    const { notes: old } = stmt(db, `select notes from ${table} where card_id = ?`).get(card.id) as {
      notes: string | null;
    };
    const user = stmt(db, 'select name from users where id = ?').get(stamp.userId) as { name: string } | undefined;
    const line = `${stampText(stamp.at)} · ${user?.name ?? '?'}: ${input.text}`;
    const notes = old ? `${old}\n${line}` : line;
    if (notes.length > NOTES_MAX) {
      throw invalidInput(
        `"${card.displayName}" kartının notları ${NOTES_MAX.toLocaleString('tr-TR')} karakteri geçemez; ` +
          'eski notları düzenleyip kısaltın.',
        { text: 'Notlar dolu: bu not sığmıyor' },
      );
    }
    stmt(db, `update ${table} set notes = ? where card_id = ?`).run(notes, card.id);
    stmt(db, 'update cards set updated_at = ? where id = ?').run(stamp.at, card.id);
    refreshCardIndexes(db, card.id);
    writeAudit(db, {
      ...stamp,
      action: 'note',
      entityType: card.type,
      entityId: card.id,
      before: { notes: old },
      after: { text: input.text, notes },
    });
    return { id: card.id, type: card.type, notes, updatedAt: stamp.at };
  });
}

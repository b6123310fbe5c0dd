/** Pairs a person has said are different cards ("farklı kişiler"): never proposed again, unless taken back. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import { loadCard, type CardStamp } from '../cards/card-rows';
import { writeTransaction } from '../../db/transaction';
import { writeLinkAudit } from '../audit/audit-log';

/** One spelling per pair, as duplicate_dismissals stores it: first_id < second_id. */
function ordered(db: Db, firstId: string, secondId: string): { firstId: string; secondId: string } {
  if (firstId === secondId) throw invalidInput('Bir kart kendisinden farklı sayılamaz; iki ayrı kart seçin.');
  const a = loadCard(db, firstId);
  const b = loadCard(db, secondId);
  if (a.type !== b.type) throw invalidInput(`"${a.displayName}" ile "${b.displayName}" zaten farklı türden kartlar.`);
  return firstId < secondId ? { firstId, secondId } : { firstId: secondId, secondId: firstId };
}

export function dismissPair(db: Db, firstId: string, secondId: string, stamp: CardStamp) {
  return writeTransaction(db, () => {
    const pair = ordered(db, firstId, secondId);
    const added = stmt(
      db,
      `insert into duplicate_dismissals (first_id, second_id, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?) on conflict do nothing`,
    ).run(pair.firstId, pair.secondId, stamp.at, stamp.at, stamp.userId);
    if (added.changes) auditPair(db, 'duplicate_dismiss', pair, stamp);
    return pair;
  });
}

export function undismissPair(db: Db, firstId: string, secondId: string, stamp: CardStamp) {
  return writeTransaction(db, () => {
    const pair = ordered(db, firstId, secondId);
    const removed = stmt(db, 'delete from duplicate_dismissals where first_id = ? and second_id = ?').run(
      pair.firstId,
      pair.secondId,
    );
    if (removed.changes) auditPair(db, 'duplicate_undismiss', pair, stamp);
    return pair;
  });
}

/** "Not the same" is a decision about both cards: it shows in the history of each. */
function auditPair(
  db: Db,
  action: 'duplicate_dismiss' | 'duplicate_undismiss',
  pair: { firstId: string; secondId: string },
  stamp: CardStamp,
) {
  const cards = [loadCard(db, pair.firstId), loadCard(db, pair.secondId)];
  writeLinkAudit(
    db,
    { ...stamp, action, after: { firstId: pair.firstId, secondId: pair.secondId } },
    cards.map((c) => ({ type: c.type, id: c.id })),
  );
}

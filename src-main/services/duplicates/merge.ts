/**
 * Merging two cards into one, and undoing it. One transaction each: the moved
 * rows, the survivor's fields, the tombstone, the search index and the audit rows
 * land together or not at all.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { ContractError, conflict, invalidInput } from '../../../src-shared/contract/errors';
import type { CardType } from '../../../src-shared/contract/cards';
import type { MergeChoice, MergeRecord } from '../../../src-shared/contract/duplicates';
import { writeAudit } from '../audit/audit-log';
import { loadCard, type CardRow, type CardStamp } from '../cards/card-rows';
import { refreshCardIndexes, refreshPeopleOf } from '../cards/card-index';
import { getPerson } from '../cards/persons';
import { getInstitution } from '../cards/institutions';
import { chooseFields, readFields, writeFields } from './merge-fields';
import { moveReferences, restoreReferences } from './move-references';
import { loadMerge, mergeJson, toMergeRecord, undoBlocker, type MergeBefore, type MergeMoves } from './merge-record';

export const cardView = (db: Db, type: CardType, id: string) =>
  type === 'person' ? getPerson(db, id) : getInstitution(db, id);

const TYPE_WORDS: Record<CardType, string> = { person: 'kişi kartı', institution: 'kurum kartı' };

/** A card that may take part in a merge: live, and not itself the tombstone of an earlier merge. */
function assertMergeable(db: Db, card: CardRow): void {
  if (card.mergedInto) {
    const into = loadCard(db, card.mergedInto);
    throw conflict(`"${card.displayName}" zaten "${into.displayName}" kartıyla birleştirilmiş.`);
  }
  if (card.deletedAt) throw conflict(`"${card.displayName}" çöp kutusunda; birleştirmek için önce geri yükleyin.`);
}

/** Derived text of both cards (and, for institutions, of the people linked to them). */
function refreshBoth(db: Db, type: CardType, survivorId: string, loserId: string): void {
  refreshCardIndexes(db, survivorId);
  refreshCardIndexes(db, loserId);
  if (type === 'institution') {
    refreshPeopleOf(db, survivorId);
    refreshPeopleOf(db, loserId);
  }
}

export function mergeCards(
  db: Db,
  input: { survivorId: string; loserId: string; choices: Record<string, MergeChoice> },
  stamp: CardStamp,
): MergeRecord {
  if (input.survivorId === input.loserId) {
    throw invalidInput('Bir kart kendisiyle birleştirilemez; iki ayrı kart seçin.', {
      loserId: 'Kalan kartla aynı kart',
    });
  }
  return writeTransaction(db, () => {
    const survivor = loadCard(db, input.survivorId);
    const loser = loadCard(db, input.loserId);
    if (survivor.type !== loser.type) {
      throw invalidInput(
        `"${loser.displayName}" bir ${TYPE_WORDS[loser.type]}, "${survivor.displayName}" bir ${TYPE_WORDS[survivor.type]}; yalnız aynı türden kartlar birleştirilebilir.`,
      );
    }
    assertMergeable(db, survivor);
    assertMergeable(db, loser);
    const type = survivor.type;

    const before: MergeBefore = {
      survivor: {
        card: { deletedAt: survivor.deletedAt, deletedBy: survivor.deletedBy, updatedAt: survivor.updatedAt },
        fields: readFields(db, type, survivor.id),
        view: cardView(db, type, survivor.id),
      },
      loser: {
        card: { deletedAt: loser.deletedAt, deletedBy: loser.deletedBy, updatedAt: loser.updatedAt },
        fields: readFields(db, type, loser.id),
        view: cardView(db, type, loser.id),
      },
    };
    const fields = chooseFields(type, before.survivor.fields, before.loser.fields, input.choices);
    const moves: MergeMoves = { fields, references: moveReferences(db, survivor.id, loser.id) };
    writeFields(db, type, survivor.id, fields, stamp.at);
    stmt(db, 'update cards set deleted_at = ?, deleted_by = ?, merged_into = ?, updated_at = ? where id = ?').run(
      stamp.at,
      stamp.userId,
      survivor.id,
      stamp.at,
      loser.id,
    );
    refreshBoth(db, type, survivor.id, loser.id);

    const id = newId();
    stmt(
      db,
      `insert into merges (id, survivor_id, loser_id, moved, before, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, survivor.id, loser.id, JSON.stringify(moves), JSON.stringify(before), stamp.at, stamp.at, stamp.userId);

    const merged = cardView(db, type, survivor.id);
    const audit = { ...stamp, action: 'merge' as const, entityType: type };
    writeAudit(db, { ...audit, entityId: survivor.id, before: before.survivor.view, after: merged });
    writeAudit(db, {
      ...audit,
      entityId: loser.id,
      before: before.loser.view,
      after: { mergedInto: { id: survivor.id, name: merged.displayName }, mergeId: id },
    });
    return toMergeRecord(db, loadMerge(db, id));
  });
}

/** Both cards back as they were before the merge; refused with CONFLICT when that is no longer possible. */
export function undoMerge(db: Db, id: string, stamp: CardStamp): MergeRecord {
  return writeTransaction(db, () => {
    const m = loadMerge(db, id);
    const blocked = undoBlocker(db, m);
    if (blocked) throw new ContractError('CONFLICT', blocked);
    const { moves, before } = mergeJson(db, id);
    const mergedView = cardView(db, m.type, m.survivorId);
    const tombstoneView = cardView(db, m.type, m.loserId);

    restoreReferences(db, m.survivorId, m.loserId, moves.references);
    // Both cards get back their updatedAt too (the audit rows below record the undo and
    // when): so an earlier merge of the same survivor can be undone next, since its
    // survivor again looks untouched since that merge, and a form opened on either card
    // before the merge can still save.
    writeFields(db, m.type, m.survivorId, before.survivor.fields, before.survivor.card.updatedAt);
    stmt(db, 'update cards set deleted_at = ?, deleted_by = ?, merged_into = null, updated_at = ? where id = ?').run(
      before.loser.card.deletedAt,
      before.loser.card.deletedBy,
      before.loser.card.updatedAt,
      m.loserId,
    );
    refreshBoth(db, m.type, m.survivorId, m.loserId);
    stmt(db, 'update merges set undone_at = ?, undone_by = ?, updated_at = ? where id = ?').run(
      stamp.at,
      stamp.userId,
      stamp.at,
      id,
    );

    const audit = { ...stamp, action: 'unmerge' as const, entityType: m.type };
    writeAudit(db, {
      ...audit,
      entityId: m.survivorId,
      before: mergedView,
      after: cardView(db, m.type, m.survivorId),
    });
    writeAudit(db, {
      ...audit,
      entityId: m.loserId,
      before: tombstoneView,
      after: cardView(db, m.type, m.loserId),
    });
    return toMergeRecord(db, loadMerge(db, id));
  });
}

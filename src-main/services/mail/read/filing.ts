/**
 * Filing by hand: a mail put on cards (manual links), taken off one, or dismissed from the unfiled list. Filing
 * can add the sender's address to a card, so the next mail from it links by itself. Each change is audited on
 * the cards it touched.
 */
import { COPIES_OF } from './mail-copies';
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { writeTransaction } from '../../../db/transaction';
import { writeAudit } from '../../audit/audit-log';
import { refreshCardIndexes } from '../../cards/card-index';
import { newId } from '../../../core/ids';
import { invalidInput, notFound } from '../../../../src-shared/contract/errors';
import { writeLinks } from '../link/link-rules';

interface Stamp {
  userId: string;
  at: string;
}

interface MailRow {
  id: string;
  subject: string;
  fromAddress: string | null;
  accountId: string | null;
  filed: string;
}

interface CardRow {
  id: string;
  type: string;
  displayName: string;
}

function liveMail(db: Db, id: string): MailRow {
  const row = stmt(
    db,
    `select id, subject, from_address as fromAddress, account_id as accountId, filed from mail_messages
     where id = ? and deleted_at is null`,
  ).get(id) as MailRow | undefined;
  if (!row) throw notFound('E-posta');
  return row;
}

function liveCard(db: Db, id: string): CardRow {
  const row = stmt(
    db,
    'select id, type, display_name as displayName from cards where id = ? and deleted_at is null and merged_into is null',
  ).get(id) as CardRow | undefined;
  if (!row) throw notFound('Kart');
  return row;
}

export interface FileOutcome {
  addressAdded: boolean;
  accountId: string | null;
  cardIds: string[];
}

export function fileMail(
  db: Db,
  input: { id: string; cardIds: string[]; addAddressTo?: string | undefined },
  stamp: Stamp,
): FileOutcome {
  return writeTransaction(db, () => {
    const mail = liveMail(db, input.id);
    const cards = [...new Set(input.cardIds)].map((id) => liveCard(db, id));
    const already = new Set(
      (
        stmt(db, 'select card_id as id from mail_message_cards where message_id = ?').all(mail.id) as { id: string }[]
      ).map((r) => r.id),
    );
    writeLinks(
      db,
      mail.id,
      cards.map((c) => ({ cardId: c.id, linkKind: 'manual', address: null })),
    );
    stmt(db, "update mail_messages set filed = 'linked', updated_at = ? where id = ?").run(stamp.at, mail.id);
    for (const card of cards.filter((c) => !already.has(c.id))) {
      writeAudit(db, {
        ...stamp,
        action: 'mail_file',
        entityType: card.type,
        entityId: card.id,
        after: { mailId: mail.id, title: mail.subject || '(konusuz)' },
      });
    }
    let addressAdded = false;
    if (input.addAddressTo) {
      if (!cards.some((c) => c.id === input.addAddressTo)) {
        throw invalidInput('Adres yalnız e-postanın eklendiği kartlardan birine eklenebilir.', {
          addAddressTo: 'Seçili kartlardan biri olmalı',
        });
      }
      if (!mail.fromAddress) {
        throw invalidInput('Bu e-postada gönderen adresi yok; karta eklenecek adres bulunamadı.', {
          addAddressTo: 'Gönderen adresi yok',
        });
      }
      addressAdded = addAddress(db, liveCard(db, input.addAddressTo), mail.fromAddress, stamp);
    }
    return { addressAdded, accountId: mail.accountId, cardIds: cards.map((c) => c.id) };
  });
}

/**
 * Adds an address to a card's e-mails (last, not primary unless it is the card's first), then refreshes the
 * card's list and search rows as every card write does. An address the card already has is left alone.
 */
function addAddress(db: Db, card: CardRow, address: string, stamp: Stamp): boolean {
  const lower = address.toLowerCase();
  const existing = stmt(db, 'select address from emails where card_id = ?').all(card.id) as { address: string }[];
  if (existing.some((e) => e.address === lower)) return false;
  if (existing.length >= 50) {
    throw invalidInput(`"${card.displayName}" kartında zaten 50 e-posta adresi var; yenisi eklenemedi.`, {
      addAddressTo: 'Kartta en çok 50 adres olabilir',
    });
  }
  stmt(
    db,
    `insert into emails (id, card_id, position, kind, address, is_primary, created_at, updated_at, created_by)
     values (?, ?, ?, 'work', ?, ?, ?, ?, ?)`,
  ).run(newId(), card.id, existing.length, lower, existing.length === 0 ? 1 : 0, stamp.at, stamp.at, stamp.userId);
  stmt(db, 'update cards set updated_at = ? where id = ?').run(stamp.at, card.id);
  refreshCardIndexes(db, card.id);
  writeAudit(db, {
    ...stamp,
    action: 'mail_address_add',
    entityType: card.type,
    entityId: card.id,
    after: { text: lower },
  });
  return true;
}

export function unlinkMail(db: Db, input: { id: string; cardId: string }, stamp: Stamp): { accountId: string | null } {
  return writeTransaction(db, () => {
    const mail = liveMail(db, input.id);
    // Every copy of the mail leaves the card (mail-copies.ts): the card shows one, and a hidden copy must not
    // take its place.
    const copies = (stmt(db, COPIES_OF).all({ id: mail.id }) as { id: string }[]).map((c) => c.id);
    let removed = 0;
    for (const id of copies) {
      removed += stmt(db, 'delete from mail_message_cards where message_id = ? and card_id = ?').run(
        id,
        input.cardId,
      ).changes;
      const left = stmt(db, 'select count(*) as n from mail_message_cards where message_id = ?').get(id) as {
        n: number;
      };
      if (left.n === 0) {
        stmt(db, "update mail_messages set filed = 'unfiled', updated_at = ? where id = ? and filed = 'linked'").run(
          stamp.at,
          id,
        );
      }
    }
    if (removed === 0) throw notFound('Bu karttaki e-posta');
    const card = stmt(db, 'select id, type from cards where id = ?').get(input.cardId) as CardRow | undefined;
    if (card) {
      writeAudit(db, {
        ...stamp,
        action: 'mail_unlink',
        entityType: card.type,
        entityId: card.id,
        before: { mailId: mail.id, title: mail.subject || '(konusuz)' },
      });
    }
    return { accountId: mail.accountId };
  });
}

/** Takes unfiled mail off the unfiled list; mail already on cards stays as it is. */
export function dismissMail(db: Db, ids: string[], stamp: Stamp): number {
  return writeTransaction(db, () => {
    const update = stmt(
      db,
      "update mail_messages set filed = 'dismissed', updated_at = ? where id = ? and filed = 'unfiled' and deleted_at is null",
    );
    return ids.reduce((n, id) => n + update.run(stamp.at, id).changes, 0);
  });
}

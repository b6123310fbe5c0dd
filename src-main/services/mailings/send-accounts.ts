/** Which account a send goes out through: the one named, else the first enabled one of the channel. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { Channel } from '../../../src-shared/contract/mailings';
import { invalidInput } from '../../../src-shared/contract/errors';

export interface SendAccount {
  channel: Channel;
  id: string;
  /** The From address (mail) or the sender name (SMS). */
  from: string;
  displayName: string | null;
}

export function pickAccount(db: Db, channel: Channel, accountId: string | undefined): SendAccount {
  const table = channel === 'email' ? 'mail_accounts' : 'sms_accounts';
  const from = channel === 'email' ? 'email_address' : 'sender';
  const display = channel === 'email' ? 'display_name' : 'null';
  const row = (
    accountId
      ? stmt(
          db,
          `select id, ${from} as "from", ${display} as displayName, enabled from ${table} where id = ? and deleted_at is null`,
        ).get(accountId)
      : stmt(
          db,
          `select id, ${from} as "from", ${display} as displayName, enabled from ${table}
           where deleted_at is null and enabled = 1 order by created_at, id limit 1`,
        ).get()
  ) as { id: string; from: string; displayName: string | null; enabled: number } | undefined;
  const what = channel === 'email' ? 'e-posta hesabı' : 'SMS hesabı';
  if (!row) {
    const message = accountId
      ? `Seçilen ${what} bulunamadı.`
      : `Gönderim için etkin bir ${what} yok: önce Ayarlar’da bir ${what} ekleyin.`;
    throw invalidInput(message, { accountId: message });
  }
  if (!row.enabled) {
    const message = `«${row.from}» ${what} kapalı: önce Ayarlar’da açın.`;
    throw invalidInput(message, { accountId: message });
  }
  return { channel, id: row.id, from: row.from, displayName: row.displayName };
}

/** The documents to attach, each checked (a deleted one is refused by name). */
export function checkDocuments(db: Db, ids: string[]): void {
  ids.forEach((id, i) => {
    const row = stmt(db, 'select name, deleted_at as deletedAt from documents where id = ?').get(id) as
      { name: string; deletedAt: string | null } | undefined;
    if (!row || row.deletedAt) {
      const message = row ? `«${row.name}» belgesi silinmiş; eklenemez.` : 'Eklenecek belge bulunamadı.';
      throw invalidInput(message, { [`documentIds.${i}`]: message });
    }
  });
}

/** SMS provider accounts: admins only; the password sealed by the host's SecretBox, never returned or logged. */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { writeTransaction } from '../../../db/transaction';
import { newId } from '../../../core/ids';
import type { SecretBox } from '../../../core/secret-box';
import { writeAudit } from '../../audit/audit-log';
import { assertAdmin } from '../../criteria/permissions';
import type { CallOutput, ParsedInput } from '../../../../src-shared/contract';
import type { SMS_PROVIDERS } from '../../../../src-shared/contract/mailings';
import { invalidInput, notFound } from '../../../../src-shared/contract/errors';
import { SmsSendError, type SmsCredentials } from './provider';
import { netgsmUrlProblem } from './netgsm';

export type SmsProviderName = (typeof SMS_PROVIDERS)[number];
type SmsAccountOut = CallOutput<'sms.accounts.save'>;
type Stamp = { userId: string; at: string };

const COLUMNS = `id, name, provider, api_url as apiUrl, username, sender, rate_per_minute as ratePerMinute, enabled,
  send_problem as sendProblem`;

const toOut = (r: SmsAccountOut & { enabled: number | boolean }): SmsAccountOut => ({ ...r, enabled: !!r.enabled });

export function listSmsAccounts(db: Db): SmsAccountOut[] {
  return (
    stmt(
      db,
      `select ${COLUMNS} from sms_accounts where deleted_at is null order by created_at, id`,
    ).all() as (SmsAccountOut & {
      enabled: number;
    })[]
  ).map(toOut);
}

function getSmsAccount(db: Db, id: string): SmsAccountOut {
  const row = stmt(db, `select ${COLUMNS} from sms_accounts where id = ? and deleted_at is null`).get(id) as
    (SmsAccountOut & { enabled: number }) | undefined;
  if (!row) throw notFound('SMS hesabı');
  return toOut(row);
}

export function saveSmsAccount(
  db: Db,
  secrets: SecretBox,
  input: ParsedInput<'sms.accounts.save'>,
  stamp: Stamp,
): SmsAccountOut {
  assertAdmin(db, stamp.userId, 'SMS hesabı eklemek ya da değiştirmek');
  const f = input.fields;
  if (!input.id && !f.password)
    throw invalidInput('Yeni hesap için parola gerekli.', { 'fields.password': 'Parola gerekli' });
  const urlProblem = f.provider === 'netgsm' ? netgsmUrlProblem(f.apiUrl) : null;
  if (urlProblem) throw invalidInput(urlProblem, { 'fields.apiUrl': urlProblem });
  const sealed = f.password ? secrets.seal(f.password) : undefined;
  return writeTransaction(db, () => {
    const before = input.id ? getSmsAccount(db, input.id) : undefined;
    const id = input.id ?? newId();
    if (before) {
      stmt(
        db,
        `update sms_accounts set name = ?, provider = ?, api_url = ?, username = ?, sender = ?, rate_per_minute = ?,
         enabled = ?, updated_at = ? where id = ?`,
      ).run(f.name, f.provider, f.apiUrl, f.username, f.sender, f.ratePerMinute, f.enabled ? 1 : 0, stamp.at, id);
      if (sealed) {
        stmt(db, 'update sms_accounts set secret_sealed = ?, secret_scheme = ? where id = ?').run(
          sealed.sealed,
          sealed.scheme,
          id,
        );
      }
    } else {
      stmt(
        db,
        `insert into sms_accounts (id, name, provider, api_url, username, secret_sealed, secret_scheme, sender,
           rate_per_minute, enabled, created_at, updated_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        f.name,
        f.provider,
        f.apiUrl,
        f.username,
        sealed!.sealed,
        sealed!.scheme,
        f.sender,
        f.ratePerMinute,
        f.enabled ? 1 : 0,
        stamp.at,
        stamp.at,
        stamp.userId,
      );
    }
    const after = getSmsAccount(db, id);
    // The audit row says whether the password changed, never what it is.
    writeAudit(db, {
      ...stamp,
      action: 'sms_account_save',
      entityType: 'sms_account',
      entityId: id,
      before,
      after: { ...after, passwordChanged: !!sealed },
    });
    return after;
  });
}

export function removeSmsAccount(db: Db, id: string, stamp: Stamp): void {
  assertAdmin(db, stamp.userId, 'SMS hesabını kaldırmak');
  writeTransaction(db, () => {
    const before = getSmsAccount(db, id);
    // The sealed password is forgotten with the account: nothing can send through it any more.
    stmt(
      db,
      `update sms_accounts set deleted_at = ?, enabled = 0, secret_sealed = '', secret_scheme = '', updated_at = ?
       where id = ?`,
    ).run(stamp.at, stamp.at, id);
    writeAudit(db, { ...stamp, action: 'sms_account_remove', entityType: 'sms_account', entityId: id, before });
  });
}

/**
 * The provider name and opened credentials of an account, for the send job. A disabled or removed account is
 * refused as the account's problem (scope 'account'): its queued rows wait instead of failing.
 */
export function smsAccountCredentials(
  db: Db,
  secrets: SecretBox,
  id: string,
): { provider: SmsProviderName; sender: string; credentials: SmsCredentials } {
  const row = stmt(
    db,
    `select provider, api_url as apiUrl, username, sender, secret_sealed as sealed, secret_scheme as scheme,
       enabled, deleted_at as deletedAt from sms_accounts where id = ?`,
  ).get(id) as
    | {
        provider: SmsProviderName;
        apiUrl: string;
        username: string;
        sender: string;
        sealed: string;
        scheme: string;
        enabled: number;
        deletedAt: string | null;
      }
    | undefined;
  if (!row || row.deletedAt) throw new SmsSendError('SMS hesabı kaldırılmış: gönderimler bekliyor', false, 'account');
  if (!row.enabled) throw new SmsSendError('SMS hesabı kapalı: gönderimler bekliyor', false, 'account');
  return {
    provider: row.provider,
    sender: row.sender,
    credentials: { apiUrl: row.apiUrl, username: row.username, password: secrets.open(row.sealed, row.scheme) },
  };
}

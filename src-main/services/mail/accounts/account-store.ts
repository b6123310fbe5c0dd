/**
 * Mail accounts as rows: add/change (admins only), list with status and message count, soft removal.
 * The password is sealed by the host's SecretBox before it reaches the row and never appears in an audit row
 * or an error message.
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import { writeTransaction } from '../../../db/transaction';
import { mailAccounts, mailMessages } from '../../../db/schema';
import { newId } from '../../../core/ids';
import type { SecretBox } from '../../../core/secret-box';
import { writeAudit } from '../../audit/audit-log';
import { assertAdmin } from '../../criteria/permissions';
import { queuedBodiesByAccount } from '../ingest/body-queue';
import { conflict, invalidInput, notFound } from '../../../../src-shared/contract/errors';
import type { MailAccountOut, MailSecurity, mailAccountFields } from '../../../../src-shared/contract/mail';
import type { z } from 'zod';

type Fields = z.output<typeof mailAccountFields>;
type Row = typeof mailAccounts.$inferSelect;
type Stamp = { userId: string; at: string };

export const ENTITY_TYPE = 'mail_account';

function toOut(row: Row, messageCount: number, bodiesPending = 0): MailAccountOut {
  return {
    id: row.id,
    name: row.name,
    emailAddress: row.emailAddress,
    displayName: row.displayName,
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecurity: row.imapSecurity as MailSecurity,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity as MailSecurity,
    username: row.username,
    inboxFolder: row.inboxFolder,
    sentFolder: row.sentFolder,
    syncWindowDays: row.syncWindowDays,
    ratePerMinute: row.ratePerMinute,
    enabled: row.enabled,
    status: (row.enabled ? row.status : 'disabled') as MailAccountOut['status'],
    statusDetail: row.statusDetail,
    lastSyncAt: row.lastSyncAt,
    messageCount,
    bodiesPending,
  };
}

/** What an audit row may say about an account: every setting but the password. */
function auditable(row: Row) {
  return {
    name: row.name,
    emailAddress: row.emailAddress,
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecurity: row.imapSecurity,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity,
    username: row.username,
    inboxFolder: row.inboxFolder,
    sentFolder: row.sentFolder,
    syncWindowDays: row.syncWindowDays,
    enabled: row.enabled,
  };
}

function messageCount(db: Db, accountId: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(mailMessages)
    .where(and(eq(mailMessages.accountId, accountId), isNull(mailMessages.deletedAt)))
    .get();
  return row?.n ?? 0;
}

export function liveAccount(db: Db, id: string): Row {
  const row = db.select().from(mailAccounts).where(eq(mailAccounts.id, id)).get();
  if (!row || row.deletedAt) throw notFound('Posta hesabı');
  return row;
}

export function getAccount(db: Db, id: string): MailAccountOut {
  return toOut(liveAccount(db, id), messageCount(db, id));
}

export function listAccounts(db: Db): MailAccountOut[] {
  const rows = db.select().from(mailAccounts).where(isNull(mailAccounts.deletedAt)).orderBy(mailAccounts.name).all();
  const counts = new Map(
    db
      .select({ accountId: mailAccounts.id, n: sql<number>`count(${mailMessages.id})` })
      .from(mailAccounts)
      .leftJoin(mailMessages, and(eq(mailMessages.accountId, mailAccounts.id), isNull(mailMessages.deletedAt)))
      .groupBy(mailAccounts.id)
      .all()
      .map((r) => [r.accountId, r.n]),
  );
  const pending = queuedBodiesByAccount(db);
  return rows.map((r) => toOut(r, counts.get(r.id) ?? 0, pending.get(r.id) ?? 0));
}

/** The accounts the scan job should run, with when their settings last changed (a change restarts a worker). */
export function enabledAccounts(db: Db): { id: string; updatedAt: string }[] {
  return db
    .select({ id: mailAccounts.id, updatedAt: mailAccounts.updatedAt })
    .from(mailAccounts)
    .where(and(isNull(mailAccounts.deletedAt), eq(mailAccounts.enabled, true)))
    .all();
}

export function saveAccount(
  db: Db,
  secrets: SecretBox,
  input: { id?: string | undefined; fields: Fields },
  stamp: Stamp,
): MailAccountOut {
  assertAdmin(db, stamp.userId, 'Posta hesabı eklemek veya değiştirmek');
  const f = input.fields;
  // Sealed before the transaction: the OS keychain may take a moment, the write lock must not wait for it.
  const sealed = f.password === undefined ? undefined : secrets.seal(f.password);
  const id = writeTransaction(db, () => {
    const same = db
      .select({ id: mailAccounts.id })
      .from(mailAccounts)
      .where(
        and(
          eq(mailAccounts.emailAddress, f.emailAddress),
          sql`lower(${mailAccounts.imapHost}) = ${f.imapHost.toLowerCase()}`,
          isNull(mailAccounts.deletedAt),
          input.id ? ne(mailAccounts.id, input.id) : undefined,
        ),
      )
      .get();
    if (same) throw conflict(`${f.emailAddress} adresi ${f.imapHost} sunucusunda zaten bir hesap olarak kayıtlı.`);
    const values = {
      name: f.name,
      emailAddress: f.emailAddress,
      displayName: f.displayName ?? null,
      imapHost: f.imapHost,
      imapPort: f.imapPort,
      imapSecurity: f.imapSecurity,
      smtpHost: f.smtpHost,
      smtpPort: f.smtpPort,
      smtpSecurity: f.smtpSecurity,
      username: f.username,
      inboxFolder: f.inboxFolder,
      sentFolder: f.sentFolder,
      syncWindowDays: f.syncWindowDays,
      ratePerMinute: f.ratePerMinute,
      enabled: f.enabled,
      updatedAt: stamp.at,
      ...(sealed ? { secretSealed: sealed.sealed, secretScheme: sealed.scheme } : {}),
    };
    if (!input.id) {
      if (!sealed) throw invalidInput('Yeni hesap için parola gerekli.', { 'fields.password': 'Parola gerekli' });
      const row: typeof mailAccounts.$inferInsert = {
        ...values,
        id: newId(),
        secretSealed: sealed.sealed,
        secretScheme: sealed.scheme,
        status: 'idle',
        createdAt: stamp.at,
      };
      db.insert(mailAccounts).values(row).run();
      writeAudit(db, {
        ...stamp,
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: row.id!,
        after: auditable(liveAccount(db, row.id!)),
      });
      return row.id!;
    }
    const before = liveAccount(db, input.id);
    // Changed server or login: the stored problem no longer applies; the job says what it finds next.
    const reset = { status: 'idle', statusDetail: null };
    db.update(mailAccounts)
      .set({ ...values, ...reset })
      .where(eq(mailAccounts.id, input.id))
      .run();
    writeAudit(db, {
      ...stamp,
      action: 'update',
      entityType: ENTITY_TYPE,
      entityId: input.id,
      before: auditable(before),
      after: { ...auditable(liveAccount(db, input.id)), ...(sealed ? { passwordChanged: true } : {}) },
    });
    return input.id;
  });
  return getAccount(db, id);
}

export function removeAccount(db: Db, id: string, stamp: Stamp): void {
  assertAdmin(db, stamp.userId, 'Posta hesabını kaldırmak');
  writeTransaction(db, () => {
    const before = liveAccount(db, id);
    // The sealed password is forgotten with the account (the column is NOT NULL: an empty seal opens nothing).
    db.update(mailAccounts)
      .set({ deletedAt: stamp.at, updatedAt: stamp.at, enabled: false, status: 'disabled', secretSealed: '' })
      .where(eq(mailAccounts.id, id))
      .run();
    writeAudit(db, { ...stamp, action: 'delete', entityType: ENTITY_TYPE, entityId: id, before: auditable(before) });
  });
}

/**
 * Putting sends in the outbox: a single mail/SMS to a few people, and mailings to a segment (a draft first; the
 * members are fixed when it starts). Each is one transaction with its audit row; the send job is signalled by
 * the handler after the commit.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit/audit-log';
import type { ParsedInput } from '../../../src-shared/contract';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import { assertKnownPlaceholders } from './render/placeholders';
import { assertListOthersAllowed } from './list-others';
import { resolveGiven, resolveSegment, type Resolved } from './recipients';
import { insertMailing, insertRecipients, messageIdDomain } from './outbox-rows';
import { checkDocuments, pickAccount } from './send-accounts';
import { countMatching, segmentFilter } from '../segments/segment-filter';

type Stamp = { userId: string; at: string };

/** Later rows with an address already taken are left out as duplicates (one message per address). */
function oncePerAddress(list: Resolved[]): Resolved[] {
  const seen = new Set<string>();
  return list.map((r) => {
    if (!r.address) return r;
    if (seen.has(r.address)) return { ...r, address: null, skipReason: `aynı adres listede iki kez (${r.address})` };
    seen.add(r.address);
    return r;
  });
}

/** The Message-ID of the mail answered, so the reply threads with it. */
function repliedMessageId(db: Db, mailId: string | undefined): string | null {
  if (!mailId) return null;
  const row = stmt(db, 'select message_id_header as id from mail_messages where id = ? and deleted_at is null').get(
    mailId,
  ) as { id: string | null } | undefined;
  if (!row) throw notFound('Yanıtlanan e-posta');
  return row.id;
}

export function queueSingle(db: Db, input: ParsedInput<'mail.send'>, stamp: Stamp, today: string): string {
  assertKnownPlaceholders({ subject: input.subject, body: input.body });
  if (input.channel === 'sms' && input.documentIds.length > 0)
    throw invalidInput('SMS ile belge gönderilemez.', { documentIds: 'SMS ile belge gönderilemez' });
  return writeTransaction(db, () => {
    const account = pickAccount(db, input.channel, input.accountId);
    checkDocuments(db, input.documentIds);
    const recipients = oncePerAddress(resolveGiven(db, input.to, input.channel));
    if (recipients.every((r) => !r.address)) {
      const reason = recipients[0]?.skipReason ?? 'adres yok';
      throw invalidInput(`Gönderilecek adres yok: ${recipients[0]?.name ?? ''} (${reason}).`, { to: reason });
    }
    const id = insertMailing(
      db,
      {
        channel: input.channel,
        kind: 'single',
        accountId: input.channel === 'email' ? account.id : null,
        smsAccountId: input.channel === 'sms' ? account.id : null,
        segmentId: null,
        segmentName: null,
        subject: input.subject,
        body: input.body,
        documentIds: input.documentIds,
        listOthers: false,
        inReplyTo: repliedMessageId(db, input.replyTo),
        status: 'queued',
      },
      stamp,
    );
    insertRecipients(db, id, recipients, { domain: domainOf(account), today, at: stamp.at });
    writeAudit(db, {
      ...stamp,
      action: 'mail_send',
      entityType: 'mailing',
      entityId: id,
      after: {
        channel: input.channel,
        subject: input.subject,
        to: recipients.map((r) => ({ cardId: r.cardId, name: r.name, address: r.address })),
      },
    });
    return id;
  });
}

const domainOf = (account: { channel: string; from: string }) =>
  account.channel === 'email' ? messageIdDomain(account.from) : 'sms.kartotek.local';

export function createMailing(db: Db, input: ParsedInput<'mailings.create'>, stamp: Stamp, today: string): string {
  assertKnownPlaceholders({ subject: input.subject, body: input.body });
  assertListOthersAllowed(input.channel, input.listOthers);
  if (input.channel === 'sms' && input.documentIds.length > 0)
    throw invalidInput('SMS ile belge gönderilemez.', { documentIds: 'SMS ile belge gönderilemez' });
  return writeTransaction(db, () => {
    const account = pickAccount(db, input.channel, input.accountId);
    checkDocuments(db, input.documentIds);
    const segmentName = (
      stmt(db, 'select name from segments where id = ? and deleted_at is null').get(input.segmentId) as
        { name: string } | undefined
    )?.name;
    if (segmentName === undefined) throw notFound('Segment');
    const id = insertMailing(
      db,
      {
        channel: input.channel,
        kind: 'mailing',
        accountId: input.channel === 'email' ? account.id : null,
        smsAccountId: input.channel === 'sms' ? account.id : null,
        segmentId: input.segmentId,
        segmentName,
        subject: input.subject,
        body: input.body,
        documentIds: input.documentIds,
        listOthers: input.listOthers,
        inReplyTo: null,
        status: 'draft',
      },
      stamp,
    );
    // A draft shows how many the segment has now; the list itself is fixed at start.
    const { cardType, where } = segmentFilter(db, input.segmentId, today);
    const total = countMatching(db, cardType, where);
    assertListOthersAllowed(input.channel, input.listOthers, total);
    stmt(db, 'update mailings set total = ? where id = ?').run(total, id);
    writeAudit(db, {
      ...stamp,
      action: 'mailing_create',
      entityType: 'mailing',
      entityId: id,
      after: { channel: input.channel, segmentId: input.segmentId, segmentName, subject: input.subject },
    });
    return id;
  });
}

/** Evaluates the segment now and fixes the recipient list; from here on the segment's changes do not matter. */
export function startMailing(db: Db, id: string, stamp: Stamp, today: string): void {
  writeTransaction(db, () => {
    const m = stmt(
      db,
      `select status, channel, segment_id as segmentId, account_id as accountId, sms_account_id as smsAccountId,
         list_others as listOthers from mailings where id = ? and kind = 'mailing'`,
    ).get(id) as
      | {
          listOthers: number;
          status: string;
          channel: 'email' | 'sms';
          segmentId: string | null;
          accountId: string | null;
          smsAccountId: string | null;
        }
      | undefined;
    if (!m) throw notFound('Toplu gönderim');
    if (m.status !== 'draft') throw conflict('Bu toplu gönderim zaten başlatıldı.');
    if (!m.segmentId) throw invalidInput('Toplu gönderimin segmenti yok.');
    const account = pickAccount(db, m.channel, (m.accountId ?? m.smsAccountId) || undefined);
    const { name, members } = resolveSegment(db, m.segmentId, m.channel, today);
    if (members.length === 0) throw invalidInput(`«${name}» segmentinde şu an kimse yok; gönderilecek kimse yok.`);
    assertListOthersAllowed(m.channel, !!m.listOthers, members.filter((r) => r.address && !r.skipReason).length);
    const sendable = insertRecipients(db, id, members, { domain: domainOf(account), today, at: stamp.at });
    stmt(
      db,
      `update mailings set status = ?, segment_name = ?, started_at = ?, finished_at = ?, updated_at = ? where id = ?`,
    ).run(sendable > 0 ? 'queued' : 'done', name, stamp.at, sendable > 0 ? null : stamp.at, stamp.at, id);
    writeAudit(db, {
      ...stamp,
      action: 'mailing_start',
      entityType: 'mailing',
      entityId: id,
      after: { segmentName: name, total: members.length, sendable },
    });
  });
}

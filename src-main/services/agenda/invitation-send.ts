/**
 * Sending invitations through the outbox (issue 7): each attendee gets a single send of their own — by e-mail the
 * iCalendar REQUEST (an alternative part, so Outlook and Gmail offer accept/decline) and the QR code of their
 * personal code shown inline; by SMS the invitation text. The ICS and QR are stored as documents, so what was sent
 * stays on record. The queue and the "invited" mark are one transaction: no one is marked invited without a
 * message waiting for them, nor queued twice by a retry of a half-done call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actingStamp, type ServiceContext } from '../../core/context';
import { writeTransaction } from '../../db/transaction';
import type { CallOutput, ParsedInput } from '../../../src-shared/contract';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { hashFile } from '../documents/blob-store';
import { insertNewDocument } from '../documents/document-writes';
import { queueSingle } from '../mailings/queue';
import { normaliseAddress, resolveCard } from '../mailings/recipients';
import { signalOutbox } from '../mailings/outbox-signal';
import { INLINE_QR_NAME } from '../../jobs/outbox/compose-mail';
import { storedAttendeesOfEvent } from './attendee-reads';
import { editableEvent, markInvited } from './attendee-writes';
import { invitationFor } from './invitation-content';

type Output = CallOutput<'agenda.sendInvitations'>;

/** Braces in a title would read as placeholders: the invitation's own text is sent as written. */
const literal = (text: string) => text.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));

export async function sendInvitations(
  ctx: ServiceContext,
  input: ParsedInput<'agenda.sendInvitations'>,
): Promise<Output> {
  const actor = actingStamp(ctx);
  const event = editableEvent(ctx.db, actor, input.eventId);
  const all = storedAttendeesOfEvent(ctx.db, input.eventId);
  const chosen = input.attendeeIds ? all.filter((a) => input.attendeeIds!.includes(a.id)) : all;
  const skipped: Output['skipped'] = [];
  const targets = chosen.flatMap((a) => {
    const own = input.channel === 'email' ? a.email : a.phone;
    const address = own ? normaliseAddress(own, input.channel) : null;
    const viaCard = !address && a.cardId ? resolveCard(ctx.db, a.cardId, input.channel)?.address : null;
    if (!address && !viaCard) {
      skipped.push({
        attendeeId: a.id,
        name: a.name,
        reason: input.channel === 'email' ? 'e-posta adresi yok' : 'cep telefonu yok',
      });
      return [];
    }
    return [{ attendee: a, address: address ?? viaCard! }];
  });
  // The async part first (QR images, files to hash), outside the transaction.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-davet-'));
  try {
    const prepared: {
      attendee: (typeof targets)[number]['attendee'];
      address: string;
      body: string;
      files: { file: { path: string; fileName: string }; blob: Awaited<ReturnType<typeof hashFile>> }[];
    }[] = [];
    for (const t of targets) {
      const content = await invitationFor(ctx.db, actor, t.attendee.id, ctx.now());
      if (input.channel === 'sms') {
        prepared.push({ ...t, body: literal(content.smsText), files: [] });
        continue;
      }
      const dir = fs.mkdtempSync(path.join(tmp, 'a-'));
      const ics = { path: path.join(dir, 'davet.ics'), fileName: 'davet.ics' };
      const qr = { path: path.join(dir, INLINE_QR_NAME), fileName: INLINE_QR_NAME };
      fs.writeFileSync(ics.path, content.ics);
      fs.writeFileSync(qr.path, Buffer.from(content.qrPngBase64, 'base64'));
      const files = [
        { file: ics, blob: await hashFile(ics.path) },
        { file: qr, blob: await hashFile(qr.path) },
      ];
      const body = literal(
        `${content.smsText}\n\nTakviminize eklemek ya da katılımınızı bildirmek için ekteki daveti kullanabilirsiniz. ` +
          'Girişte aşağıdaki karekodu gösterin.',
      );
      prepared.push({ ...t, body, files });
    }
    const today = todayInIstanbul(ctx.now());
    const mailingIds = writeTransaction(ctx.db, () => {
      const ids = prepared.map((p) => {
        const documentIds = p.files.map((f) => insertNewDocument(ctx.db, actor, f.file, f.blob, 'mail').documentId);
        return queueSingle(
          ctx.db,
          {
            channel: input.channel,
            to: [
              {
                ...(p.attendee.cardId ? { cardId: p.attendee.cardId } : {}),
                address: p.address,
                name: p.attendee.name,
              },
            ],
            subject: input.channel === 'email' ? literal(`Davet: ${event.title}`) : '',
            body: p.body,
            documentIds,
          },
          actor,
          today,
        );
      });
      if (prepared.length)
        markInvited(ctx.db, actor, { attendeeIds: prepared.map((p) => p.attendee.id), via: input.channel });
      return ids;
    });
    ctx.events.emit('agenda.changed', { calendarIds: [event.calendarId], eventId: event.id });
    signalOutbox(ctx.db);
    return { queued: mailingIds.length, mailingIds, skipped };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

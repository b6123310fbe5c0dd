/** Invitations (issue 7) through the outbox: the mail carries the ICS REQUEST and the inline QR; SMS the text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTestApp } from './test-app';
import { addMailAccount } from './mailings-fixtures';
import { agendaFixtures } from './agenda-fixtures';
import { runOutboxToEnd } from '../../src-main/jobs/outbox/outbox-job';

describe('agenda.sendInvitations', () => {
  const { app, call } = useTestApp();
  const { event } = agendaFixtures(call);
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  it('mails each attendee their own REQUEST and QR code, skips those without an address, marks the rest invited', async () => {
    addMailAccount(app(), sink);
    const ayse = await call('cards.createPerson', {
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      gender: 'female',
      emails: [{ address: 'ayse@cagri.test' }],
    });
    const e = await event();
    const withAttendees = await call('agenda.addAttendees', {
      eventId: e.id,
      attendees: [
        { kind: 'person', cardId: ayse.id },
        { kind: 'external', name: 'Can Ak' },
      ],
    });
    const a = withAttendees.attendees.find((x) => x.name === 'Ayşe Yılmaz');
    const can = withAttendees.attendees.find((x) => x.name === 'Can Ak');
    const result = await call('agenda.sendInvitations', { eventId: e.id, channel: 'email' });
    expect(result.queued).toBe(1);
    expect(result.skipped).toEqual([{ attendeeId: can!.id, name: 'Can Ak', reason: 'e-posta adresi yok' }]);
    const after = await call('agenda.getEvent', { id: e.id });
    expect(after.attendees.find((x) => x.id === a!.id)).toMatchObject({ invitedVia: 'email' });

    await runOutboxToEnd(app(), { appendToSent: false });
    expect(sink.received).toHaveLength(1);
    const raw = sink.received[0]!.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const parsed = await simpleParser(sink.received[0]!.raw, { keepCidLinks: true });
    expect(parsed.subject).toBe('Davet: Bütçe toplantısı');
    expect(parsed.text).toContain(`Giriş kodunuz: ${a!.code}`);
    const qr = parsed.attachments.find((x) => x.contentType === 'image/png');
    expect(qr?.cid).toBeTruthy();
    expect(parsed.html).toContain(`cid:${qr!.cid}`);
  });
});

/**
 * Sending through the real outbox: a real SMTP server (smtp-sink), a real IMAP server (dovecot) for the sent
 * folder, a real SQLite file, the real contract calls. The outbox is run to the end in the test (as the CLI does).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startDovecot, type DovecotServer } from '../support/dovecot';
import type { EventPayload } from '../../src-shared/contract';
import { useTestApp } from './test-app';
import { addListPeople, addMailAccount, emailContains } from './mailings-fixtures';
import { runOutboxToEnd, startOutboxJob } from '../../src-main/jobs/outbox/outbox-job';
import { appendSentCopy } from '../../src-main/jobs/outbox/sent-folder';

describe('single mails and mailings', () => {
  const { app, call, callError } = useTestApp();
  let sink: SmtpSink;
  let imap: DovecotServer;
  beforeAll(async () => {
    [sink, imap] = await Promise.all([startSmtpSink(), startDovecot()]);
  });
  afterAll(async () => {
    await Promise.all([sink?.stop(), imap?.stop()]);
  });
  const reset = () => {
    sink.received.length = 0;
    sink.refuse.clear();
    sink.onMessage = undefined;
  };
  const sentTo = () => sink.received.flatMap((m) => m.to).sort();

  it('sends one mail with the personal salutation, its Message-ID and reference, filed on the card and copied to Sent once', async () => {
    reset();
    const accountId = addMailAccount(app(), sink, imap);
    const ayse = await call('cards.createPerson', {
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      honorific: 'Dr.',
      gender: 'female',
      emails: [{ address: 'Ayse.Yilmaz@Cagri.test' }],
    });
    const { mailingId } = await call('mail.send', {
      to: [{ cardId: ayse.id }],
      subject: 'Teklifiniz hk. ({referans})',
      body: 'Sayın {unvan} {soyad},\n\nTeklifimiz ektedir.\nReferans: {referans}',
    });
    await runOutboxToEnd(app());

    const mailing = await call('mailings.get', { id: mailingId });
    expect(mailing).toMatchObject({ kind: 'single', status: 'done', accountId, total: 1 });
    const [row] = (await call('mailings.recipients', { id: mailingId })).rows;
    expect(row).toMatchObject({
      status: 'sent',
      address: 'ayse.yilmaz@cagri.test',
      salutation: 'Sayın Dr. Ayşe Yılmaz',
    });
    expect(row!.referenceNo).toMatch(/^K-2026-\d{6}$/);

    expect(sink.received).toHaveLength(1);
    const parsed = await simpleParser(sink.received[0]!.raw);
    expect(parsed.text).toContain('Sayın Dr. Yılmaz,');
    expect(parsed.text).toContain(`Referans: ${row!.referenceNo}`);
    expect(parsed.subject).toBe(`Teklifiniz hk. (${row!.referenceNo})`);
    expect(parsed.headers.get('x-kartotek-reference')).toBe(row!.referenceNo);
    const messageId = parsed.messageId!;
    expect(messageId).toMatch(/^<[0-9a-f-]+@kartotek\.test>$/);

    // The stored copy is on the card's record of sent mail.
    const stored = app()
      .ctx.db.$client.prepare(
        `select m.id, m.direction from mail_messages m join mail_message_cards c on c.message_id = m.id
         where c.card_id = ? and m.message_id_header = ?`,
      )
      .all(ayse.id, messageId.slice(1, -1)) as { id: string; direction: string }[];
    expect(stored).toEqual([expect.objectContaining({ direction: 'out' })]);
    // The card's "Gönderilenler" names the subject as it went out, not the template's placeholders.
    expect((await call('mailings.ofCard', { cardId: ayse.id })).rows[0]).toMatchObject({
      mailingId,
      status: 'sent',
      subject: `Teklifiniz hk. (${row!.referenceNo})`,
    });

    // Appended to Sent once; appending again (a retry after a lost answer) finds it and adds nothing.
    const client = await imap.client();
    try {
      expect(await client.status('Sent', { messages: true })).toMatchObject({ messages: 1 });
      expect(await appendSentCopy(client, 'Sent', sink.received[0]!.raw, messageId.slice(1, -1))).toBe('already-there');
      expect(await client.status('Sent', { messages: true })).toMatchObject({ messages: 1 });
    } finally {
      await client.logout();
    }
  });

  it('refuses unknown placeholders by name and addresses that are not addresses', async () => {
    addMailAccount(app(), sink);
    const unknown = await callError('mail.send', { to: [{ address: 'a@b.test' }], body: 'Sayın {isim}' });
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.fields?.body).toContain('{isim}');
    const bad = await callError('mail.send', { to: [{ address: 'ayse at firma' }], body: 'Merhaba' });
    expect(bad.fields?.['to.0.address']).toContain('ayse at firma');
    const template = await callError('mail.templates.save', {
      fields: { name: 'Davet', channel: 'email', subject: '{konu}', body: 'Sayın {hitap}' },
    });
    expect(template.fields?.['fields.subject']).toContain('{konu}');
    expect(await call('mail.templates.list', {})).toEqual([]);
  });

  it('fixes a mailing’s recipients at start: later changes to the segment do not change who gets it', async () => {
    reset();
    addMailAccount(app(), sink);
    const people = addListPeople(app(), 4, 'uye');
    const segment = await call('segments.save', {
      name: 'Üyeler',
      cardType: 'person',
      query: emailContains('@uye.test'),
    });
    const draft = await call('mailings.create', {
      channel: 'email',
      segmentId: segment.id,
      subject: 'Duyuru',
      body: '{hitap},\nDuyurumuz ektedir.',
      listOthers: true,
    });
    expect(draft).toMatchObject({ status: 'draft', total: 4, segmentName: 'Üyeler' });
    const started = await call('mailings.start', { id: draft.id });
    expect(started).toMatchObject({ status: 'queued', total: 4 });
    // After the start: one member leaves, a newcomer joins, the segment is renamed.
    await call('cards.delete', { id: people[0]! });
    addListPeople(app(), 1, 'uye').forEach(() => undefined);
    await call('segments.save', { ...segment, name: 'Eski üyeler' });
    await runOutboxToEnd(app());
    expect(sentTo()).toEqual(['kisi1@uye.test', 'kisi2@uye.test', 'kisi3@uye.test', 'kisi4@uye.test']);
    const done = await call('mailings.get', { id: draft.id });
    expect(done).toMatchObject({ status: 'done', segmentName: 'Üyeler', counts: { sent: 4 } });
    // Each got their own message: own salutation, the others by name only.
    const second = await simpleParser(sink.received.find((m) => m.to[0] === 'kisi2@uye.test')!.raw);
    expect(second.text).toContain('Sayın Kişi2 Bey,');
    expect(second.text).toContain('Bu ileti ayrıca şu kişilere gönderildi: Kişi1 Öztürk, Kişi3 Öztürk, Kişi4 Öztürk.');
    expect(second.text).not.toContain('@uye.test');
    const refs = (await call('mailings.recipients', { id: draft.id })).rows.map((r) => r.referenceNo);
    expect(new Set(refs).size).toBe(4);
  });

  it('fails a 550-refused recipient with the server’s reason and sends the rest', async () => {
    reset();
    addMailAccount(app(), sink);
    addListPeople(app(), 3, 'ret');
    sink.refuse.add('kisi2@ret.test');
    const segment = await call('segments.save', { name: 'R', cardType: 'person', query: emailContains('@ret.test') });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: '{hitap}' });
    await call('mailings.start', { id: m.id });
    await runOutboxToEnd(app());
    const rows = (await call('mailings.recipients', { id: m.id })).rows;
    expect(rows.map((r) => [r.address, r.status])).toEqual([
      ['kisi1@ret.test', 'sent'],
      ['kisi2@ret.test', 'failed'],
      ['kisi3@ret.test', 'sent'],
    ]);
    expect(rows[1]!.error).toMatch(/550.*Mailbox unavailable/);
    expect(sentTo()).toEqual(['kisi1@ret.test', 'kisi3@ret.test']);
    expect((await call('mailings.get', { id: m.id })).status).toBe('done');
  });

  it('pauses after the message in flight, resumes where it stopped, and cancels the rest', async () => {
    reset();
    addMailAccount(app(), sink);
    addListPeople(app(), 6, 'dur');
    const segment = await call('segments.save', { name: 'D', cardType: 'person', query: emailContains('@dur.test') });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: '{hitap}' });
    await call('mailings.start', { id: m.id });
    sink.onMessage = () => {
      if (sink.received.length === 2) void app().call('mailings.pause', { id: m.id });
    };
    const heard: { sent: number }[] = [];
    const unsubscribe = app().ctx.events.subscribe((event) => {
      if (event.name === 'mailings.progress') heard.push((event.payload as EventPayload<'mailings.progress'>).counts);
    });
    await runOutboxToEnd(app());
    // The run told the screens where it stopped before it returned; nothing comes later (the database may be
    // closed by then: a held-back line used to arrive from a timer after the CLI had closed it).
    const atReturn = heard.length;
    expect(heard.at(-1)).toMatchObject({ sent: 2 });
    await new Promise((r) => setTimeout(r, 400));
    unsubscribe();
    expect(heard).toHaveLength(atReturn);
    expect(sink.received).toHaveLength(2);
    expect(await call('mailings.get', { id: m.id })).toMatchObject({
      status: 'paused',
      counts: { sent: 2, pending: 4 },
    });

    sink.onMessage = () => {
      if (sink.received.length === 4) void app().call('mailings.cancel', { id: m.id });
    };
    await call('mailings.resume', { id: m.id });
    await runOutboxToEnd(app());
    expect(sentTo()).toEqual(['kisi1@dur.test', 'kisi2@dur.test', 'kisi3@dur.test', 'kisi4@dur.test']);
    expect(await call('mailings.get', { id: m.id })).toMatchObject({
      status: 'cancelled',
      counts: { sent: 4, cancelled: 2, pending: 0 },
    });
    const resumeCancelled = await callError('mailings.resume', { id: m.id });
    expect(resumeCancelled.code).toBe('CONFLICT');
  });

  it('previews each recipient’s rendering and lists who is left out and why', async () => {
    addMailAccount(app(), sink);
    await call('cards.createPerson', {
      firstName: 'Şule',
      lastName: 'Er',
      gender: 'female',
      emails: [{ address: 'sule@p.test' }],
    });
    await call('cards.createPerson', { firstName: 'Can', lastName: 'Ak', notes: 'p.test' });
    const segment = await call('segments.save', {
      name: 'P',
      cardType: 'person',
      query: {
        type: 'group',
        match: 'any',
        children: [
          emailContains('p.test').children[0]!,
          { type: 'text', field: 'lastName', op: 'equals', value: 'Ak' },
        ],
      },
    });
    const preview = await call('mail.preview', {
      mode: 'mailing',
      channel: 'email',
      segmentId: segment.id,
      subject: 'Merhaba {ad}',
      body: '{hitap}, {tarih}',
    });
    expect(preview).toMatchObject({ total: 2, skipped: 1 });
    expect(preview.samples).toEqual([
      expect.objectContaining({
        name: 'Şule Er',
        subject: 'Merhaba Şule',
        body: 'Sayın Şule Hanım, 02.03.2026',
        skipReason: null,
      }),
      expect.objectContaining({ name: 'Can Ak', address: null, skipReason: 'e-posta adresi yok' }),
    ]);
  });

  it('tells the screens a message went out even while the account then waits for its rate', async () => {
    reset();
    // One a minute: the first goes at once, the second waits; the screens must not show the first as sending.
    addMailAccount(app(), sink, undefined, { ratePerMinute: 1 });
    addListPeople(app(), 2, 'yavas');
    const segment = await call('segments.save', { name: 'Y', cardType: 'person', query: emailContains('@yavas.test') });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: 'x' });
    const heard: { sent: number; sending: number }[] = [];
    const unsubscribe = app().ctx.events.subscribe((event) => {
      if (event.name !== 'mailings.progress') return;
      const progress = event.payload as EventPayload<'mailings.progress'>;
      if (progress.id === m.id) heard.push(progress.counts);
    });
    const job = startOutboxJob(app(), { appendToSent: false });
    try {
      await call('mailings.start', { id: m.id });
      await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 10_000 });
      await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ sent: 1, sending: 0 }), { timeout: 5_000 });
    } finally {
      unsubscribe();
      await call('mailings.cancel', { id: m.id });
      await job.stop();
    }
  });

  it('keeps to the account’s rate with an injected clock (no real waiting)', async () => {
    reset();
    addMailAccount(app(), sink, undefined, { ratePerMinute: 6 });
    addListPeople(app(), 4, 'hiz');
    const segment = await call('segments.save', { name: 'H', cardType: 'person', query: emailContains('@hiz.test') });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: 'x' });
    await call('mailings.start', { id: m.id });
    let now = 1_000_000;
    const sendTimes: number[] = [];
    sink.onMessage = () => sendTimes.push(now);
    await runOutboxToEnd(app(), {
      appendToSent: false,
      clock: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      },
    });
    expect(sendTimes).toHaveLength(4);
    // 6 a minute: one every 10 s after the first.
    expect(sendTimes.map((t) => t - sendTimes[0]!)).toEqual([0, 10_000, 20_000, 30_000]);
  });
});

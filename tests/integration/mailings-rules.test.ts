/**
 * The rules around mailings, through the real contract calls on a real SQLite file: who may run a mailing, and
 * where the footer naming the other recipients is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway';
import { contractCalls } from './contract-calls';
import { useTestApp } from './test-app';
import { addListPeople, addMailAccount, addSmsAccountRow, emailContains } from './mailings-fixtures';

describe('mailing rules', () => {
  const { app, call, callError } = useTestApp();
  const as = (userId: string) =>
    contractCalls(() => ({
      ...app(),
      call: (method: string, input: unknown) => dispatch({ ...app().ctx, userId }, method, input),
    }));
  let sink: SmtpSink;
  let gateway: SmsGateway;
  beforeAll(async () => {
    [sink, gateway] = await Promise.all([startSmtpSink(), startSmsGateway()]);
  });
  afterAll(async () => {
    await Promise.all([sink?.stop(), gateway?.stop()]);
  });
  const segmentOf = async (n: number, tag: string) => {
    addListPeople(app(), n, tag);
    return call('segments.save', { name: tag, cardType: 'person', query: emailContains(`@${tag}.test`) });
  };

  it('lets anyone draft, but only the creator, a manager or an admin start, pause, cancel or resend', async () => {
    addMailAccount(app(), sink);
    const segment = await segmentOf(3, 'yetki');
    const staff = await call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const other = await call('users.create', { name: 'Elif Kaya', role: 'staff' });
    const manager = await call('users.create', { name: 'Selin Aksoy', role: 'manager' });
    const draft = await as(staff.id).call('mailings.create', {
      channel: 'email',
      segmentId: segment.id,
      subject: 'S',
      body: '{hitap}',
    });
    for (const method of ['mailings.start', 'mailings.pause', 'mailings.cancel', 'mailings.resendUncertain']) {
      const refused = await as(other.id).callError(method, { id: draft.id });
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('yalnızca onu hazırlayan kişi, bir müdür ya da yönetici');
    }
    await as(staff.id).call('mailings.start', { id: draft.id });
    await as(manager.id).call('mailings.pause', { id: draft.id });
    await call('mailings.resume', { id: draft.id });
    expect((await call('mailings.get', { id: draft.id })).status).toBe('queued');
  });

  it('refuses the list of other recipients for SMS and above 50 recipients, naming the reason', async () => {
    addMailAccount(app(), sink);
    addSmsAccountRow(app(), gateway);
    const big = await segmentOf(51, 'kalabalik');
    const small = await segmentOf(50, 'kurul');
    const input = { channel: 'email' as const, subject: 'S', body: '{hitap}', listOthers: true };

    const tooMany = await callError('mailings.create', { ...input, segmentId: big.id });
    expect(tooMany).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('en çok 50') });
    const preview = await callError('mail.preview', { ...input, mode: 'mailing', segmentId: big.id });
    expect(preview).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('51 alıcı') });
    const sms = await callError('mailings.create', { ...input, channel: 'sms', segmentId: small.id });
    expect(sms).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('SMS') });

    const ok = await call('mailings.create', { ...input, segmentId: small.id });
    // The segment grew after the draft: the start refuses it instead of sending a 51-name footer.
    await call('cards.createPerson', { firstName: 'Yeni', lastName: 'Üye', emails: [{ address: 'yeni@kurul.test' }] });
    expect(await callError('mailings.start', { id: ok.id })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call('mailings.get', { id: ok.id })).status).toBe('draft');
  });

  it('forgets a removed SMS account’s sealed password and refuses http for Netgsm', async () => {
    const id = addSmsAccountRow(app(), gateway);
    await call('sms.accounts.remove', { id });
    const row = app().ctx.db.$client.prepare('select secret_sealed as s from sms_accounts where id = ?').get(id);
    expect(row).toEqual({ s: '' });
    const refused = await callError('sms.accounts.save', {
      fields: {
        name: 'Netgsm',
        provider: 'netgsm',
        apiUrl: 'http://api.netgsm.com.tr',
        username: '8501234567',
        password: 'p',
        sender: 'KARTOTEK',
        ratePerMinute: 60,
        enabled: true,
      },
    });
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { 'fields.apiUrl': expect.stringContaining('https') },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '../support/dovecot';

/** The test IMAP server itself: later mail tests lean on APPEND, UIDVALIDITY resets and the Sent folder. */
describe('dovecot test server', () => {
  let server: DovecotServer;
  beforeAll(async () => {
    server = await startDovecot();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('takes appended mail, has a Sent folder, and hands out a new UIDVALIDITY after a reset', async () => {
    const raw = 'From: a@b.test\r\nTo: c@d.test\r\nSubject: Merhaba\r\nMessage-ID: <1@b.test>\r\n\r\nGövde\r\n';
    await server.append('INBOX', [raw, raw.replace('<1@', '<2@')]);
    let c = await server.client();
    const list = await c.list();
    expect(list.find((m) => m.specialUse === '\\Sent')?.path).toBe('Sent');
    const before = await c.mailboxOpen('INBOX');
    expect(before.exists).toBe(2);
    expect(c.enabled.has('CONDSTORE') || c.capabilities.has('CONDSTORE')).toBe(true);
    await c.logout();
    await server.resetUidValidity('INBOX');
    c = await server.client();
    const after = await c.mailboxOpen('INBOX');
    expect(after.exists).toBe(2);
    expect(String(after.uidValidity)).not.toBe(String(before.uidValidity));
    await c.logout();
  });
});

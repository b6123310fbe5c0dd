import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { addAccount, ingest, rawMail } from './mail-ingest-fixtures';
import { IN_PROCESS_MAX_CHARS } from '../../src-main/services/mail/read/mail-html';

// A newsletter of megabytes takes jsdom seconds to sanitise. Opening one must not hold up the rest of the app:
// it is sanitised in a worker process, and what comes back is as safe as what the app's own process makes.
const { app, call } = useTestApp();

function newsletter(rows: number): string {
  const row = (i: number) =>
    `<tr><td style="padding:8px;color:#333"><a href="https://ornek.com.tr/u/${i}">` +
    `<img src="https://cdn.ornek.com.tr/i/${i}.png" width="120" alt="ürün ${i}"></a></td>` +
    `<td><p onclick="alert(${i})">Kampanya ürünü ${i}: <b>%20 indirim</b></p></td></tr>`;
  return `<html><body><script>alert("x")</script><table>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</table></body></html>`;
}

describe('a large HTML mail', () => {
  it('is sanitised in a worker while the app goes on answering', { timeout: 60_000 }, async () => {
    const account = addAccount(app());
    const html = newsletter(2500);
    expect(html.length).toBeGreaterThan(2 * IN_PROCESS_MAX_CHARS);
    const stored = await ingest(app(), account, rawMail({ contentType: 'text/html; charset=utf-8', body: html }));

    let resolvedAt = 0;
    let tickedAt = 0;
    const reading = call('mail.get', { id: stored.messageId }).then((mail) => {
      resolvedAt = performance.now();
      return mail;
    });
    // Runs as soon as the app's process is free: with the sanitiser in this process, only after the whole read.
    setTimeout(() => (tickedAt = performance.now()), 0);
    const mail = await reading;

    expect(tickedAt).toBeGreaterThan(0);
    expect(tickedAt).toBeLessThan(resolvedAt);
    expect(mail.html).toContain('Kampanya ürünü 2499');
    expect(mail.html).not.toMatch(/<script|onclick|alert\(/);
    expect(mail.html).not.toMatch(/\ssrc="https?:/);
    expect(mail.hasRemoteContent).toBe(true);
  });
});

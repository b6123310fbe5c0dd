/** Helpers for the mail sync tests: raw messages, appends with a chosen INTERNALDATE, a proxy that can drop. */
import net from 'node:net';
import type { KartotekApp } from '../../src-main/core/app';
import type { DovecotServer } from '../support/dovecot';

/** The fields of a mail account on the test's dovecot (no TLS; SMTP unused by the scan), with changes on top. */
export function dovecotAccountFields(
  server: DovecotServer,
  changes: { imapPort?: number; syncWindowDays?: number } = {},
) {
  return {
    name: 'Ofis',
    emailAddress: server.user,
    imapHost: server.host,
    imapPort: server.port,
    imapSecurity: 'none' as const,
    smtpHost: server.host,
    smtpPort: 2525,
    smtpSecurity: 'none' as const,
    username: server.user,
    password: server.password,
    ...changes,
  };
}

export function message(n: number, extra: { from?: string; to?: string; subject?: string } = {}): string {
  return [
    `From: ${extra.from ?? `"Gönderen ${n}" <kisi${n}@musteri.test>`}`,
    `To: ${extra.to ?? 'ofis@kartotek.test'}`,
    `Subject: ${extra.subject ?? `İleti ${n}`}`,
    `Message-ID: <ileti-${n}@musteri.test>`,
    'Date: Mon, 02 Mar 2026 08:30:00 +0300',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Merhaba, bu ${n} numaralı ileti.`,
    '',
  ].join('\r\n');
}

/** APPENDs with the server's INTERNALDATE set (what SEARCH SINCE and the first scan's window go by). */
export async function appendAt(server: DovecotServer, folder: string, items: { raw: string; date: Date }[]) {
  const c = await server.client();
  try {
    for (const { raw, date } of items) await c.append(folder, raw, [], date);
  } finally {
    await c.logout();
  }
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

export const countRows = (app: KartotekApp, sql: string, ...params: unknown[]) =>
  (app.ctx.db.$client.prepare(sql).get(...params) as { n: number }).n;

export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A TCP proxy in front of the IMAP server: `drop()` cuts every connection and refuses new ones until `allow()`. */
export async function startProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  const server = net.createServer((inbound) => {
    if (refusing) return inbound.destroy();
    const outbound = net.connect(targetPort, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    port,
    drop() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    allow() {
      refusing = false;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

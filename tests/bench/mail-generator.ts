/**
 * A realistic mailbox for the scan benchmark, written straight into dovecot's maildir (10,000 IMAP APPENDs would
 * measure the append, not the scan). Deterministic: the demo's seeded PRNG. Senders: half card addresses (exact
 * link), a fifth unknown people at institution domains (domain link), a fifth public-provider strangers (unfiled),
 * the rest replies to earlier mail (thread link). A third carry an HTML part, one in twenty a small PDF-ish attachment.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BenchDb } from './bench-kit';
import type { DovecotServer } from '../support/dovecot';
import { Random } from '../../src-main/services/demo/random';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';

const SUBJECTS = [
  'Teklif talebi hakkında',
  'Toplantı notları ve sonraki adımlar',
  'Sözleşme taslağı — gözden geçirme',
  'Fatura ödeme bilgisi',
  'Bayi toplantısı katılım',
  'Sipariş durumu (acil)',
  'Ürün kataloğu güncellemesi',
  'Şikâyet: teslimat gecikmesi',
];
const SENTENCES = [
  'Geçen haftaki görüşmemizde konuştuğumuz konuları aşağıda özetliyorum.',
  'Ekteki belgeyi incelemenizi ve görüşlerinizi paylaşmanızı rica ederim.',
  'Ödeme planında değişiklik yapılması gerekiyorsa lütfen bildiriniz.',
  'Çağrı merkezimiz hafta içi 09:00–18:00 saatleri arasında hizmet vermektedir.',
  'İstanbul ve İzmir şubelerimizde stoklar yeterli görünüyor.',
  'Işık armatürleri için güncel fiyat listesini ekte bulabilirsiniz.',
  'Teşekkür eder, iyi çalışmalar dileriz.',
];
const PUBLIC = ['gmail.com', 'hotmail.com', 'yandex.com', 'outlook.com'];

/** Writes `count` messages into the server's INBOX maildir; returns their total size in bytes. */
export async function generateMailbox(server: DovecotServer, bench: BenchDb, count: number): Promise<number> {
  const db = bench.app.ctx.db.$client;
  const known = (db.prepare('select address from emails order by address').all() as { address: string }[]).map(
    (r) => r.address,
  );
  // A few institutions get their own mail domain, so the domain rule has work to do (straight SQL: bench data only).
  const domains: string[] = [];
  const insertDomain = db.prepare('insert into institution_domains (card_id, domain) values (?, ?)');
  bench.institutionIds.slice(0, 50).forEach((id, i) => {
    const domain = `kurum${i}.com.tr`;
    insertDomain.run(id, domain);
    domains.push(domain);
  });

  const random = new Random(7);
  const maildir = server.maildir('INBOX');
  for (const sub of ['new', 'cur', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
  const ids: string[] = [];
  let total = 0;
  const start = Date.parse('2026-01-05T08:00:00Z');
  for (let i = 0; i < count; i++) {
    const female = random.chance(0.5);
    const name = `${random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${random.pick(SURNAMES)}`;
    const roll = random.next();
    let from: string;
    let inReplyTo: string | null = null;
    if (roll < 0.5 && known.length) from = random.pick(known);
    else if (roll < 0.7) from = `satis${random.int(1, 40)}@${random.pick(domains)}`;
    else if (roll < 0.9 || ids.length === 0) from = `kisi.${random.int(1, 99999)}@${random.pick(PUBLIC)}`;
    else {
      from = known.length ? random.pick(known) : `x@${random.pick(PUBLIC)}`;
      inReplyTo = random.pick(ids);
    }
    const messageId = `bench-${i}@kartotek.bench`;
    ids.push(messageId);
    const date = new Date(start + i * 60_000).toUTCString();
    const subject = (inReplyTo ? 'Ynt: ' : '') + random.pick(SUBJECTS);
    const paragraphs = Array.from({ length: random.int(3, 12) }, () => random.pick(SENTENCES)).join('\r\n');
    const text = `Sayın yetkili,\r\n\r\n${paragraphs}\r\n\r\nSaygılarımızla,\r\n${name}\r\n`;
    const headers = [
      `From: =?UTF-8?B?${Buffer.from(name).toString('base64')}?= <${from}>`,
      'To: Ofis <ofis@kartotek.test>',
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${date}`,
      `Message-ID: <${messageId}>`,
      ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}>`, `References: <${inReplyTo}>`] : []),
      'MIME-Version: 1.0',
    ];
    const html = random.chance(0.33);
    const attach = random.chance(0.05);
    let body: string;
    if (!html && !attach) {
      headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
      body = text;
    } else {
      const boundary = `b${i}`;
      headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
      const parts = [`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}`];
      if (html) {
        const htmlBody = `<html><body><p>Sayın yetkili,</p>${paragraphs
          .split('\r\n')
          .map((p) => `<p>${p}</p>`)
          .join('')}<p>Saygılarımızla,<br>${name}</p></body></html>`;
        parts.push(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${htmlBody}`);
      }
      if (attach) {
        const bytes = Buffer.from(`%PDF-1.4\n% bench ${i}\n${paragraphs.repeat(20)}\n%%EOF\n`);
        parts.push(
          `Content-Type: application/pdf; name="teklif-${i}.pdf"\r\nContent-Disposition: attachment; filename="teklif-${i}.pdf"\r\n` +
            `Content-Transfer-Encoding: base64\r\n\r\n${bytes.toString('base64').replace(/.{76}/g, '$&\r\n')}`,
        );
      }
      body = parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`;
    }
    const raw = Buffer.from(headers.join('\r\n') + '\r\n\r\n' + body);
    total += raw.length;
    // Maildir file names: unique, time first so dovecot's order is the generation order.
    fs.writeFileSync(path.join(maildir, 'cur', `${1767600000 + i}.M${i}P1.bench,S=${raw.length}:2,S`), raw);
  }
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'nobody:nogroup', path.join(maildir)]);
  return total;
}

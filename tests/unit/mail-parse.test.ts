import { describe, expect, it } from 'vitest';
import { decodeGuessing, decodeLabelled } from '../../src-main/services/mail/ingest/charset-guess';
import { sanitizeMailHtml } from '../../src-main/services/mail/ingest/sanitize-mail-html';
import { parseRawMessage, safeFileName } from '../../src-main/services/mail/ingest/parse-message';
import { domainsToTry } from '../../src-main/services/mail/link/link-rules';

describe('charset fallback', () => {
  const win1254 = Buffer.from([0x49, 0xfe, 0xfd, 0x6b, 0x20, 0xf0, 0xdd, 0xde, 0xd0]);
  it('reads Turkish bytes hidden behind us-ascii / iso-8859-1 / no label as windows-1254', () => {
    expect(decodeGuessing(win1254)).toBe('Işık ğİŞĞ');
    expect(decodeLabelled(win1254, 'us-ascii')).toBe('Işık ğİŞĞ');
    expect(decodeLabelled(win1254, 'ISO-8859-1')).toBe('Işık ğİŞĞ');
    expect(decodeLabelled(win1254, undefined)).toBe('Işık ğİŞĞ');
  });
  it('keeps valid UTF-8, trusted labels and unknown labels sensible', () => {
    expect(decodeLabelled(Buffer.from('Çağrı', 'utf8'), 'iso-8859-1')).toBe('Çağrı');
    expect(decodeLabelled(win1254, 'iso-8859-9')).toBe('Işık ğİŞĞ');
    expect(decodeLabelled(Buffer.from([0xe9, 0x74, 0xe9]), 'iso-8859-1')).toBe('été');
    expect(decodeLabelled(win1254, 'x-no-such-charset')).toBe('Işık ğİŞĞ');
  });
});

describe('mail HTML sanitiser', () => {
  it('removes everything that runs or submits, keeps layout and safe links', () => {
    const { html } = sanitizeMailHtml(
      '<table style="width:100%"><tr><td onclick="x()"><b>Fiyat</b> <a href="https://firma.com.tr">site</a>' +
        '<a href="javascript:alert(1)">kötü</a></td></tr></table><script>alert(1)</script><form><input></form>' +
        '<iframe src="//evil"></iframe><object data="x.swf"></object><svg onload="x()"></svg><meta http-equiv="refresh">',
    );
    expect(html).toContain('<b>Fiyat</b>');
    expect(html).toContain('href="https://firma.com.tr"');
    expect(html).toContain('rel="noopener noreferrer"');
    for (const bad of ['script', 'onclick', 'javascript:', '<form', '<input', '<iframe', '<object', '<svg', '<meta']) {
      expect(html).not.toContain(bad);
    }
  });
  it('holds back remote images and CSS url(), keeps inline data: images', () => {
    const result = sanitizeMailHtml(
      '<p>x</p><img src="https://t.example/p.gif"><img src="//cdn.example/a.png"><img src="data:image/png;base64,AAAA">' +
        '<div style="background-image:url(https://t.example/bg.png)">y</div><style>@import url(https://x/a.css); p{background:url(http://x/b.png)}</style>',
    );
    expect(result.hasRemoteContent).toBe(true);
    expect(result.html).toContain('data-remote-src="https://t.example/p.gif"');
    expect(result.html).toContain('data-remote-src="https://cdn.example/a.png"');
    expect(result.html).toContain('src="data:image/png;base64,AAAA"');
    expect(result.html).not.toMatch(/\ssrc="(?:https?:)?\/\//);
    expect(result.html).not.toMatch(/\sstyle="[^"]*url\(/);
    expect(result.html).not.toMatch(/<style[^>]*>[^<]*(?:url\(|@import)/);
    expect(sanitizeMailHtml('<p>yalnız metin</p>').hasRemoteContent).toBe(false);
  });
  it('gives its own output back unchanged, held-back images and styles included (mail stored before 0012)', () => {
    const once = sanitizeMailHtml(
      '<p>x</p><img src="https://t.example/p.gif"><img src="data:image/png;base64,AAAA">' +
        '<div style="color:red;background-image:url(https://t.example/bg.png)">y</div>' +
        '<style>p{background:url(http://x/b.png)} b{color:blue}</style><a href="https://firma.com.tr">site</a>',
    );
    const twice = sanitizeMailHtml(once.html);
    expect(twice).toEqual(once);
    expect(twice.html).toContain('data-remote-src="https://t.example/p.gif"');
    expect(twice.html).toContain('data-remote-style=');
    expect(twice.html).toContain('data-remote-css=');
  });
  it('never trusts held-back markers a sender wrote: each is checked as the src, style or sheet it claims to be', () => {
    const { html } = sanitizeMailHtml(
      '<p>x</p><img data-remote-src="javascript:alert(1)"><p data-remote-src="https://t.example/a.png">p</p>' +
        '<div data-remote-style="background:\\75rl(https://evil.example/a.png)">d</div>' +
        '<style data-remote-css="@import url(https://evil.example/a.css)">b{color:red}</style>',
    );
    expect(html).not.toMatch(/javascript:|evil\.example|\\75rl|@import/);
    expect(html).not.toContain('t.example');
  });
});

describe('mail HTML sanitiser on large and deep mail (it runs in main when a mail is opened)', () => {
  it('takes thousands of styled elements in linear time (8,000 paragraphs took a minute)', () => {
    const html = '<p style="color:red">Merhaba <a href="https://x.example">x</a></p>'.repeat(8000);
    const started = Date.now();
    const { html: clean } = sanitizeMailHtml(html);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(clean.match(/<p /g)).toHaveLength(8000);
  });
  it('shows nothing of HTML nested thousands deep (the reader shows the text) instead of parsing it for seconds', () => {
    const started = Date.now();
    expect(sanitizeMailHtml(`${'<div>'.repeat(20_000)}derin`)).toEqual({ html: '', hasRemoteContent: false });
    expect(Date.now() - started).toBeLessThan(1000);
    // Ordinary nesting, with paragraphs and cells left open as mail often does, is kept.
    expect(sanitizeMailHtml(`${'<table><tr><td><div>'.repeat(100)}<p>iç<p>içe`).html).toContain('içe');
  });
});

describe('names and domains', () => {
  it('keeps only a display name from attachment names', () => {
    expect(safeFileName('../../etc/passwd', 1, 'text/plain')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\win.ini', 1, 'text/plain')).toBe('win.ini');
    expect(safeFileName('.bashrc', 1, 'text/plain')).toBe('bashrc');
    expect(safeFileName('a\u0000b<c>.pdf', 1, 'application/pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName(undefined, 3, 'application/pdf')).toBe('ek-3.pdf');
    expect(safeFileName('../', 2, 'x/y')).toBe('ek-2.bin');
  });
  it('tries subdomains up to two labels, never public providers or public suffixes (com.tr)', () => {
    expect(domainsToTry('a@mail.firma.com.tr')).toEqual(['mail.firma.com.tr', 'firma.com.tr']);
    expect(domainsToTry('a@gmail.com')).toEqual([]);
    expect(domainsToTry('a@tr.yahoo.com')).toEqual(['tr.yahoo.com']);
  });
});

describe('HTML-only mail', () => {
  it('gets readable text for its snippet and search: link words without their URLs, no image sources', async () => {
    const raw = Buffer.from(
      'From: Bülten <bulten@firma.com.tr>\r\nSubject: Kampanya\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: text/html; charset=utf-8\r\n\r\n' +
        '<p>Ayrıntılar için <a href="https://example.com/kampanya?id=1">tıklayın</a>.</p>' +
        '<img src="http://tracker.example/pixel.gif" alt="logo"><p>Teşekkürler</p>',
    );
    const mail = await parseRawMessage(raw);
    expect(mail.text).toContain('Ayrıntılar için tıklayın');
    expect(mail.snippet).not.toMatch(/https?:|\[|pixel/);
    expect(mail.html).toContain('tıklayın');
  });
});

describe('text parts and the HTML view', () => {
  const mixed = (parts: string) =>
    Buffer.from(
      'From: a@firma.com.tr\r\nSubject: Karışık\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        parts +
        '--b--\r\n',
    );
  it('keeps a text part beside an HTML part in the HTML (a list footer), links made clickable', async () => {
    const mail = await parseRawMessage(
      mixed(
        '--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Gövde</p>\r\n' +
          '--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAbonelik: https://liste.example/cik\r\n',
      ),
    );
    expect(mail.html).toContain('<p>Gövde</p>');
    expect(mail.html).toContain('href="https://liste.example/cik"');
    expect(mail.text).toContain('Abonelik');
  });
  it('gives text-only mail no HTML at all', async () => {
    const mail = await parseRawMessage(mixed('--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYalnız metin\r\n'));
    expect(mail.html).toBeNull();
    expect(mail.text).toContain('Yalnız metin');
  });
});

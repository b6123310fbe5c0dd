/**
 * The note sanitiser on its shared jsdom window, which is replaced every 150 calls (services/html/dom-purifier.ts):
 * the rules, the link hook and the reshaping must hold the same on every window, not only the first.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeNoteHtml } from '../../src-main/services/notes/sanitize-html';

const HOSTILE =
  '<div onclick="alert(1)">Teklif <b>hazır</b><script>alert(2)</script></div>' +
  '<a href="javascript:alert(3)">tıkla</a> <a href="https://ornek.com.tr" data-x="1">site</a>' +
  '<table><tr><td>Adet</td><td>12</td></tr></table><h1>Başlık</h1><img src="https://iz.example/p.gif">';

describe('note sanitiser', () => {
  it('keeps text formatting, drops what could run or load, and says the same on every window', () => {
    const first = sanitizeNoteHtml(HOSTILE);
    expect(first.html).toBe(
      '<p>Teklif <b>hazır</b></p><a>tıkla</a> ' +
        '<a href="https://ornek.com.tr" rel="noopener noreferrer" target="_blank">site</a>' +
        '<p>Adet 12 </p><h2>Başlık</h2>',
    );
    expect(first.text).toBe('Teklif hazır\ntıkla site\nAdet 12\nBaşlık');
    // Past two window changes: the same answer, so no rule, hook or setting is lost with the first window.
    for (let i = 0; i < 320; i++) sanitizeNoteHtml('<p>dolgu</p>');
    expect(sanitizeNoteHtml(HOSTILE)).toEqual(first);
  });
});

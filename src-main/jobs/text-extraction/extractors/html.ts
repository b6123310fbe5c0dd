import { convert } from 'html-to-text';
import { decodeText } from './plain-text';

/** Readable text of HTML: links without their URLs, images and scripts left out, tables as rows. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      // html-to-text upper-cases headings with the English rules (i → I, not İ): keep the text as written.
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

/** An .html file (its charset by the same rule as plain text). */
export function extractHtml(bytes: Uint8Array): string {
  return htmlToText(decodeText(bytes));
}

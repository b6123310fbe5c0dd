import { Transform } from 'node:stream';
import { invalidInput } from '../../../../src-shared/contract/errors';
import { MAX_IMPORT_COLUMNS } from '../../../../src-shared/contract/transfer';

/** A CSV record (quoted line breaks included) longer than this many characters is refused. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** A record with more cells than this is refused (the header may have MAX_IMPORT_COLUMNS). */
export const MAX_RECORD_CELLS = Math.max(2000, MAX_IMPORT_COLUMNS * 4);

/** Where the guard is within a record. */
const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: the end of the field, or the first of a doubled quote. */
  QuoteInQuoted: 3,
} as const;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Watches the decoded text on its way to the CSV parser and stops the file
 * when one record grows too long or too wide: papaparse builds a whole row
 * before the sheet trims it to the header's width, so a 10 MB line of ";"
 * would cost a hundred times that in memory, and a 200 MB upload gigabytes.
 * It follows the parser's rules for where a record ends (a quote opens a
 * field only at its start; "" inside one is a quote) so a line break inside
 * quotes does not count and a stray quote mid-cell does not swallow the file.
 */
export function csvGuard(fileName: string, delimiter: string): Transform {
  const delim = delimiter.charCodeAt(0);
  let state: (typeof State)[keyof typeof State] = State.FieldStart;
  let row = 1;
  let chars = 0;
  let cells = 1;
  let afterCr = false;
  const tooBig = (what: string) =>
    invalidInput(`"${fileName}" ${row}. satırı ${what}; dosya bozuk olabilir, satırı düzeltip yeniden deneyin.`);

  return new Transform({
    readableObjectMode: true,
    writableObjectMode: true,
    transform(text: string, _enc, done) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (afterCr) {
          afterCr = false;
          if (c === LF) continue;
        }
        if (state === State.Quoted) {
          if (c === QUOTE) state = State.QuoteInQuoted;
        } else if (state === State.QuoteInQuoted && c === QUOTE) {
          state = State.Quoted;
        } else if (state === State.FieldStart && c === QUOTE) {
          state = State.Quoted;
        } else if (c === LF || c === CR) {
          afterCr = c === CR;
          row++;
          chars = 0;
          cells = 1;
          state = State.FieldStart;
          continue;
        } else if (c === delim) {
          state = State.FieldStart;
          if (++cells > MAX_RECORD_CELLS) return done(tooBig(`${MAX_RECORD_CELLS} hücreden fazla`));
        } else state = State.Unquoted;
        if (++chars > MAX_RECORD_CHARS) return done(tooBig('1 MB’tan uzun'));
      }
      done(null, text);
    },
  });
}

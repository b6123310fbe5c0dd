import { ExtractFailure } from './extract-failure';
import { LIMITS } from './limits';
import { walkXml } from './xml-walk';
import { readZipEntries } from './zip-guard';

/** Repeats honoured for a cell or row that has text ("the same value in 5 cells"); empty runs are skipped. */
const MAX_REPEAT = 100;

function contentXml(bytes: Uint8Array): string {
  const content = readZipEntries(bytes, ['content.xml'])['content.xml'];
  if (!content) throw new ExtractFailure('dosya bozuk: OpenDocument içeriği (content.xml) yok');
  return new TextDecoder('utf-8').decode(content);
}

const count = (value: string | undefined, max: number) => Math.min(max, Math.max(1, Number(value) || 1));

/** An OpenDocument text (.odt): paragraphs and headings one per line, spaces and tabs as written. */
export function extractOdt(bytes: Uint8Array): string {
  const out: string[] = [];
  let inBody = false;
  walkXml(contentXml(bytes), {
    open(name, attributes) {
      if (name === 'office:body') inBody = true;
      else if (name === 'text:s') out.push(' '.repeat(count(attributes['text:c'], MAX_REPEAT)));
      else if (name === 'text:tab') out.push('\t');
      else if (name === 'text:line-break') out.push('\n');
    },
    close(name) {
      if (name === 'office:body') inBody = false;
      else if (name === 'text:p' || name === 'text:h') out.push('\n');
    },
    text(text) {
      if (inBody) out.push(text);
    },
  });
  return out.join('');
}

/** An OpenDocument spreadsheet (.ods): one page per sheet (its name first), a row per line, cells by tabs. */
export function extractOds(bytes: Uint8Array): string[] {
  const pages: string[] = [];
  let lines: string[] = [];
  let cells: string[] = [];
  let cell: string | null = null;
  let cellRepeat = 1;
  let rowRepeat = 1;
  let emptyRun = 0;
  let cellsRead = 0;
  walkXml(contentXml(bytes), {
    open(name, attributes) {
      if (name === 'table:table') lines = [attributes['table:name'] ?? ''];
      else if (name === 'table:table-row') {
        cells = [];
        emptyRun = 0;
        rowRepeat = Number(attributes['table:number-rows-repeated']) || 1;
      } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        cell = '';
        cellRepeat = Number(attributes['table:number-columns-repeated']) || 1;
      } else if (cell !== null && name === 'text:s') cell += ' '.repeat(count(attributes['text:c'], MAX_REPEAT));
      else if (cell !== null && name === 'text:tab') cell += '\t';
    },
    close(name) {
      if (name === 'text:p' && cell !== null) cell += '\n';
      else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        const text = (cell ?? '').trim().replace(/\s*\n\s*/g, ' ');
        cell = null;
        if (!text) {
          emptyRun += cellRepeat;
          return;
        }
        if (++cellsRead > LIMITS.sheetCells) return;
        for (let i = 0; i < Math.min(emptyRun, MAX_REPEAT); i++) cells.push('');
        emptyRun = 0;
        for (let i = 0; i < Math.min(cellRepeat, MAX_REPEAT); i++) cells.push(text);
      } else if (name === 'table:table-row') {
        if (cells.length === 0) return;
        const line = cells.join('\t');
        for (let i = 0; i < Math.min(rowRepeat, MAX_REPEAT); i++) lines.push(line);
      } else if (name === 'table:table') pages.push(lines.join('\n'));
    },
    text(text) {
      if (cell !== null) cell += text;
    },
  });
  return pages;
}

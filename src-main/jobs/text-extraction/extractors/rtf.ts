/**
 * Text of an RTF file. Hand-written: the RTF readers on npm are either unmaintained
 * (rtf-parser, last release 2017) or convert to HTML with more than we need; the
 * part of RTF that carries text is small: control words, \'xx bytes in the
 * document's code page (\ansicpg; Turkish files say 1254) or the current font's
 * charset, \uN with its \ucN fallback skipped, and destinations (font and colour
 * tables, style sheets, pictures, every \* group) that are not text.
 */
import { ExtractFailure } from './extract-failure';

/**
 * Groups open at once. Word nests a few dozen deep at most; a file of nothing but `{`
 * would otherwise grow the group stack by one object per byte (hundreds of MB for a
 * large file) before a character of text is read.
 */
export const MAX_RTF_DEPTH = 1000;

/** Destinations whose content is never text. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'shppict',
  'nonshppict',
  'objdata',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'fldinst',
  'filetbl',
  'revtbl',
  'pgdsctbl',
]);

/** Font charsets (\fcharsetN) to Windows code pages. */
const CHARSET_CODE_PAGE: Record<number, number> = {
  161: 1253,
  162: 1254,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  238: 1250,
  222: 874,
};

const SYMBOLS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n',
  page: '\n',
  row: '\n',
  tab: '\t',
  cell: '\t',
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
};

interface Group {
  skip: boolean;
  unicodeSkip: number;
  font: number;
  inFontTable: boolean;
}

function decoderFor(codePage: number): TextDecoder {
  try {
    return new TextDecoder(`windows-${codePage}`);
  } catch {
    return new TextDecoder('windows-1254');
  }
}

export function extractRtf(bytes: Uint8Array): string {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const out: string[] = [];
  const fontCodePage = new Map<number, number>();
  let ansiCodePage = 1254;
  let group: Group = { skip: false, unicodeSkip: 1, font: -1, inFontTable: false };
  const stack: Group[] = [];
  let pendingBytes: number[] = [];
  let toSkip = 0;
  let fontBeingDefined = -1;

  const flushBytes = () => {
    if (!pendingBytes.length) return;
    const codePage = fontCodePage.get(group.font) ?? ansiCodePage;
    if (!group.skip) out.push(decoderFor(codePage).decode(Uint8Array.from(pendingBytes)));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    flushBytes();
    if (!group.skip) out.push(text);
  };
  /** After \uN, the next ucN characters are the fallback for readers without Unicode. */
  const skipped = () => {
    if (toSkip > 0) {
      toSkip--;
      return true;
    }
    return false;
  };

  let i = 0;
  let atGroupStart = false;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '{') {
      if (stack.length >= MAX_RTF_DEPTH) {
        throw new ExtractFailure(
          `RTF belgesi okunamadı: ${MAX_RTF_DEPTH} düzeyden derin iç içe grup var (dosya bozuk ya da zararlı)`,
        );
      }
      flushBytes();
      stack.push(group);
      group = { ...group };
      atGroupStart = true;
      i++;
      continue;
    }
    if (ch === '}') {
      flushBytes();
      group = stack.pop() ?? group;
      toSkip = 0;
      i++;
      continue;
    }
    const startedGroup = atGroupStart;
    atGroupStart = false;
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (/[a-zA-Z]/.test(next)) {
        const match = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
        const word = match[1]!;
        const param = match[2] === undefined ? null : Number(match[2]);
        i += 1 + match[0].length;
        if (word === 'bin' && param !== null) {
          i += Math.max(0, param);
          continue;
        }
        if (startedGroup && SKIPPED.has(word)) {
          flushBytes();
          group.skip = true;
          if (word === 'fonttbl') group.inFontTable = true;
        }
        if (word === 'ansicpg' && param) ansiCodePage = param;
        else if (word === 'deff' && param !== null) group.font = param;
        else if (word === 'uc' && param !== null) group.unicodeSkip = Math.max(0, param);
        else if (word === 'f' && param !== null) {
          flushBytes();
          if (group.inFontTable) fontBeingDefined = param;
          else group.font = param;
        } else if (word === 'fcharset' && param !== null && group.inFontTable && fontBeingDefined >= 0) {
          const codePage = CHARSET_CODE_PAGE[param];
          if (codePage) fontCodePage.set(fontBeingDefined, codePage);
        } else if (word === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          toSkip = group.unicodeSkip;
        } else if (SYMBOLS[word] !== undefined) {
          if (!skipped()) emit(SYMBOLS[word]!);
        }
        continue;
      }
      if (next === "'") {
        const byte = parseInt(src.slice(i + 2, i + 4), 16);
        i += 4;
        if (skipped() || Number.isNaN(byte)) continue;
        pendingBytes.push(byte);
        continue;
      }
      i += 2;
      if (next === '*') {
        flushBytes();
        group.skip = true;
      } else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\\' || next === '{' || next === '}') {
        if (!skipped()) emit(next);
      } else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    i++;
    if (ch === '\r' || ch === '\n') continue;
    if (skipped()) continue;
    const code = ch.charCodeAt(0);
    if (code >= 0x80) pendingBytes.push(code);
    else emit(ch);
  }
  flushBytes();
  return out.join('');
}

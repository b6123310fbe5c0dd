/**
 * An .ics file cut into its blocks before anything is parsed, so that one broken event costs that event only:
 * each VEVENT (with its alarms) and each VTIMEZONE is handed to ical.js on its own. Lines are unfolded here, and
 * a line that lost its fold (a continuation without the leading space, as some exporters write long
 * descriptions) is joined back to the line before it.
 */
import { invalidInput } from '../../../src-shared/contract/errors';

export interface IcsBlock {
  /** Unfolded lines, BEGIN and END included. */
  lines: string[];
  /** 1-based line of its BEGIN in the file, for messages. */
  line: number;
  /** Set when the block itself is broken (no END, nested wrongly). */
  problem?: string;
}

export interface IcsBlocks {
  events: IcsBlock[];
  timezones: IcsBlock[];
}

/** What a file may hold: far more than any office calendar, far less than what would stall the desk. */
export const MAX_ICS_BYTES = 20 * 1024 * 1024;
export const MAX_ICS_EVENTS = 20_000;

// A content line: NAME or X-NAME, then parameters or the value.
const PROPERTY_LINE = /^[A-Za-z0-9-]+[;:]/;

function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const raw = text.split(/\r\n|\n|\r/);
  raw.forEach((line, index) => {
    const previous = out[out.length - 1];
    if (previous && (line.startsWith(' ') || line.startsWith('\t'))) {
      previous.text += line.slice(1);
    } else if (line.trim() === '') {
      // Blank lines carry nothing (some exporters end the file with several).
    } else if (previous && !PROPERTY_LINE.test(line)) {
      // A lost fold: "Bütçe görüşmesinin devamı" on its own line belongs to the DESCRIPTION above it.
      previous.text += line;
    } else {
      out.push({ text: line, line: index + 1 });
    }
  });
  return out;
}

const isBegin = (line: string, name?: string) =>
  /^BEGIN:/i.test(line) && (!name || line.slice(6).trim().toUpperCase() === name);
const isEnd = (line: string) => /^END:/i.test(line);
const componentOf = (line: string) =>
  line
    .slice(line.indexOf(':') + 1)
    .trim()
    .toUpperCase();

/**
 * The VEVENT and VTIMEZONE blocks of a file. Refuses (INVALID_INPUT) what is not an iCalendar file at all or is
 * too large; a broken block is returned with its problem, for the import to report against that event.
 */
export function splitIcs(text: string): IcsBlocks {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  const first = lines[0]?.text ?? '';
  if (!isBegin(first, 'VCALENDAR')) {
    throw invalidInput('Dosya bir iCalendar (.ics) dosyası değil: BEGIN:VCALENDAR ile başlamıyor.');
  }
  const blocks: IcsBlocks = { events: [], timezones: [] };
  let current: (IcsBlock & { kind: string; depth: number }) | null = null;
  let skipping: { name: string; depth: number } | null = null;
  const close = (block: IcsBlock & { kind: string; depth: number }, problem?: string) => {
    const { kind, depth: _depth, ...rest } = block;
    const done = problem ? { ...rest, problem: rest.problem ?? problem } : rest;
    (kind === 'VEVENT' ? blocks.events : blocks.timezones).push(done);
  };
  for (const { text: line, line: number } of lines.slice(1)) {
    if (current && current.depth === 1 && isBegin(line) && componentOf(line) === current.kind) {
      // END:VEVENT was lost: that event is broken, the next one starts here.
      close(current, `END:${current.kind} satırı eksik`);
      current = { kind: current.kind, depth: 1, lines: [line], line: number };
      continue;
    }
    if (current && isEnd(line) && componentOf(line) === 'VCALENDAR') {
      close(current, `END:${current.kind} satırı eksik`);
      current = null;
      continue;
    }
    if (current) {
      current.lines.push(line);
      if (isBegin(line)) {
        current.depth += 1;
      } else if (isEnd(line)) {
        current.depth -= 1;
        if (current.depth === 0) {
          close(
            current,
            componentOf(line) === current.kind ? undefined : `BEGIN:${current.kind} ile ${line} eşleşmiyor`,
          );
          current = null;
        }
      }
      continue;
    }
    if (skipping) {
      // Other components (VTODO, VJOURNAL, VFREEBUSY, X-…) are not events: passed over whole.
      if (isBegin(line)) skipping.depth += 1;
      else if (isEnd(line) && --skipping.depth === 0) skipping = null;
      continue;
    }
    if (isBegin(line)) {
      const kind = componentOf(line);
      if (kind === 'VEVENT' || kind === 'VTIMEZONE') current = { kind, depth: 1, lines: [line], line: number };
      else skipping = { name: kind, depth: 1 };
      if (blocks.events.length > MAX_ICS_EVENTS) {
        throw invalidInput(`Dosyada ${MAX_ICS_EVENTS.toLocaleString('tr-TR')} etkinlikten fazlası var; dosyayı bölün.`);
      }
    }
  }
  if (current) close(current, `dosya END:${current.kind} gelmeden bitiyor`);
  return blocks;
}

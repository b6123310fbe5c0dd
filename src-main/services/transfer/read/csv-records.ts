import fs from 'node:fs';
import Papa from 'papaparse';
import { textStream, type FileKind } from '../sniff';
import { csvGuard } from './csv-guard';
import type { RawRecord, RecordSource } from './records';

const CANDIDATES = [';', ',', '\t', '|'] as const;
/** Rows parsed ahead of the reader; beyond this the file is paused. */
const READ_AHEAD = 500;

/**
 * The separator of the header line: the candidate found most often outside
 * quotes. Turkish Excel writes `;` (the comma is the decimal sign), others `,`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

function headText(file: string, kind: FileKind): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, kind.skipBytes);
    // A character cut in two at the end of the buffer does no harm to the first line.
    return new TextDecoder(kind.encoding ?? 'utf-8').decode(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A CSV file as records, streamed: the file is decoded and parsed chunk by
 * chunk, and the parser (with the file under it) is paused whenever the reader
 * falls behind, so a file of any size is never held in memory. Stopping early
 * (a reader that breaks out of its loop) aborts the parser and closes the file.
 */
export function openCsv(file: string, kind: FileKind, fileName: string): RecordSource {
  const delimiter = detectDelimiter(headText(file, kind));

  async function* records(): AsyncGenerator<RawRecord> {
    const decoded = textStream(file, kind);
    // Between the decoder and the parser, so an overlong row is refused before the parser holds it.
    const text = decoded.pipe(csvGuard(fileName, delimiter));
    decoded.on('error', (err: Error) => text.destroy(err));
    const queue: string[][] = [];
    let head = 0;
    let parser: Papa.Parser | null = null;
    let paused = false;
    let done = false;
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    text.on('error', (err: Error) => {
      failure = err;
      done = true;
      notify();
    });
    Papa.parse(text as unknown as Papa.LocalFile, {
      delimiter,
      skipEmptyLines: false,
      step: (results, p) => {
        parser = p;
        queue.push(results.data as unknown as string[]);
        if (queue.length - head >= READ_AHEAD && !paused) {
          paused = true;
          p.pause();
        }
        notify();
      },
      complete: () => {
        done = true;
        notify();
      },
      error: (err: Error) => {
        failure = err;
        done = true;
        notify();
      },
    });
    let row = 0;
    try {
      for (;;) {
        if (head < queue.length) {
          const cells = queue[head]!;
          queue[head++] = [];
          if (head > 10_000) {
            queue.splice(0, head);
            head = 0;
          }
          yield { row: ++row, cells };
          continue;
        }
        if (failure) throw failure;
        if (done) return;
        const waiting = new Promise<void>((resolve) => (wake = resolve));
        if (paused && parser) {
          paused = false;
          (parser as Papa.Parser).resume();
        }
        await waiting;
      }
    } finally {
      if (!done) (parser as Papa.Parser | null)?.abort();
      text.destroy();
      (decoded as unknown as { destroy(): void }).destroy();
    }
  }
  return { delimiter, records: records() };
}

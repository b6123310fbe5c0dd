/**
 * `npm run bench documents`: N generated documents (txt, PDFs with Turkish text,
 * docx, xlsx; every one different, so every one is extracted) filed on cards and
 * run through the text extraction job (worker thread) to the end. Against a
 * baseline measured in the same run: the same files only filed (stored, indexed
 * by name), no extraction. Prints documents per second and peak RSS (the worker
 * thread's heap is part of the process) and their ratios. Not a test: asserts
 * nothing beyond "every document got a text status".
 *
 * BENCH_DOCUMENTS sets N (1,000 by default: about a minute or two here). Each run
 * goes into its own empty data folder, so it does not use the runner's shared database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { attachFile } from '../../src-main/services/documents/document-writes';
import { createPerson } from '../../src-main/services/cards/persons';
import { drainTextExtraction } from '../../src-main/jobs/text-extraction/text-extraction-job';
import { personFields } from '../../src-shared/contract/cards';
import { Random } from '../../src-main/services/demo/random';
import { FEMALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';
import { contractPage, textPdf } from '../fixtures/documents/make-pdf';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const CARDS = 50;
const MB = 1024 * 1024;

interface GeneratedFile {
  path: string;
  fileName: string;
}

function docx(paragraphs: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${escape(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body>${body}</w:body></w:document>`,
    ),
  });
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Teklif');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 40% text, 40% PDF (1–3 pages), 10% docx, 10% xlsx; the same files every run. */
async function generateFiles(dir: string): Promise<GeneratedFile[]> {
  const random = new Random(11);
  const files: GeneratedFile[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const who = `${random.pick(FEMALE_FIRST_NAMES)} ${random.pick(SURNAMES)}`;
    const kind = i % 10;
    let fileName: string;
    let bytes: Uint8Array | string;
    if (kind < 4) {
      fileName = `Görüşme notu ${i}.txt`;
      bytes = Array.from({ length: 20 }, (_, n) => `${i}.${n} ${who} ile teklif ve teslim tarihi konuşuldu.`).join(
        '\n',
      );
    } else if (kind < 8) {
      fileName = `Sözleşme ${i}.pdf`;
      const pages = 1 + (i % 3);
      bytes = await textPdf(
        Array.from({ length: pages }, (_, p) => [`Sözleşme no ${i} — ${who}`, ...contractPage(p + 1, 20)]),
      );
    } else if (kind === 8) {
      fileName = `Teklif ${i}.docx`;
      bytes = docx(Array.from({ length: 30 }, (_, n) => `${i}.${n} ${who} için bakım teklifi, şartname maddesi ${n}.`));
    } else {
      fileName = `Fiyat listesi ${i}.xlsx`;
      bytes = await xlsx(Array.from({ length: 40 }, (_, n) => [`Ürün ${i}-${n}`, who, 100 + n, 'TRY']));
    }
    const file = path.join(dir, `${i}-${fileName}`);
    fs.writeFileSync(file, bytes);
    files.push({ path: file, fileName });
  }
  return files;
}

/** The process's resident memory sampled every 25 ms while `fn` runs (a worker thread's heap included). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

function emptyApp(): KartotekApp {
  return openApp({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-documents-bench-')) });
}

function closeApp(app: KartotekApp): void {
  app.close();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
}

async function fileAll(app: KartotekApp, files: GeneratedFile[]): Promise<void> {
  const stamp = { userId: app.ctx.userId, at: new Date().toISOString() };
  const cards = Array.from(
    { length: CARDS },
    (_, i) => createPerson(app.ctx.db, personFields.parse({ firstName: 'Kişi', lastName: `No ${i}` }), stamp).id,
  );
  for (const [i, file] of files.entries()) {
    await attachFile(app.ctx.db, stamp, { file, cardId: cards[i % CARDS]!, source: 'picker' });
  }
}

function statusCounts(app: KartotekApp): string {
  const rows = app.ctx.db.$client
    .prepare('select text_status as status, count(*) as n from documents group by text_status order by 1')
    .all() as { status: string; n: number }[];
  return rows.map((r) => `${r.status} ${r.n}`).join(', ');
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const line = (label: string, value: string, ratio?: number) =>
  console.log(`${label.padEnd(40)} ${value.padStart(14)}${ratio === undefined ? '' : `   ${ratio.toFixed(2)}x`}`);

export async function documentsBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-documents-files-'));
  try {
    let started = Date.now();
    const files = await generateFiles(dir);
    const totalMb = files.reduce((sum, f) => sum + fs.statSync(f.path).size, 0) / MB;
    console.log(
      `generated ${files.length} files (${totalMb.toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // Baseline: filed only (stored once, indexed by name), nothing extracted.
    const stored = emptyApp();
    started = Date.now();
    const base = await withPeakRss(() => fileAll(stored, files));
    const baseMs = Date.now() - started;
    closeApp(stored);

    // The real thing: filed, then the extraction job (worker thread) until the queue is empty.
    const extracted = emptyApp();
    started = Date.now();
    let fileMs = 0;
    const full = await withPeakRss(async () => {
      await fileAll(extracted, files);
      fileMs = Date.now() - started;
      return drainTextExtraction(extracted);
    });
    const fullMs = Date.now() - started;
    console.log(`extracted ${full.value.extracted} contents; statuses: ${statusCounts(extracted)}`);
    closeApp(extracted);

    const baseRate = rate(files.length, baseMs);
    const fullRate = rate(files.length, fullMs);
    const extractRate = rate(files.length, fullMs - fileMs);
    console.log(`\n${'measure'.padEnd(40)} ${'value'.padStart(14)}   ratio to baseline`);
    line('baseline: filed only, docs/s', baseRate.toFixed(1));
    line('filed + extracted to the end, docs/s', fullRate.toFixed(1), fullRate / baseRate);
    line('extraction alone, docs/s', extractRate.toFixed(1), extractRate / baseRate);
    line('baseline: peak RSS', `${(base.peak / MB).toFixed(0)} MB`);
    line('filed + extracted: peak RSS', `${(full.peak / MB).toFixed(0)} MB`, full.peak / base.peak);
    line('extraction on top of filing: memory', `+${((full.peak - base.peak) / MB).toFixed(0)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

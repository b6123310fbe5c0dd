/**
 * `npm run bench pdf-extraction`: the text of generated PDFs (BENCH_PDF_FILES files
 * of BENCH_PDF_PAGES pages, default 6 × 50, each page ~45 lines of Turkish text in
 * an embedded subset of DejaVu Sans) through the app's PDF extractor (pdfjs-dist in
 * this process, as the extraction job runs it), against poppler's `pdftotext` on the
 * same files in the same run (one process per file, as a desk would call it). The
 * target is at most 2× pdftotext. Not a test: asserts nothing; it does check that
 * both read the same words, so a fast wrong answer does not pass for a fast one.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText } from '../../src-main/jobs/text-extraction/extract-text';
import type { OcrEngine } from '../../src-main/jobs/text-extraction/extract-types';
import { foldForSearch } from '../../src-shared/domain/turkish-text';
import { contractPage, textPdf } from '../fixtures/documents/make-documents';
import { header, measure, report } from './bench-kit';

const FILES = Number(process.env.BENCH_PDF_FILES ?? 6);
const PAGES = Number(process.env.BENCH_PDF_PAGES ?? 50);
const ROUNDS = 3;

/** These PDFs all have a text layer: an OCR call would be a bug, and would wreck the timing. */
const noOcr: OcrEngine = {
  recognize: () => Promise.reject(new Error('OCR was not expected for a PDF with embedded text')),
  close: () => Promise.resolve(),
};

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const words = (text: string) => foldForSearch(text).split(/\s+/).filter(Boolean).length;

export async function pdfExtractionBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-pdf-bench-'));
  try {
    const files: { file: string; bytes: Uint8Array }[] = [];
    for (let f = 0; f < FILES; f++) {
      const bytes = await textPdf(Array.from({ length: PAGES }, (_, p) => contractPage(f * PAGES + p + 1)));
      const file = path.join(dir, `sozlesme-${f + 1}.pdf`);
      fs.writeFileSync(file, bytes);
      files.push({ file, bytes });
    }
    const size = files.reduce((sum, f) => sum + f.bytes.length, 0);
    console.log(`${FILES} PDFs × ${PAGES} pages (${(size / 1024 / 1024).toFixed(1)} MB) in ${dir}`);

    const ours = async (i: number) => {
      const { bytes } = files[i % files.length]!;
      const result = await extractText({ bytes, name: 'sozlesme.pdf', mimeType: 'application/pdf', ocr: noOcr });
      if (result.status !== 'done') throw new Error(`extraction gave ${JSON.stringify(result)}`);
      return result.pages.join('\n');
    };
    // The first PDF loads pdfjs and its worker module: a once-per-process cost, reported on its own
    // (under tsx, which transpiles pdfjs' 2 MB worker module, it takes seconds; plain node ~0.5 s).
    const firstStart = performance.now();
    const ourText = await ours(0);
    console.log(`first PDF in a fresh process (loads pdfjs): ${(performance.now() - firstStart).toFixed(0)} ms`);

    if (!hasPdftotext()) {
      console.log('pdftotext not found (apt-get install poppler-utils): no baseline, only our timing');
      header();
      report('extractText (pdfjs), one file', await measure(ours, FILES * ROUNDS));
      return;
    }
    const poppler = (i: number) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', files[i % files.length]!.file, '-'], { encoding: 'utf8' });
    const popplerText = poppler(0);
    console.log(`words on file 1: ours ${words(ourText)}, pdftotext ${words(popplerText)}`);

    header();
    const baseline = await measure(poppler, FILES * ROUNDS);
    report('pdftotext, one file (baseline)', baseline);
    const measured = await measure(ours, FILES * ROUNDS);
    report('extractText (pdfjs), one file', measured, baseline);
    const ratio = measured.p50 / baseline.p50;
    console.log(`\nratio ${ratio.toFixed(2)}× pdftotext (target ≤ 2×): ${ratio <= 2 ? 'met' : 'NOT met'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

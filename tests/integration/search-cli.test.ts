import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src-main/core/app';
import { writeTransaction } from '../../src-main/db/transaction';
import { indexDocument } from '../../src-main/services/documents/document-index';
import type { SearchHit } from '../../src-shared/contract/search';
import { contractCalls } from './contract-calls';

// The real `kartotek search` (bin/kartotek.js → dist/main/cli.js) on a data folder
// holding a person and a three-page document whose text was extracted.
let dataDir: string;
let personId: string;
let documentId: string;

function kartotek(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/kartotek.js', '--data', dataDir, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-search-cli-'));
  const app = openApp({ dataDir });
  try {
    const { call } = contractCalls(() => app);
    const person = await call('cards.createPerson', { firstName: 'Çağrı', lastName: 'Işık', notes: 'Kira görüşmesi' });
    const pages = ['Kira sözleşmesi', 'Madde 4: kira bedeli', 'Madde 9: depozito iadesi otuz gün içinde'];
    const data = Buffer.from(pages.join('\n')).toString('base64');
    const { uploadId } = await call('transfer.upload', { fileName: 'Kira sözleşmesi.txt', offset: 0, data });
    const doc = await call('documents.attach', { uploadId, cardId: person.id });
    // What the extraction job writes, then the document's search row rewritten.
    const db = app.ctx.db;
    writeTransaction(db, () => {
      db.$client
        .prepare(
          "insert into blob_texts (sha256, status, text, page_count, extractor, extracted_at) values (?, 'done', ?, 3, 'test', ?)",
        )
        .run(doc.sha256, pages.join('\f'), new Date().toISOString());
      indexDocument(db, doc.id);
    });
    personId = person.id;
    documentId = doc.id;
  } finally {
    app.close();
  }
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('kartotek search', () => {
  it('prints every hit as JSON, documents with their page, type, cards and snippet', () => {
    const out = kartotek('search', 'depozito', '--json');
    expect(out.code, out.stderr).toBe(0);
    const hits = JSON.parse(out.stdout) as SearchHit[];
    expect(hits).toEqual([
      expect.objectContaining({
        type: 'document',
        id: documentId,
        title: 'Kira sözleşmesi.txt',
        page: 3,
        mimeType: 'text/plain',
        cards: [{ id: personId, type: 'person', displayName: 'Çağrı Işık' }],
        snippet: expect.stringContaining('[depozito] iadesi'),
      }),
    ]);
  });

  it('groups the text output by type, with the page and the cards a document is on', () => {
    const out = kartotek('search', 'kira');
    expect(out.code, out.stderr).toBe(0);
    const text = out.stdout;
    expect(text).toContain('Kişiler (1)');
    expect(text).toContain(`Çağrı Işık  ${personId}`);
    expect(text).toContain('[kira] gorusmesi');
    expect(text).toContain('Belgeler (1)');
    // The name explains the hit: no page.
    expect(text).toContain(`Kira sözleşmesi.txt  — Çağrı Işık  ${documentId}`);
    expect(text.indexOf('Kişiler')).toBeLessThan(text.indexOf('Belgeler'));

    const paged = kartotek('search', 'bedeli');
    expect(paged.stdout).toContain(`Kira sözleşmesi.txt  s. 2  — Çağrı Işık  ${documentId}`);
    expect(kartotek('search', 'yokböylebirşey').stdout.trim()).toBe('Sonuç yok.');
  });

  it('refuses a bad --limit with the reason', () => {
    const out = kartotek('search', 'kira', '--limit', '0');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('INVALID_INPUT');
  });
});

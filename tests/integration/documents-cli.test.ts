import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf } from '../fixtures/documents/make-pdf';

// The real `kartotek docs add` (bin/kartotek.js → dist/main/cli.js) on a real data folder.
let dataDir: string;

function kartotek(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/kartotek.js', '--data', dataDir, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = <T>(out: { stdout: string }) => JSON.parse(out.stdout) as T;

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-docs-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('kartotek docs add', () => {
  it('files a file from disk on a card; the same bytes filed twice are stored once', () => {
    const person = json<{ id: string }>(
      kartotek('call', 'cards.createPerson', '{"firstName":"Şule","lastName":"Öztürk"}'),
    );
    const file = path.join(dataDir, 'Vekâletname.pdf');
    fs.writeFileSync(file, '%PDF-1.4\nvekâlet\n%%EOF\n');

    const added = kartotek('docs', 'add', file, '--to', `person:${person.id}`, '--json', '--no-wait');
    expect(added.code, added.stderr).toBe(0);
    const result = json<{ documentId: string; textStatus: string }>(added);
    expect(result.textStatus).toBe('pending');

    const doc = json<{ name: string; mimeType: string; source: string; cards: { id: string }[] }>(
      kartotek('call', 'documents.get', JSON.stringify({ id: result.documentId })),
    );
    expect(doc).toMatchObject({ name: 'Vekâletname.pdf', mimeType: 'application/pdf', source: 'cli' });
    expect(doc.cards.map((c) => c.id)).toEqual([person.id]);
    const read = json<{ data: string }>(kartotek('call', 'documents.read', JSON.stringify({ id: result.documentId })));
    expect(Buffer.from(read.data, 'base64').equals(fs.readFileSync(file))).toBe(true);

    expect(kartotek('docs', 'add', file, '--to', `person:${person.id}`, '--json').code).toBe(0);
    const list = json<{ documents: { id: string }[] }>(
      kartotek('call', 'documents.forCard', JSON.stringify({ cardId: person.id })),
    );
    expect(list.documents).toHaveLength(2);
  }, 120_000);

  it('extracts the added file before answering; docs text prints it, pages split by form feeds', async () => {
    const person = json<{ id: string }>(
      kartotek('call', 'cards.createPerson', '{"firstName":"Çağrı","lastName":"Işık"}'),
    );
    const file = path.join(dataDir, 'Görüşme notu.txt');
    fs.writeFileSync(file, 'Kadıköy şubesinde bakım sözleşmesi konuşuldu.\fİkinci sayfa: İSTANBUL');

    const added = kartotek('docs', 'add', file, '--to', `person:${person.id}`, '--json');
    expect(added.code, added.stderr).toBe(0);
    const result = json<{ documentId: string; textStatus: string; textError: string | null }>(added);
    expect(result).toMatchObject({ textStatus: 'done', textError: null });

    // The form feed inside a text file is not a page break of ours: one page, the text as written (\f → \n).
    const text = kartotek('docs', 'text', result.documentId);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe('Kadıköy şubesinde bakım sözleşmesi konuşuldu.\nİkinci sayfa: İSTANBUL\n');
    const hits = json<{ id: string }[]>(kartotek('search', 'kadikoy sozlesme', '--json'));
    expect(hits.map((h) => h.id)).toContain(result.documentId);

    const pdf = path.join(dataDir, 'İki sayfa.pdf');
    fs.writeFileSync(pdf, await textPdf([['Birinci sayfa: teklif'], ['İkinci sayfa: şartname']]));
    const pdfAdded = json<{ documentId: string; textStatus: string }>(
      kartotek('docs', 'add', pdf, '--to', `person:${person.id}`, '--json'),
    );
    expect(pdfAdded.textStatus).toBe('done');
    const pages = kartotek('docs', 'text', pdfAdded.documentId).stdout.trimEnd().split('\f');
    expect(pages).toEqual(['Birinci sayfa: teklif', 'İkinci sayfa: şartname']);

    const missing = kartotek('docs', 'text', '0190c9a0-0000-7000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
    expect(kartotek('docs', 'text').code).toBe(2);
  }, 120_000);

  it('refuses a wrong target, a wrong card type, a missing or empty file with one line and a non-zero code', () => {
    const person = json<{ id: string }>(
      kartotek('call', 'cards.createPerson', '{"firstName":"Ali","lastName":"Kaya"}'),
    );
    const file = path.join(dataDir, 'not.txt');
    fs.writeFileSync(file, 'not');
    const empty = path.join(dataDir, 'bos.txt');
    fs.writeFileSync(empty, '');

    expect(kartotek('docs', 'add', file, '--to', 'kisi:1').code).toBe(2);
    expect(kartotek('docs', 'add', '--to', `person:${person.id}`).code).toBe(2);
    const wrongType = kartotek('docs', 'add', file, '--to', `institution:${person.id}`);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('institution');
    const missing = kartotek('docs', 'add', path.join(dataDir, 'yok.pdf'), '--to', `person:${person.id}`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('yok.pdf');
    const nothing = kartotek('docs', 'add', empty, '--to', `person:${person.id}`);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr.trim().split('\n')).toHaveLength(1);
    expect(nothing.stderr).toContain('boş bir dosya');
    const list = json<{ documents: unknown[] }>(
      kartotek('call', 'documents.forCard', JSON.stringify({ cardId: person.id })),
    );
    expect(list.documents).toEqual([]);
  });
});

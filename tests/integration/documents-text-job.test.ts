import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../src-shared/contract';
import { DOCUMENT_TEXT_CHARS } from '../../src-shared/contract/documents';
import { attachFile, detach } from '../../src-main/services/documents/document-writes';
import { drainTextExtraction, startTextExtraction } from '../../src-main/jobs/text-extraction/text-extraction-job';
import {
  HUGE_ALLOCATION_MARKER,
  TEXT_WORKER_TEST_HOOKS_ENV,
} from '../../src-main/jobs/text-extraction/worker-test-hooks';
import { encryptedPdf } from '../fixtures/documents/make-encrypted-pdf';
import { useTestApp } from './test-app';

// The extraction job end to end: real SQLite file, real worker processes, the contract calls.
const t = useTestApp();
const db = () => t.app().ctx.db;
const actor = () => ({ userId: t.app().ctx.userId, at: new Date(t.clock()).toISOString() });

async function person(lastName = 'Yılmaz') {
  return t.call('cards.createPerson', { firstName: 'Ayşe', lastName });
}

/** Files bytes from a temp file on a card, as the upload and the CLI do. */
async function attach(cardId: string, fileName: string, bytes: string | Buffer) {
  const file = path.join(t.app().dataDir, `in-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, bytes);
  const change = await attachFile(db(), actor(), { file: { path: file, fileName }, cardId, source: 'picker' });
  fs.rmSync(file);
  return change.documentId;
}

const rows = <T>(sql: string, ...params: unknown[]) =>
  db()
    .$client.prepare(sql)
    .all(...params) as T[];
const count = (table: string) => rows<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n;

async function documentHits(q: string): Promise<string[]> {
  const { groups } = await t.call('search.query', { q, types: ['document'], limit: 50 });
  return groups.flatMap((g) => g.hits.map((h) => h.id));
}

function nextEvent(name: string, match: (e: ContractEvent) => boolean = () => true): Promise<ContractEvent> {
  return new Promise((resolve) => {
    const stop = t.app().ctx.events.subscribe((e) => {
      if (e.name === name && match(e)) {
        stop();
        resolve(e);
      }
    });
  });
}

const TEKLIF = 'Kuruçeşme şubesi için yıllık bakım sözleşmesi.\nIŞIK Mühendislik, İstanbul.';

describe('text extraction job', () => {
  it('extracts attached text; documents.text returns it and search finds a word inside', async () => {
    const ayse = await person();
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));
    const id = await attach(ayse.id, 'Bakım teklifi.txt', TEKLIF);

    // Filed: waiting, yet already found by its name; not by its text.
    expect((await t.call('documents.get', { id })).textStatus).toBe('pending');
    expect(await documentHits('bakim teklif')).toEqual([id]);
    expect(await documentHits('kurucesme')).toEqual([]);
    expect(await t.call('documents.text', { id })).toMatchObject({ status: 'pending', pages: [], truncated: false });
    expect(await t.call('documents.extraction', {})).toEqual({ pending: 1, failed: 0, running: null });

    expect(await drainTextExtraction(t.app())).toEqual({ extracted: 1 });

    expect(await t.call('documents.get', { id })).toMatchObject({ textStatus: 'done', textError: null });
    expect(await t.call('documents.text', { id })).toEqual({
      status: 'done',
      reason: null,
      pages: [TEKLIF],
      pageCount: 1,
      truncated: false,
      extractor: 'text',
    });
    expect(await documentHits('kurucesme')).toEqual([id]);
    expect(await documentHits('isik muhendislik')).toEqual([id]);
    expect(await t.call('documents.extraction', {})).toEqual({ pending: 0, failed: 0, running: null });
    expect(count('text_extraction_attempts')).toBe(0);
    expect(events).toContainEqual({ name: 'documents.textChanged', payload: { documentIds: [id], status: 'done' } });
    expect(events).toContainEqual({
      name: 'documents.extraction',
      payload: { pending: 1, running: { documentId: id, name: 'Bakım teklifi.txt' } },
    });
    expect(events).toContainEqual({
      name: 'cards.changed',
      payload: { id: ayse.id, type: 'person', action: 'updated' },
    });
  });

  it('extracts the same bytes once however many cards they are filed on; later copies take the text at once', async () => {
    const ayse = await person();
    const ali = await person('Kaya');
    const first = await attach(ayse.id, 'Sözleşme.txt', TEKLIF);
    const second = await attach(ali.id, 'Sözleşme kopyası.txt', TEKLIF);

    expect(await drainTextExtraction(t.app())).toEqual({ extracted: 1 });
    expect(count('blob_texts')).toBe(1);
    for (const id of [first, second]) expect((await t.call('documents.get', { id })).textStatus).toBe('done');
    expect((await documentHits('kurucesme')).sort()).toEqual([first, second].sort());

    const third = await attach(ali.id, 'Üçüncü.txt', TEKLIF);
    expect((await t.call('documents.get', { id: third })).textStatus).toBe('done');
    expect(await documentHits('kurucesme')).toContain(third);
    expect(await drainTextExtraction(t.app())).toEqual({ extracted: 0 });
    expect(count('blob_texts')).toBe(1);
  });

  it('gives up on content the app stopped on three times, and retryText queues it once more', async () => {
    const ayse = await person();
    const id = await attach(ayse.id, 'Sorunlu.txt', TEKLIF);
    const { sha256 } = await t.call('documents.get', { id });
    // What three crashes in the middle of this file leave behind.
    db()
      .$client.prepare('insert into text_extraction_attempts (sha256, attempts, last_started_at) values (?, 3, ?)')
      .run(sha256, new Date().toISOString());

    await drainTextExtraction(t.app());
    const failed = await t.call('documents.get', { id });
    expect(failed.textStatus).toBe('failed');
    expect(failed.textError).toContain('3 kez durdu');
    expect(count('text_extraction_attempts')).toBe(0);
    expect(await t.call('documents.extraction', {})).toEqual({ pending: 0, failed: 1, running: null });

    const retried = await t.call('documents.retryText', { id });
    expect(retried).toMatchObject({ textStatus: 'pending', textError: null });
    expect(count('blob_texts')).toBe(0);
    await drainTextExtraction(t.app());
    expect((await t.call('documents.get', { id })).textStatus).toBe('done');

    const refused = await t.callError('documents.retryText', { id });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('Sorunlu.txt');
  });

  it('stopped in the middle of a file, writes nothing; started again, finishes it once', async () => {
    const ayse = await person();
    const job = startTextExtraction(t.app(), { pollMs: 60_000 });
    const started = nextEvent('documents.extraction', (e) => (e.payload as { running: unknown }).running !== null);
    const id = await attach(ayse.id, 'Yarım kalan.txt', TEKLIF);
    await started;
    await job.stop();

    expect((await t.call('documents.get', { id })).textStatus).toBe('pending');
    expect(count('blob_texts')).toBe(0);
    // A clean stop is not a crash: the attempt does not count against the file.
    expect(count('text_extraction_attempts')).toBe(0);

    const done = nextEvent('documents.textChanged');
    const again = startTextExtraction(t.app(), { pollMs: 60_000 });
    try {
      expect((await done).payload).toEqual({ documentIds: [id], status: 'done' });
    } finally {
      await again.stop();
    }
    expect(count('blob_texts')).toBe(1);
    expect(rows('select 1 from search_docs where entity_id = ?', id)).toHaveLength(1);
    expect(await documentHits('kurucesme')).toEqual([id]);
  });

  it('wakes on a document filed through the contract while it waits (no poll needed)', async () => {
    const ayse = await person();
    await attach(ayse.id, 'İlk.txt', 'ilk dosya');
    // The queue drained and the job went to wait (the poll is a minute away, longer than this test may run).
    const idle = nextEvent('documents.extraction', (e) => (e.payload as { running: unknown }).running === null);
    const job = startTextExtraction(t.app(), { pollMs: 60_000 });
    try {
      expect((await idle).payload).toEqual({ pending: 0, running: null });
      const done = nextEvent('documents.textChanged');
      const { uploadId } = await t.call('transfer.upload', {
        fileName: 'Not.txt',
        offset: 0,
        data: Buffer.from(TEKLIF).toString('base64'),
      });
      const doc = await t.call('documents.attach', { uploadId, cardId: ayse.id, source: 'drop' });
      expect((await done).payload).toEqual({ documentIds: [doc.id], status: 'done' });
    } finally {
      await job.stop();
    }
  });

  it('a worker over its memory cap fails that file with the reason; the next file is still done', async () => {
    const ayse = await person();
    // 5 MB of HTML whose 300,000 paragraphs become a document tree far larger than a 64 MB heap.
    const big = await attach(
      ayse.id,
      'Dev.html',
      '<html><body>' + '<p><b>ş</b> a</p>'.repeat(300_000) + '</body></html>',
    );
    const small = await attach(ayse.id, 'Küçük.txt', TEKLIF);

    await drainTextExtraction(t.app(), { limits: { maxOldGenerationSizeMb: 64 } });

    const failed = await t.call('documents.text', { id: big });
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain('bellek sınırı aşıldı');
    expect((await t.call('documents.text', { id: small })).pages).toEqual([TEKLIF]);
    expect(count('text_extraction_attempts')).toBe(0);
  }, 60_000);

  it('one allocation far past the cap kills only the worker process: that file fails, the next is done', async () => {
    // As a worker thread this would have aborted the test process itself (Node 20), see fork-text-worker.ts.
    process.env[TEXT_WORKER_TEST_HOOKS_ENV] = '1';
    try {
      const ayse = await person();
      const bomb = await attach(ayse.id, 'Bomba.txt', `${HUGE_ALLOCATION_MARKER}400`);
      const next = await attach(ayse.id, 'Sonraki.txt', TEKLIF);
      const events: ContractEvent[] = [];
      t.app().ctx.events.subscribe((e) => events.push(e));

      expect(await drainTextExtraction(t.app(), { limits: { maxOldGenerationSizeMb: 64 } })).toEqual({
        extracted: 2,
      });

      expect(await t.call('documents.get', { id: bomb })).toMatchObject({
        textStatus: 'failed',
        textError: 'Metin çıkarılırken bellek sınırı aşıldı (64 MB). Belge saklandı ve açılabilir.',
      });
      expect(await t.call('documents.text', { id: next })).toMatchObject({ status: 'done', pages: [TEKLIF] });
      expect(events).toContainEqual({
        name: 'documents.textChanged',
        payload: { documentIds: [bomb], status: 'failed' },
      });
      // Settled, not a crash of the app: nothing counts against a later retry.
      expect(count('text_extraction_attempts')).toBe(0);
      expect(await t.call('documents.extraction', {})).toEqual({ pending: 0, failed: 1, running: null });
      // The test process (the "app") went on all along, and its heap never held the 400 MB.
      expect(process.memoryUsage().heapUsed).toBeLessThan(400 * 1024 * 1024);
    } finally {
      delete process.env[TEXT_WORKER_TEST_HOOKS_ENV];
    }
  }, 60_000);

  it('a file over its time limit fails with "zaman aşımı"; one over the size cap has no text', async () => {
    const ayse = await person();
    const slow = await attach(ayse.id, 'Yavaş.txt', TEKLIF);
    await drainTextExtraction(t.app(), { limits: { timeoutMs: 1 } });
    const timedOut = await t.call('documents.get', { id: slow });
    expect(timedOut.textStatus).toBe('failed');
    expect(timedOut.textError).toContain('zaman aşımı');

    const large = await attach(ayse.id, 'Büyük.txt', 'x'.repeat(2048));
    await drainTextExtraction(t.app(), { limits: { maxBytes: 1024 } });
    const none = await t.call('documents.get', { id: large });
    expect(none.textStatus).toBe('none');
    expect(none.textError).toMatch(/çok büyük|kadar büyük/);
  });

  it('cuts a very long text at DOCUMENT_TEXT_CHARS and says so; search still covers the end', async () => {
    const ayse = await person();
    const text = 'a'.repeat(DOCUMENT_TEXT_CHARS) + ' sonundakikelime';
    const id = await attach(ayse.id, 'Uzun.txt', text);
    await drainTextExtraction(t.app());
    const result = await t.call('documents.text', { id });
    expect(result.truncated).toBe(true);
    expect(result.pages.join('\f')).toHaveLength(DOCUMENT_TEXT_CHARS);
    expect(await documentHits('sonundakikelime')).toEqual([id]);
  });

  it('a document taken off its last card leaves search; renamed, it is found by the new name', async () => {
    const ayse = await person();
    const id = await attach(ayse.id, 'Fatura.txt', TEKLIF);
    await drainTextExtraction(t.app());
    await t.call('documents.rename', { id, name: 'Şubat faturası.txt' });
    expect(await documentHits('subat faturasi')).toEqual([id]);
    detach(db(), actor(), { documentId: id, cardId: ayse.id });
    expect(await documentHits('kurucesme')).toEqual([]);
    expect(await documentHits('subat')).toEqual([]);
  });

  it('unlock replaces a locked text with the text the password opens; the password is stored nowhere', async () => {
    const ayse = await person();
    const id = await attach(ayse.id, 'Kilitli.txt', TEKLIF);
    const { sha256 } = await t.call('documents.get', { id });
    // As the job leaves a password-protected file (the text extractor itself never asks for one).
    db()
      .$client.prepare(
        `insert into blob_texts (sha256, status, reason, extracted_at) values (?, 'locked', 'Parola korumalı.', ?)`,
      )
      .run(sha256, new Date().toISOString());
    db().$client.prepare(`update documents set text_status = 'locked', text_error = 'Parola korumalı.'`).run();

    expect((await t.callError('documents.unlock', { id, password: '' })).code).toBe('INVALID_INPUT');
    const unlocked = await t.call('documents.unlock', { id, password: 'gizli-parola-123' });
    expect(unlocked).toMatchObject({ textStatus: 'done', textError: null });
    expect(await documentHits('kurucesme')).toEqual([id]);
    expect(rows('select status from blob_texts')).toEqual([{ status: 'done' }]);
    const everything = JSON.stringify([
      rows('select * from blob_texts'),
      rows('select * from documents'),
      rows('select * from audit_log'),
      rows('select * from search_docs'),
    ]);
    expect(everything).not.toContain('gizli-parola-123');

    const notLocked = await t.callError('documents.unlock', { id, password: 'x' });
    expect(notLocked.code).toBe('INVALID_INPUT');
    expect(notLocked.message).toContain('parolalı değil');
  });

  it('unlock that fails in the worker keeps the document locked and says why, naming the file', async () => {
    // The test hook's allocation of 2 GB is past V8's longest string: the worker's extraction fails at once.
    process.env[TEXT_WORKER_TEST_HOOKS_ENV] = '1';
    try {
      const ayse = await person();
      const id = await attach(ayse.id, 'Kilitli.pdf', `${HUGE_ALLOCATION_MARKER}2048`);
      const { sha256 } = await t.call('documents.get', { id });
      db()
        .$client.prepare(
          `insert into blob_texts (sha256, status, reason, extracted_at) values (?, 'locked', 'Parola korumalı.', ?)`,
        )
        .run(sha256, new Date().toISOString());
      db().$client.prepare(`update documents set text_status = 'locked', text_error = 'Parola korumalı.'`).run();

      const error = await t.callError('documents.unlock', { id, password: 'gizli-parola-456' });
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/^"Kilitli\.pdf" metni okunamadı: .*Belge kilitli kaldı/);
      expect(error.message).not.toContain('gizli-parola-456');
      expect(await t.call('documents.get', { id })).toMatchObject({
        textStatus: 'locked',
        textError: 'Parola korumalı.',
      });
      expect(rows('select status, reason from blob_texts')).toEqual([{ status: 'locked', reason: 'Parola korumalı.' }]);
    } finally {
      delete process.env[TEXT_WORKER_TEST_HOOKS_ENV];
    }
  });

  it('a password-protected PDF is locked; a wrong password is refused, the right one opens it', async () => {
    const ayse = await person();
    const id = await attach(ayse.id, 'Protokol.pdf', encryptedPdf('dogru-parola'));
    await drainTextExtraction(t.app());
    expect(await t.call('documents.get', { id })).toMatchObject({ textStatus: 'locked' });

    const wrong = await t.callError('documents.unlock', { id, password: 'yanlis-parola' });
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: 'Parola yanlış.' });
    expect(JSON.stringify(wrong)).not.toContain('yanlis-parola');
    expect((await t.call('documents.get', { id })).textStatus).toBe('locked');

    expect(await t.call('documents.unlock', { id, password: 'dogru-parola' })).toMatchObject({ textStatus: 'done' });
    expect((await t.call('documents.text', { id })).pages.join(' ')).toContain('Gizli protokol');
    expect(await documentHits('gizli protokol')).toEqual([id]);
  }, 90_000);
});

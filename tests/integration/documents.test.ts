import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../src-shared/contract';
import { attachFile } from '../../src-main/services/documents/document-writes';
import { useTestApp } from './test-app';

const t = useTestApp();

async function upload(fileName: string, bytes: Buffer): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const piece = bytes.subarray(offset, offset + 4 * 1024 * 1024);
    const result = await t.call('transfer.upload', { uploadId, fileName, offset, data: piece.toString('base64') });
    uploadId = result.uploadId;
    offset = result.size;
  } while (offset < bytes.length);
  return uploadId;
}

async function person(lastName = 'Yılmaz') {
  return t.call('cards.createPerson', { firstName: 'Ayşe', lastName });
}

async function download(id: string, version?: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await t.call('documents.read', { id, version, offset, length: 1000 });
    parts.push(Buffer.from(chunk.data, 'base64'));
    offset += parts.at(-1)!.length;
    if (chunk.done) return Buffer.concat(parts);
  }
}

const count = (table: string) =>
  (t.app().ctx.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

const pdf = Buffer.from('%PDF-1.4\n' + 'Teklif — şartname, ğüşıöç\n'.repeat(200) + '%%EOF\n');

describe('documents: filing files on cards', () => {
  it('files an uploaded file on a card, lists it, reads it back byte for byte and removes the upload', async () => {
    const ayse = await person();
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));
    const uploadId = await upload('Teklif 2026.PDF', pdf);

    const doc = await t.call('documents.attach', { uploadId, cardId: ayse.id, source: 'drop' });
    expect(doc).toMatchObject({
      name: 'Teklif 2026.PDF',
      mimeType: 'application/pdf',
      size: pdf.length,
      source: 'drop',
      textStatus: 'pending',
      versionCount: 1,
      deleted: false,
      cards: [{ id: ayse.id, type: 'person', displayName: 'Ayşe Yılmaz' }],
    });
    expect(doc.sha256).toBe(crypto.createHash('sha256').update(pdf).digest('hex'));
    expect(fs.readdirSync(path.join(t.app().ctx.dataDir, 'transfer', 'uploads'))).toEqual([]);
    expect(events).toContainEqual({
      name: 'cards.changed',
      payload: { id: ayse.id, type: 'person', action: 'updated' },
    });

    const { documents } = await t.call('documents.forCard', { cardId: ayse.id });
    expect(documents).toEqual([
      expect.objectContaining({ id: doc.id, name: 'Teklif 2026.PDF', versionCount: 1, cards: [] }),
    ]);
    expect(documents[0]!.createdByName).toBeTruthy();
    expect((await download(doc.id)).equals(pdf)).toBe(true);

    const { entries: history } = await t.call('audit.list', { entityId: ayse.id });
    expect(history[0]).toMatchObject({
      action: 'document_add',
      after: { documentId: doc.id, name: 'Teklif 2026.PDF' },
    });
    const timeline = await t.call('timeline.forCard', { cardId: ayse.id });
    expect(timeline.entries[0]).toMatchObject({ kind: 'document', action: 'document_add', detail: 'Teklif 2026.PDF' });
  });

  it('stores the same bytes once however often they are filed, and one document can sit on several cards', async () => {
    const ayse = await person();
    const mehmet = await person('Demir');
    const first = await t.call('documents.attach', { uploadId: await upload('a.pdf', pdf), cardId: ayse.id });
    const second = await t.call('documents.attach', { uploadId: await upload('kopya.pdf', pdf), cardId: mehmet.id });
    expect(second.id).not.toBe(first.id);
    expect(count('blobs')).toBe(1);
    expect(count('blob_chunks')).toBe(1);

    const shared = await t.call('documents.attachExisting', { documentId: first.id, cardId: mehmet.id });
    expect(shared.cards.map((c) => c.id).sort()).toEqual([ayse.id, mehmet.id].sort());
    const onMehmet = await t.call('documents.forCard', { cardId: mehmet.id });
    expect(onMehmet.documents.find((d) => d.id === first.id)!.cards).toEqual([
      { id: ayse.id, type: 'person', displayName: 'Ayşe Yılmaz' },
    ]);
    const again = await t.callError('documents.attachExisting', { documentId: first.id, cardId: mehmet.id });
    expect(again).toMatchObject({ code: 'CONFLICT' });

    // Off one card it stays on the other; off the last one it goes to the recycle bin.
    expect(await t.call('documents.detach', { documentId: first.id, cardId: ayse.id })).toEqual({
      documentId: first.id,
      deleted: false,
    });
    expect((await t.call('documents.forCard', { cardId: ayse.id })).documents).toEqual([]);
    expect((await t.call('documents.get', { id: first.id })).deleted).toBe(false);
    expect(await t.call('documents.detach', { documentId: first.id, cardId: mehmet.id })).toEqual({
      documentId: first.id,
      deleted: true,
    });
    expect((await t.call('documents.get', { id: first.id })).deleted).toBe(true);
    expect((await t.call('documents.forCard', { cardId: mehmet.id })).documents.map((d) => d.id)).toEqual([second.id]);
    const { entries: history } = await t.call('audit.list', { entityId: mehmet.id });
    expect(history[0]).toMatchObject({ action: 'document_remove', before: { name: 'a.pdf' } });
  });

  it('keeps every version: a new one becomes current, the old ones stay readable', async () => {
    const ayse = await person();
    const doc = await t.call('documents.attach', { uploadId: await upload('sozlesme.docx', pdf), cardId: ayse.id });
    const v2bytes = Buffer.from('ikinci sürüm, imzalı');
    const v2 = await t.call('documents.addVersion', {
      documentId: doc.id,
      uploadId: await upload('sozlesme-imzali.pdf', v2bytes),
    });
    expect(v2).toMatchObject({ name: 'sozlesme-imzali.pdf', mimeType: 'application/pdf', size: v2bytes.length });
    expect(v2.versionCount).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.name])).toEqual([
      [2, 'sozlesme-imzali.pdf'],
      [1, 'sozlesme.docx'],
    ]);
    expect((await download(doc.id)).equals(v2bytes)).toBe(true);
    expect((await download(doc.id, 1)).equals(pdf)).toBe(true);
    expect((await t.call('documents.read', { id: doc.id, version: 1, offset: 0 })).mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await t.callError('documents.read', { id: doc.id, version: 3, offset: 0 })).toMatchObject({
      code: 'NOT_FOUND',
    });

    const renamed = await t.call('documents.rename', { id: doc.id, name: '  İmzalı sözleşme.pdf ' });
    expect(renamed.name).toBe('İmzalı sözleşme.pdf');
    const { entries: history } = await t.call('audit.list', { entityId: ayse.id });
    expect(history.map((h) => h.action).slice(0, 3)).toEqual(['document_rename', 'document_version', 'document_add']);
  });

  it("moves with a merge: the loser's documents land on the survivor, one filed on both stays once", async () => {
    const survivor = await person();
    const loser = await person('Yilmaz');
    const shared = await t.call('documents.attach', { uploadId: await upload('ortak.pdf', pdf), cardId: survivor.id });
    await t.call('documents.attachExisting', { documentId: shared.id, cardId: loser.id });
    const own = await t.call('documents.attach', {
      uploadId: await upload('kendi.txt', Buffer.from('yalnız kaybedende')),
      cardId: loser.id,
    });
    await t.call('duplicates.merge', { survivorId: survivor.id, loserId: loser.id });
    const { documents } = await t.call('documents.forCard', { cardId: survivor.id });
    expect(documents.map((d) => d.name).sort()).toEqual(['kendi.txt', 'ortak.pdf']);
    expect((await t.call('documents.get', { id: own.id })).cards.map((c) => c.id)).toEqual([survivor.id]);
  });

  it('refuses what cannot be filed, with the reason, and writes nothing', async () => {
    const ayse = await person();
    const gone = await person('Silinen');
    await t.call('cards.delete', { id: gone.id });
    const merged = await person('Birleşen');
    t.app().ctx.db.$client.prepare('update cards set merged_into = ? where id = ?').run(ayse.id, merged.id);

    const bin = await t.callError('documents.attach', { uploadId: await upload('a.pdf', pdf), cardId: gone.id });
    expect(bin).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bin.message).toContain('çöp kutusunda');
    const away = await t.callError('documents.attach', { uploadId: await upload('a.pdf', pdf), cardId: merged.id });
    expect(away.message).toContain('birleştirildi');
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect(
      await t.callError('documents.attach', { uploadId: await upload('a.pdf', pdf), cardId: unknown }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.callError('documents.attach', { uploadId: unknown, cardId: ayse.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.callError('documents.get', { id: unknown })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.callError('documents.forCard', { cardId: unknown })).toMatchObject({ code: 'NOT_FOUND' });

    const empty = await t.callError('documents.attach', {
      uploadId: (await t.call('transfer.upload', { fileName: 'bos.txt', offset: 0, data: '' })).uploadId,
      cardId: ayse.id,
    });
    expect(empty.message).toContain('"bos.txt" boş bir dosya');

    // Over 2 GB: a sparse file, so the test writes nothing to disk; refused before a byte is read.
    const huge = path.join(t.app().ctx.dataDir, 'huge.bin');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 2 * 1024 * 1024 * 1024 + 1);
    const app = t.app();
    await expect(
      attachFile(
        app.ctx.db,
        { userId: app.ctx.userId, at: 'x' },
        {
          file: { path: huge, fileName: 'huge.bin' },
          cardId: ayse.id,
          source: 'cli',
        },
      ),
    ).rejects.toThrow('"huge.bin" çok büyük');

    expect(count('documents')).toBe(0);
    expect(count('blobs')).toBe(0);
    expect(fs.readdirSync(path.join(app.ctx.dataDir, 'transfer', 'uploads'))).toEqual([]);
    expect((await t.callError('documents.rename', { id: unknown, name: ' ' })).code).toBe('INVALID_INPUT');
  });
});

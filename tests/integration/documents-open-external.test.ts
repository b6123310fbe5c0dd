import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src-main/services/documents/open-external';
import { useTestApp } from './test-app';

const t = useTestApp();

async function fileOnNewPerson(fileName: string, bytes: Buffer) {
  const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
  const { uploadId } = await t.call('transfer.upload', { fileName, offset: 0, data: bytes.toString('base64') });
  return t.call('documents.attach', { uploadId, cardId: ayse.id });
}

describe('documents: open with the default program (desktop)', () => {
  it('writes the exact bytes under the data folder with the document name and hands that file to the shell', async () => {
    const opened: string[] = [];
    t.app().ctx.desktop = { openPath: (file) => Promise.resolve(void opened.push(file)) };
    const bytes = Buffer.from('Kira sözleşmesi — İstanbul\n'.repeat(100_000));
    const doc = await fileOnNewPerson('Kira sözleşmesi.txt', bytes);

    await t.call('documents.openExternal', { id: doc.id });
    await t.call('documents.rename', { id: doc.id, name: 'Kira: 2026/Mart.txt' });
    await t.call('documents.openExternal', { id: doc.id });

    expect(opened).toHaveLength(2);
    expect(path.basename(opened[0]!)).toBe('Kira sözleşmesi.txt');
    // A renamed document opens under its new name, made safe for every desk OS.
    expect(path.basename(opened[1]!)).toBe('Kira_ 2026_Mart.txt');
    for (const file of opened) {
      expect(file.startsWith(path.join(t.app().dataDir, 'open') + path.sep)).toBe(true);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('says where it cannot open a file (web host, CLI) and writes nothing', async () => {
    const doc = await fileOnNewPerson('Teklif.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const error = await t.callError('documents.openExternal', { id: doc.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('yalnızca masaüstü');
    expect(fs.existsSync(path.join(t.app().dataDir, 'open'))).toBe(false);
  });

  it('refuses to run programs, scripts and shortcuts, by name or by content, and writes nothing', async () => {
    const opened: string[] = [];
    t.app().ctx.desktop = { openPath: (file) => Promise.resolve(void opened.push(file)) };
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    for (const [name, bytes] of [
      ['fatura.pdf.exe', Buffer.from('%PDF-1.4 gibi görünen')],
      ['Kargo takip.lnk', Buffer.from('L\0\0\0')],
      ['güncelle.PS1', Buffer.from('Write-Host 1')],
      // A program renamed to look like a document is caught by its first bytes.
      ['rapor.pdf', program],
      ['kurulum', Buffer.from('#!/bin/sh\necho 1\n')],
    ] as const) {
      const doc = await fileOnNewPerson(name, bytes);
      const error = await t.callError('documents.openExternal', { id: doc.id });
      expect(error.code, name).toBe('FORBIDDEN');
      expect(error.message).toContain(`"${name}"`);
      expect(error.message).toContain('çalıştırılabilir');
    }
    expect(opened).toEqual([]);
    expect(fs.existsSync(path.join(t.app().dataDir, 'open'))).toBe(false);
    // An ordinary document still opens.
    const letter = await fileOnNewPerson('Dilekçe.txt', Buffer.from('Sayın Müdürlüğe'));
    await t.call('documents.openExternal', { id: letter.id });
    expect(opened).toHaveLength(1);
  });

  it('makes names safe: no folders, no reserved names, no characters Windows refuses', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFileName('..\\..\\boot.ini')).toBe('.._.._boot.ini');
    expect(safeFileName('..')).toBe('belge');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('a<b>c?.pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName('rapor. ')).toBe('rapor');
    expect(safeFileName('')).toBe('belge');
  });
});

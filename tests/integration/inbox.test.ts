import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import {
  FolderScanner,
  folderScannerFor,
  STABLE_MS,
  type ScannerOptions,
} from '../../src-main/jobs/folder-watch/folder-scanner';
import { hashRegularFile } from '../../src-main/jobs/folder-watch/hash-regular-file';
import { startFolderWatch } from '../../src-main/jobs/folder-watch/folder-watch-job';
import { hashFile } from '../../src-main/services/documents/blob-store';
import type { ContractEvent } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { tcknFrom, vknFrom } from './identifier-fixtures';
import { useTestApp } from './test-app';

const t = useTestApp();
let folder = '';

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-inbox-'));
});
afterEach(() => {
  fs.chmodSync(folder, 0o755);
  fs.rmSync(folder, { recursive: true, force: true });
});

const db = () => t.app().ctx.db.$client;
const count = (table: string) => (db().prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
// Most tests need not wait the real STABLE_MS between two looks; the tests of that rule set their own.
const scanner = (options: ScannerOptions = {}) => new FolderScanner(t.app().ctx, { stableMs: 0, ...options });
const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(folder, name), content);

/** Two looks: the first sees the file, the second finds it unchanged and takes it. */
async function scanTwice(s = scanner()) {
  const first = await s.scan();
  const second = await s.scan();
  return first.added + second.added;
}

async function watch(dir = folder) {
  return t.call('inbox.folders.add', { path: dir, label: 'Tarayıcı' });
}

/** What the extraction job leaves behind for a document (the contract between the two: blob_texts + status). */
function extracted(documentId: string, text: string) {
  const { sha256 } = db().prepare('select sha256 from documents where id = ?').get(documentId) as { sha256: string };
  db()
    .prepare(
      `insert into blob_texts (sha256, status, text, page_count, extractor, extracted_at)
       values (?, 'done', ?, 1, 'text', '2026-03-02T09:00:00.000Z')`,
    )
    .run(sha256, text);
  db().prepare(`update documents set text_status = 'done' where id = ?`).run(documentId);
}

describe('inbox: files from watched folders', () => {
  it('takes a file only once it holds still, and only once', async () => {
    await watch();
    const s = scanner();
    write('tarama-001.pdf', '%PDF-1.4 ilk sayfa');
    expect(await s.scan()).toEqual({ added: 0, unsettled: 1 });
    // The scanner is still writing: it grew since the last look.
    fs.appendFileSync(path.join(folder, 'tarama-001.pdf'), ' ikinci sayfa %%EOF');
    expect(await s.scan()).toEqual({ added: 0, unsettled: 1 });
    expect((await t.call('inbox.list', {})).items).toEqual([]);

    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));
    expect(await s.scan()).toEqual({ added: 1, unsettled: 0 });
    expect(events).toEqual([{ name: 'inbox.changed', payload: { waiting: 1 } }]);

    const [item, ...rest] = (await t.call('inbox.list', {})).items;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      document: { name: 'tarama-001.pdf', mimeType: 'application/pdf', size: 37, textStatus: 'pending' },
      folder: { label: 'Tarayıcı' },
      filePath: path.join(fs.realpathSync(folder), 'tarama-001.pdf'),
      suggestion: null,
    });
    const doc = await t.call('documents.get', { id: item!.document.id });
    expect(doc).toMatchObject({ source: 'folder', cards: [], deleted: false });
    expect(await t.call('inbox.count', {})).toEqual({ waiting: 1 });

    // Looked at again, and after a restart (a new scanner with no memory): never a second time.
    expect(await s.scan()).toEqual({ added: 0, unsettled: 0 });
    expect(await scanTwice()).toBe(0);
    // A copy of the same bytes under another name is the same document waiting already.
    fs.copyFileSync(path.join(folder, 'tarama-001.pdf'), path.join(folder, 'kopya.pdf'));
    expect(await scanTwice()).toBe(0);
    expect(count('documents')).toBe(1);
    expect(count('inbox_items')).toBe(1);
  });

  it('never takes hidden, temporary or lock files, empty files or anything in sub-folders', async () => {
    await watch();
    for (const name of ['.DS_Store', '~$Teklif.docx', 'indir.crdownload', 'yarim.part', 'kayit.TMP', 'Thumbs.db']) {
      write(name, `içerik ${name}`);
    }
    write('bos.pdf', '');
    fs.mkdirSync(path.join(folder, '2025'));
    fs.writeFileSync(path.join(folder, '2025', 'eski.pdf'), 'eski tarama');
    expect(await scanTwice()).toBe(0);
    write('gercek.pdf', 'gerçek bir tarama');
    expect(await scanTwice()).toBe(1);
    expect((await t.call('inbox.list', {})).items.map((i) => i.document.name)).toEqual(['gercek.pdf']);
  });

  it('files a document on the chosen card and then removes the original from the folder', async () => {
    await watch();
    const card = await t.call('cards.createPerson', { firstName: 'Gülşen', lastName: 'Aydın' });
    write('kimlik.pdf', 'kimlik fotokopisi');
    await scanTwice();
    const [item] = (await t.call('inbox.list', {})).items;
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const filed = await t.call('inbox.file', { itemId: item!.id, cardId: card.id });
    expect(filed).toEqual({
      documentId: item!.document.id,
      card: { id: card.id, type: 'person', displayName: 'Gülşen Aydın' },
      fileRemoved: true,
      fileProblem: null,
    });
    expect(fs.existsSync(path.join(folder, 'kimlik.pdf'))).toBe(false);
    expect(events.map((e) => e.name)).toEqual(['cards.changed', 'inbox.changed']);
    expect((await t.call('documents.forCard', { cardId: card.id })).documents.map((d) => d.name)).toEqual([
      'kimlik.pdf',
    ]);
    const history = await t.call('audit.list', { entityId: card.id });
    expect(history.entries[0]).toMatchObject({ action: 'document_add', after: { name: 'kimlik.pdf' } });
    expect((await t.call('inbox.list', {})).items).toEqual([]);
    expect((await t.callError('inbox.file', { itemId: item!.id, cardId: card.id })).code).toBe('CONFLICT');
    expect(await scanTwice()).toBe(0);
  });

  it('keeps the filing when the original cannot be removed, and says why', async () => {
    await watch();
    const card = await t.call('cards.createInstitution', { title: 'Deniz Lojistik A.Ş.' });
    write('irsaliye.pdf', 'irsaliye');
    await scanTwice();
    const [item] = (await t.call('inbox.list', {})).items;
    // The scanner wrote the file again after it was taken: that version is not in the database, so it stays.
    write('irsaliye.pdf', 'irsaliye, ikinci tarama');

    const filed = await t.call('inbox.file', { itemId: item!.id, cardId: card.id });
    expect(filed.fileRemoved).toBe(false);
    // A code with its values: the screen words it in the user's language.
    expect(filed.fileProblem).toEqual({
      code: 'changed',
      path: path.join(fs.realpathSync(folder), 'irsaliye.pdf'),
      error: null,
      detail: null,
    });
    expect(fs.readFileSync(path.join(folder, 'irsaliye.pdf'), 'utf8')).toBe('irsaliye, ikinci tarama');
    expect((await t.call('documents.forCard', { cardId: card.id })).documents).toHaveLength(1);
  });

  it('discards a file: the document goes to the recycle bin and the file is never taken again', async () => {
    await watch();
    write('bos-sayfa.pdf', 'yanlışlıkla taranan boş sayfa');
    await scanTwice();
    const [item] = (await t.call('inbox.list', {})).items;
    const { mtimeMs } = fs.statSync(path.join(folder, 'bos-sayfa.pdf'));

    expect(await t.call('inbox.discard', { itemId: item!.id })).toEqual({
      documentId: item!.document.id,
      fileRemoved: true,
      fileProblem: null,
    });
    expect(await t.call('documents.get', { id: item!.document.id })).toMatchObject({ deleted: true });
    expect((await t.call('inbox.list', {})).items).toEqual([]);
    expect(fs.existsSync(path.join(folder, 'bos-sayfa.pdf'))).toBe(false);

    // The same file put back as it was (as if removing it had failed): remembered, not taken again.
    write('bos-sayfa.pdf', 'yanlışlıkla taranan boş sayfa');
    // (Half a millisecond in: a Date would round the time just below the whole millisecond.)
    const seconds = (Math.floor(mtimeMs) + 0.5) / 1000;
    fs.utimesSync(path.join(folder, 'bos-sayfa.pdf'), seconds, seconds);
    expect(await scanTwice()).toBe(0);
    expect((await t.callError('inbox.discard', { itemId: item!.id })).code).toBe('CONFLICT');
  });

  it('leaves nothing behind when a file vanishes while it is being taken', async () => {
    await watch();
    write('gidici.pdf', 'birazdan silinecek');
    // Gone between the hash (outside the transaction) and the storing read inside it.
    const vanishing = scanner({
      hash: async (file: string) => {
        const blob = await hashFile(file);
        fs.unlinkSync(file);
        return blob;
      },
    });
    expect(await scanTwice(vanishing)).toBe(0);
    // Gone before it could even be hashed.
    write('gidici-2.pdf', 'o da gidecek');
    const early = scanner({
      hash: (file: string) => {
        fs.unlinkSync(file);
        return hashFile(file);
      },
    });
    expect(await scanTwice(early)).toBe(0);
    for (const table of ['blobs', 'blob_chunks', 'documents', 'document_versions', 'inbox_items']) {
      expect(count(table), table).toBe(0);
    }
  });

  it('inbox.scan looks into the folders now and waits for files seen for the first time', async () => {
    await watch();
    write('hemen.pdf', 'şimdi taranan');
    const started = performance.now();
    expect(await t.call('inbox.scan', {})).toEqual({ added: 1 });
    // Two looks at least STABLE_MS apart, however soon "scan now" is pressed.
    expect(performance.now() - started).toBeGreaterThanOrEqual(STABLE_MS - 50);
    expect(await t.call('inbox.scan', {})).toEqual({ added: 0 });
  });

  it('takes a file only after it held still for the whole wait, not for two looks a moment apart', async () => {
    await watch();
    const s = scanner({ stableMs: 1000 });
    write('yavas-kopya.pdf', 'ağ paylaşımından gelen ilk parça');
    expect(await s.scan()).toEqual({ added: 0, unsettled: 1 });
    // "Scan now" right after a poll: the same size and time, but only for milliseconds. A stalled copy looks so.
    expect(await s.scan()).toEqual({ added: 0, unsettled: 1 });
    expect(count('inbox_items')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await s.scan()).toEqual({ added: 1, unsettled: 0 });

    // scanNow waits out what is left of the wait (not a fixed time), then takes the file.
    write('ikinci.pdf', 'ikinci tarama');
    await s.scan();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    expect(await s.scanNow()).toBe(1);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(300);
    // Less than a whole wait: not a fixed pause (with room for a busy machine).
    expect(waited).toBeLessThan(980);
  });

  it('never follows a link: a link to a private file outside the folder is not taken', async () => {
    await watch();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-private-'));
    try {
      const secret = path.join(outside, 'id_rsa');
      fs.writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
      fs.symlinkSync(secret, path.join(folder, 'tarama.pdf'));
      fs.symlinkSync(outside, path.join(folder, 'klasor-baglantisi'));
      expect(await scanTwice()).toBe(0);
      // Even asked to hash it directly, the link is refused rather than followed.
      await expect(hashRegularFile(path.join(folder, 'tarama.pdf'))).rejects.toMatchObject({ code: 'ELOOP' });

      // A real file swapped for a link after it was listed and hashed: checked again before storing.
      write('degisen.pdf', 'gerçek tarama');
      const swapping = scanner({
        hash: async (file: string) => {
          const blob = await hashRegularFile(file);
          fs.unlinkSync(file);
          fs.symlinkSync(secret, file);
          return blob;
        },
      });
      expect(await scanTwice(swapping)).toBe(0);
      for (const table of ['blobs', 'documents', 'inbox_items']) expect(count(table), table).toBe(0);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('tries an unreadable file once, then leaves it alone until it changes', async () => {
    await watch();
    const tried: string[] = [];
    const locked = scanner({
      hash: (file: string) => {
        tried.push(path.basename(file));
        return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
      },
    });
    write('kilitli.pdf', 'başka bir kullanıcının taraması');
    for (let i = 0; i < 5; i++) expect((await locked.scan()).added).toBe(0);
    expect(tried).toEqual(['kilitli.pdf']);
    // Written again (another size): a new file as far as the watch knows, so it is tried again.
    fs.appendFileSync(path.join(folder, 'kilitli.pdf'), ' ikinci sayfa');
    await scanTwice(locked);
    expect(tried).toEqual(['kilitli.pdf', 'kilitli.pdf']);
  });

  it('stops at once when the app closes: hashing is abandoned and nothing is written afterwards', async () => {
    await watch();
    write('buyuk.pdf', 'hashlenirken kapanan');
    let hashing: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (hashing = resolve));
    // Hashing that only ends when told to stop (a large file on a slow share).
    const slow = (_file: string, signal: AbortSignal) =>
      new Promise<never>((_resolve, reject) => {
        hashing();
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });
    // The scanner the polling job uses for this database.
    const stuck = folderScannerFor(t.app().ctx, { stableMs: 0, hash: slow });
    const job = startFolderWatch(t.app(), 10);
    await started;
    const stopping = performance.now();
    await job.stop();
    expect(performance.now() - stopping).toBeLessThan(900); // the job's own cap is 1 s: this proves the abort, not the cap
    for (const table of ['blobs', 'documents', 'inbox_items']) expect(count(table), table).toBe(0);

    // The real hash stops between chunks when aborted.
    const abort = new AbortController();
    abort.abort();
    await expect(hashRegularFile(path.join(folder, 'buyuk.pdf'), abort.signal)).rejects.toThrow();
    // Stopped for good: it looks at nothing any more, and a later "scan now" gets a fresh scanner.
    expect(await stuck.scan()).toEqual({ added: 0, unsettled: 0 });
    expect(folderScannerFor(t.app().ctx)).not.toBe(stuck);
  });
});

describe('inbox: the card a file points at', () => {
  async function takeText(name: string, text: string) {
    write(name, text);
    await scanTwice();
    const item = (await t.call('inbox.list', {})).items.find((i) => i.document.name === name)!;
    extracted(item.document.id, text);
    return item;
  }

  it('suggests the institution whose VKN, the person whose TCKN, the card whose e-mail is in the text', async () => {
    await watch();
    const vkn = vknFrom('123456789');
    const tckn = tcknFrom('384756210');
    const anadolu = await t.call('cards.createInstitution', { title: 'Anadolu Gıda A.Ş.', vkn });
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Kaya', tckn });
    const murat = await t.call('cards.createPerson', {
      firstName: 'Murat',
      lastName: 'Demir',
      emails: [{ kind: 'work', address: 'murat.demir@ornek.com.tr' }],
    });
    // A 10-digit number with a wrong check digit is no VKN, even when it is close to one.
    const wrong = `${vkn.slice(0, 9)}${(Number(vkn[9]) + 1) % 10}`;
    await takeText('fatura.txt', `FATURA\nSatıcı VKN: ${wrong}\nAlıcı Vergi No: ${vkn}\nToplam: 1.250,00 TL`);
    await takeText('dilekce.txt', `T.C. Kimlik No: ${tckn}\nDilekçe sahibi`);
    await takeText('yazi.txt', `İletişim: Murat.Demir@ornek.com.tr.`);

    const items = (await t.call('inbox.list', {})).items;
    const suggestionOf = (name: string) => items.find((i) => i.document.name === name)!.suggestion;
    expect(suggestionOf('fatura.txt')).toEqual({
      card: { id: anadolu.id, type: 'institution', displayName: 'Anadolu Gıda A.Ş.' },
      kind: 'vkn',
      value: vkn,
      reason: `VKN ${vkn} eşleşti`,
    });
    expect(suggestionOf('dilekce.txt')).toMatchObject({
      card: { id: ayse.id },
      kind: 'tckn',
      // Never the full number on screen or in the database's reason.
      value: `${tckn.slice(0, 3)}******${tckn.slice(-2)}`,
    });
    expect(suggestionOf('yazi.txt')).toMatchObject({
      card: { id: murat.id },
      kind: 'email',
      value: 'murat.demir@ornek.com.tr',
    });
  });

  it('suggests a card whose name is written in the text, folded and without the legal form', async () => {
    await watch();
    await t.call('cards.createInstitution', { title: 'Anadolu Gıda' });
    const longer = await t.call('cards.createInstitution', {
      title: 'Anadolu Gıda Dağıtım Sanayi ve Ticaret A.Ş.',
    });
    await t.call('cards.createPerson', { firstName: 'Ali', lastName: 'Anadolu' });
    await takeText('mektup.txt', 'Sayın yetkili,\nANADOLU GIDA DAĞITIM SAN. VE TİC. A.Ş. adına yazıyoruz.');
    await takeText('bos.txt', 'Bu metinde hiçbir kartın adı yok.');

    const items = (await t.call('inbox.list', {})).items;
    expect(items.find((i) => i.document.name === 'mektup.txt')!.suggestion).toMatchObject({
      card: { id: longer.id },
      kind: 'name',
      reason: '"Anadolu Gıda Dağıtım Sanayi ve Ticaret A.Ş." adı geçiyor',
    });
    expect(items.find((i) => i.document.name === 'bos.txt')!.suggestion).toBeNull();
    // Looked at once: the "nothing found" is stored, not recomputed on every list.
    expect(
      db().prepare(`select count(*) as n from inbox_items where suggestion_reason is null`).get() as { n: number },
    ).toEqual({ n: 0 });
  });

  it('finds the suggestion as soon as the extraction job says the text is there', async () => {
    await watch();
    const vkn = vknFrom('987654321');
    const firm = await t.call('cards.createInstitution', { title: 'Karadeniz Fındık Ltd. Şti.', vkn });
    write('makbuz.txt', `Makbuz — VKN ${vkn}`);
    // The job's scanner, without the real STABLE_MS between its two looks.
    folderScannerFor(t.app().ctx, { stableMs: 0 });
    const job = startFolderWatch(t.app(), 10);
    try {
      await expect.poll(async () => (await t.call('inbox.count', {})).waiting).toBe(1);
      const [item] = (await t.call('inbox.list', {})).items;
      expect(item!.suggestion).toBeNull();
      const changed = new Promise<ContractEvent>((resolve) =>
        t.app().ctx.events.subscribe((e) => {
          if (e.name === 'inbox.changed') resolve(e);
        }),
      );
      extracted(item!.document.id, `Makbuz — VKN ${vkn}`);
      t.app().ctx.events.emit('documents.textChanged', { documentIds: [item!.document.id], status: 'done' });
      await changed;
      expect(db().prepare('select suggested_card_id as id from inbox_items').get()).toEqual({ id: firm.id });
    } finally {
      await job.stop();
    }
  });
});

describe('inbox: watched folders', () => {
  it('refuses a folder that is missing, a file, relative or already watched, naming the path', async () => {
    const missing = path.join(folder, 'yok');
    expect(await t.callError('inbox.folders.add', { path: missing })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `"${missing}" klasörü bulunamadı.`,
    });
    write('dosya.pdf', 'x');
    expect((await t.callError('inbox.folders.add', { path: path.join(folder, 'dosya.pdf') })).message).toBe(
      `"${path.join(folder, 'dosya.pdf')}" bir klasör değil, bir dosya.`,
    );
    expect((await t.callError('inbox.folders.add', { path: 'Taranan' })).message).toMatch(
      /^"Taranan" tam bir klasör yolu değil/,
    );
    const added = await watch();
    expect(added).toMatchObject({ path: fs.realpathSync(folder), label: 'Tarayıcı', problem: null, waiting: 0 });
    expect(await t.callError('inbox.folders.add', { path: folder })).toMatchObject({
      code: 'CONFLICT',
      message: `"${fs.realpathSync(folder)}" klasörü zaten izleniyor.`,
    });
    // The same folder by another way to it (a link, a trailing separator) is the same folder.
    const link = `${folder}-baglanti`;
    fs.symlinkSync(folder, link);
    try {
      expect((await t.callError('inbox.folders.add', { path: `${link}${path.sep}` })).code).toBe('CONFLICT');
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('lets only admins add or remove folders', async () => {
    const staff = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const asStaff = contractCalls(() => ({
      ...t.app(),
      call: (method: string, input: unknown) => dispatch({ ...t.app().ctx, userId: staff.id }, method, input),
    }));
    expect(await asStaff.callError('inbox.folders.add', { path: folder })).toEqual({
      code: 'FORBIDDEN',
      message: 'İzlenen klasör eklemek için yönetici yetkisi gerekiyor; sizin rolünüz: Personel.',
    });
    const added = await watch();
    expect((await asStaff.callError('inbox.folders.remove', { id: added.id })).code).toBe('FORBIDDEN');
    // Everyone sees the folders and works the inbox.
    expect((await asStaff.call('inbox.folders.list', {})).folders).toHaveLength(1);
  });

  it('reports a folder that went away without stopping the others; removed folders keep their waiting files', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-inbox-'));
    try {
      const gone = await watch(other);
      const kept = await watch();
      write('kalan.pdf', 'kalan');
      fs.rmSync(other, { recursive: true });
      expect(await scanTwice()).toBe(1);
      const folders = (await t.call('inbox.folders.list', {})).folders;
      expect(folders.find((f) => f.id === gone.id)).toMatchObject({
        problem: { code: 'missing', error: null, detail: null },
      });
      expect(folders.find((f) => f.id === kept.id)).toMatchObject({ problem: null, waiting: 1 });

      // folders.list never looks at the folders itself (an offline share would freeze it): it tells the
      // watch's last look, and the watch tells the screens when a folder goes or comes back.
      fs.mkdirSync(other);
      expect((await t.call('inbox.folders.list', {})).folders.find((f) => f.id === gone.id)!.problem).not.toBeNull();
      const events: ContractEvent[] = [];
      t.app().ctx.events.subscribe((e) => events.push(e));
      await scanner().scan();
      expect((await t.call('inbox.folders.list', {})).folders.find((f) => f.id === gone.id)!.problem).toBeNull();
      expect(events).toEqual([{ name: 'inbox.changed', payload: { waiting: 1 } }]);
      fs.rmSync(other, { recursive: true });

      await t.call('inbox.folders.remove', { id: kept.id });
      expect((await t.call('inbox.folders.list', {})).folders.map((f) => f.id)).toEqual([gone.id]);
      expect((await t.call('inbox.list', {})).items).toHaveLength(1);
      write('sonra.pdf', 'izleme bitti');
      expect(await scanTwice()).toBe(0);
      // Watched again: the same row, and what was taken before is still remembered.
      expect((await watch()).id).toBe(kept.id);
      expect(await scanTwice()).toBe(1);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

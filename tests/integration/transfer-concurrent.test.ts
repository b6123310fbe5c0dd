/**
 * Another window changing cards while an import checks its rows or an export
 * writes its file: the transfer must not link to, update or export a card that
 * went to the recycle bin or was merged meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { EventPayload } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { csvText, download, upload } from '../fixtures/transfer/transfer-kit';

let dir: string;
let app: KartotekApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-transfer-'));
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  app = openApp({ dataDir: dir, now: () => new Date((clock += 1000)) });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call } = contractCalls(() => app);
const rows = <T>(sql: string, ...params: unknown[]) => app.ctx.db.$client.prepare(sql).all(...params) as T[];

/** Runs `change` (another window's call) the first time the job reports the phase, before the job goes on. */
function whenPhase(phase: EventPayload<'transfer.progress'>['phase'], change: () => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = app.ctx.events.subscribe((e) => {
      if (e.name !== 'transfer.progress' || (e.payload as EventPayload<'transfer.progress'>).phase !== phase) return;
      stop();
      change().then(() => resolve(), reject);
    });
  });
}

/** 300 people of one firm: enough rows for checking to pause at least once. */
const FIRM_FILE = csvText([
  ['Ad', 'Soyad', 'Şirket'],
  ...Array.from({ length: 300 }, (_, i) => [`Kişi${i}`, 'Deneme', 'Çağrı Yazılım A.Ş.']),
]);

/** Where the import's people are linked: the institutions' titles and whether each is live. */
const linkedTo = () =>
  rows<{ title: string; deleted: number; n: number }>(
    `select c.display_name as title, c.deleted_at is not null as deleted, count(*) as n
       from affiliations a join cards c on c.id = a.institution_id group by c.id`,
  );

describe('transfer: an institution binned or merged while an import checks its rows', () => {
  it('links the people to a new live institution when theirs went to the recycle bin', async () => {
    const firm = await call('cards.createInstitution', { title: 'Çağrı Yazılım A.Ş.' });
    const uploadId = await upload(() => app, 'firma.csv', Buffer.from(FIRM_FILE));
    const mapping = ['firstName', 'lastName', 'affiliation.1.institution'];
    const binned = whenPhase('validating', () => call('cards.delete', { id: firm.id }));
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    await binned;
    expect(report).toMatchObject({ committed: true, created: 300, institutionsCreated: 1 });
    expect(linkedTo()).toEqual([{ title: 'Çağrı Yazılım A.Ş.', deleted: 0, n: 300 }]);
    expect(rows('select id from cards where type = ? and deleted_at is null', 'institution')).not.toContainEqual({
      id: firm.id,
    });
  });

  it('links the people to the institution theirs was merged into', async () => {
    const firm = await call('cards.createInstitution', { title: 'Çağrı Yazılım A.Ş.' });
    const survivor = await call('cards.createInstitution', { title: 'Çağrı Yazılım' });
    const uploadId = await upload(() => app, 'firma.csv', Buffer.from(FIRM_FILE));
    const mapping = ['firstName', 'lastName', 'affiliation.1.institution'];
    const merged = whenPhase('validating', () =>
      call('duplicates.merge', { survivorId: survivor.id, loserId: firm.id }),
    );
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    await merged;
    expect(report).toMatchObject({ committed: true, created: 300, institutionsCreated: 0 });
    expect(linkedTo()).toEqual([{ title: 'Çağrı Yazılım', deleted: 0, n: 300 }]);
  });

  it('reports the rows whose matching card went to the recycle bin instead of updating or skipping for it', async () => {
    const people: { id: string }[] = [];
    for (const name of ['Ayşe', 'Fatma']) {
      people.push(
        await call('cards.createPerson', {
          firstName: name,
          lastName: 'Işık',
          emails: [{ kind: 'work', address: `${name === 'Ayşe' ? 'ayse' : 'fatma'}@example.com` }],
        }),
      );
    }
    const file = csvText([
      ['Ad', 'Soyad', 'E-posta', 'Kaynak'],
      ['Ayşe', 'Işık', 'ayse@example.com', 'Fuar'],
      ['Fatma', 'Işık', 'fatma@example.com', 'Fuar'],
      ...Array.from({ length: 300 }, (_, i) => [`Kişi${i}`, 'Deneme', `kisi${i}@example.com`, '']),
    ]);
    const mapping = ['firstName', 'lastName', 'email.work', 'source'];
    // The second pass (skip) finds the first pass's people too: they are skipped as well.
    for (const onDuplicate of ['update', 'skip'] as const) {
      const uploadId = await upload(() => app, 'd.csv', Buffer.from(file));
      const binned = whenPhase('validating', () => call('cards.delete', { id: people[0]!.id }));
      const report = await call('transfer.import', {
        uploadId,
        cardType: 'person',
        mapping,
        onDuplicate,
        validRowsOnly: true,
      });
      await binned;
      expect(report.errors).toEqual([
        {
          row: 2,
          column: '',
          message:
            'Eşleşen kart (Ayşe Işık) içe aktarma sürerken çöp kutusuna taşındı ya da birleştirildi; dosyayı yeniden içe aktarın.',
        },
      ]);
      expect(report).toMatchObject({ committed: true, created: onDuplicate === 'update' ? 300 : 0, errorRows: 1 });
      expect(report[onDuplicate === 'update' ? 'updated' : 'skipped']).toBe(onDuplicate === 'update' ? 1 : 301);
      // The binned card stays as it was in the bin.
      expect(rows('select source from persons where card_id = ?', people[0]!.id)).toEqual([{ source: null }]);
      await call('cards.restore', { id: people[0]!.id });
    }
  });
});

describe('transfer: criteria fields changed while an import checks its rows', () => {
  it('leaves out a field deleted meanwhile, and refuses a value a changed field no longer takes', async () => {
    const category = await call('criteria.saveCategory', { cardType: 'person', name: 'Kıyafet' });
    const size = await call('criteria.saveField', {
      categoryId: category.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['S', 'M', 'L'],
    });
    const file = (first: number) =>
      csvText([
        ['Ad', 'Soyad', 'Kıyafet › Beden'],
        ...Array.from({ length: 300 }, (_, i) => [`Kişi${first + i}`, 'Deneme', 'M']),
      ]);
    const values = () => rows('select id from criteria_values').length;

    let uploadId = await upload(() => app, 'a.csv', Buffer.from(file(0)));
    let mapping = (await call('transfer.inspect', { uploadId, cardType: 'person' })).mapping;
    const narrowed = whenPhase('validating', () =>
      call('criteria.saveField', {
        id: size.id,
        categoryId: category.id,
        name: 'Beden',
        kind: 'one_of',
        options: ['S', 'L'],
      }),
    );
    const refused = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    await narrowed;
    expect(refused).toMatchObject({ committed: false, created: 0, errorRows: 1 });
    expect(refused.errors[0]!.message).toBe(
      '"Kıyafet › Beden" değeri artık geçersiz: "M" seçeneklerden biri değil ("S", "L").',
    );
    expect(rows('select id from cards')).toEqual([]);

    await call('criteria.saveField', {
      id: size.id,
      categoryId: category.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['S', 'M', 'L'],
    });
    uploadId = await upload(() => app, 'b.csv', Buffer.from(file(300)));
    mapping = (await call('transfer.inspect', { uploadId, cardType: 'person' })).mapping;
    const deleted = whenPhase('validating', () => call('criteria.deleteField', { id: size.id }));
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    await deleted;
    expect(report).toMatchObject({ committed: true, created: 300 });
    expect(values()).toBe(0);
  });
});

describe('transfer: cards binned or merged while an export runs', () => {
  it('leaves them out of the file and the count', async () => {
    const people = csvText([
      ['Ad', 'Soyad'],
      ...Array.from({ length: 450 }, (_, i) => [`Kişi${String(i).padStart(3, '0')}`, 'Deneme']),
    ]);
    const uploadId = await upload(() => app, 'k.csv', Buffer.from(people));
    await call('transfer.import', { uploadId, cardType: 'person', mapping: ['firstName', 'lastName'] });
    const id = async (q: string) => (await call('cards.listPersons', { q })).rows[0]!.id;
    const [first, merged, binned] = [await id('kisi000'), await id('kisi448'), await id('kisi449')];
    for (const format of ['vcf', 'csv'] as const) {
      // The ids are chosen before the first progress event; the two cards come in the last slice read.
      const changed = whenPhase('exporting', async () => {
        await call('cards.delete', { id: binned });
        await call('duplicates.merge', { survivorId: first, loserId: merged });
      });
      const file = await call('transfer.export', { cardType: 'person', format, filter: {} });
      await changed;
      const text = (await download(() => app, file.downloadId)).toString('utf8');
      expect(file.rowCount).toBe(448);
      expect(text).toContain('Kişi447');
      expect(text).not.toContain('Kişi448');
      expect(text).not.toContain('Kişi449');
      await call('cards.restore', { id: binned });
      await call('duplicates.undoMerge', { id: (await call('duplicates.merges', {})).rows[0]!.id });
    }
  });
});

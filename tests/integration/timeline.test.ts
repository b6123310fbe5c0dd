import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { writeAudit } from '../../src-main/services/audit/audit-log';
import { timelineForCard } from '../../src-main/services/timeline/timeline';
import { TIMELINE_PROVIDERS, type TimelineProvider } from '../../src-main/services/timeline/providers';
import type { TimelineEntry } from '../../src-shared/contract/timeline';
import { contractCalls } from './contract-calls';

let dir: string;
let app: KartotekApp;
let clock: number;
/** While set, the clock stands still: many changes in one millisecond, as an import makes them. */
let frozen = false;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-timeline-'));
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  frozen = false;
  app = openApp({ dataDir: dir, now: () => new Date(frozen ? clock : (clock += 1000)) });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call, callError } = contractCalls(() => app);

const timeline = async (cardId: string) => (await call('timeline.forCard', { cardId, limit: 200 })).entries;
/** Every entry, page by page, following `next` as the "daha fazla" button does. */
async function allPages(cardId: string, limit: number): Promise<{ pages: number; entries: TimelineEntry[] }> {
  const entries: TimelineEntry[] = [];
  let before: { at: string; id: string } | undefined;
  let pages = 0;
  for (;;) {
    const page = await call('timeline.forCard', { cardId, limit, ...(before ? { before } : {}) });
    pages += 1;
    entries.push(...page.entries);
    if (!page.next) return { pages, entries };
    before = page.next;
  }
}

describe('the timeline of a card', () => {
  it('tells the story of a person newest first: created, which fields changed, by whom', async () => {
    const ayse = await call('cards.createPerson', {
      firstName: 'Ayşe',
      lastName: 'Kaya',
      phones: [{ kind: 'mobile', number: '0532 123 45 67' }],
    });
    // Same phone again, under a new row id and written as the form shows it: only the
    // surname and the e-mail changed.
    await call('cards.updatePerson', {
      id: ayse.id,
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      phones: [{ kind: 'mobile', number: '0532 1234567' }],
      emails: [{ address: 'ayse@firma.com.tr' }],
    });

    const entries = await timeline(ayse.id);
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ['changed', 'update'],
      ['created', 'create'],
    ]);
    expect(entries[0]!.fields).toEqual(['lastName', 'emails']);
    expect(entries[0]!.userName).toBe('Yönetici');
    expect(entries[0]!.at > entries[1]!.at).toBe(true);
    expect(entries[1]!.fields).toBeUndefined();
  });

  it('shows links and relations on both cards, naming the other card as it is called today', async () => {
    const firm = await call('cards.createInstitution', { title: 'Anadolu Lojistik A.Ş.' });
    const bank = await call('cards.createInstitution', { title: 'Ege Bankası' });
    const ali = await call('cards.createPerson', { firstName: 'Ali', lastName: 'Demir' });
    const link = await call('cards.link', {
      personId: ali.id,
      institutionId: firm.id,
      role: 'Satın Alma Müdürü',
      department: 'Satın Alma',
    });
    await call('cards.updateLink', { id: link.id, role: 'Genel Müdür', department: 'Satın Alma' });
    await call('cards.relate', { fromId: bank.id, toId: firm.id, kind: 'bank_of', note: 'Maaş hesapları' });
    await call('cards.updateInstitution', { id: firm.id, title: 'Anadolu Lojistik ve Ticaret A.Ş.' });
    await call('cards.unlink', { id: link.id });

    const forAli = await timeline(ali.id);
    expect(forAli.map((e) => e.action)).toEqual(['unlink', 'update_link', 'link', 'create']);
    const firmLink = { type: 'institution', id: firm.id, label: 'Anadolu Lojistik ve Ticaret A.Ş.' };
    expect(forAli[0]).toMatchObject({ kind: 'unlinked', link: firmLink, detail: 'Genel Müdür · Satın Alma' });
    expect(forAli[1]).toMatchObject({ kind: 'linked', fields: ['role'], detail: 'Genel Müdür · Satın Alma' });
    expect(forAli[2]).toMatchObject({ kind: 'linked', link: firmLink, detail: 'Satın Alma Müdürü · Satın Alma' });

    const forFirm = await timeline(firm.id);
    expect(forFirm.map((e) => e.action)).toEqual(['unlink', 'update', 'relate', 'update_link', 'link', 'create']);
    expect(forFirm[0]!.link).toEqual({ type: 'person', id: ali.id, label: 'Ali Demir' });
    expect(forFirm[1]!.fields).toEqual(['title']);
    expect(forFirm[2]).toMatchObject({
      kind: 'linked',
      link: { type: 'institution', id: bank.id, label: 'Ege Bankası' },
      detail: 'Maaş hesapları',
    });

    const forBank = await timeline(bank.id);
    expect(forBank[0]).toMatchObject({ action: 'relate', link: firmLink });
  });

  it('keeps the history of a deleted card, with the deletion and the restore', async () => {
    const firm = await call('cards.createInstitution', { title: 'Karadeniz Gıda Ltd. Şti.' });
    await call('cards.delete', { id: firm.id });
    expect((await timeline(firm.id)).map((e) => e.kind)).toEqual(['deleted', 'created']);
    await call('cards.restore', { id: firm.id });
    expect((await timeline(firm.id)).map((e) => e.kind)).toEqual(['restored', 'deleted', 'created']);
  });

  it('words the actions of later modules by their own name and shows what they touched', async () => {
    const ali = await call('cards.createPerson', { firstName: 'Ali', lastName: 'Demir' });
    const later = () => new Date((clock += 1000)).toISOString();
    const row = { userId: app.ctx.userId, entityType: 'person', entityId: ali.id };
    writeAudit(app.ctx.db, { ...row, at: later(), action: 'profile_add', after: { list: 'hobby', name: 'Satranç' } });
    writeAudit(app.ctx.db, { ...row, at: later(), action: 'set_tags', after: { tag: 'VIP' } });
    // An action no one has taught the timeline yet still shows, under its own name.
    writeAudit(app.ctx.db, { ...row, at: later(), action: 'archive' as 'note' });

    const entries = await timeline(ali.id);
    expect(entries.slice(0, 3).map((e) => [e.kind, e.title, e.detail])).toEqual([
      ['other', 'archive', undefined],
      ['criteria', 'set_tags', 'VIP'],
      ['profile', 'profile_add', 'Satranç'],
    ]);
  });

  it('pages back in time without skipping or repeating an entry, also inside one millisecond', async () => {
    const ali = await call('cards.createPerson', { firstName: 'Ali', lastName: 'Demir' });
    for (let i = 1; i <= 12; i++) await call('cards.appendNote', { id: ali.id, text: `Görüşme ${i}` });
    frozen = true;
    for (let i = 13; i <= 24; i++) await call('cards.appendNote', { id: ali.id, text: `Görüşme ${i}` });
    frozen = false;

    const whole = await timeline(ali.id);
    expect(whole).toHaveLength(25);
    const { pages, entries } = await allPages(ali.id, 7);
    expect(pages).toBe(4);
    expect(entries).toEqual(whole);
    expect(new Set(entries.map((e) => e.id)).size).toBe(25);
    expect(entries.at(-1)!.kind).toBe('created');
    // A page that ends exactly at the last entry says there is nothing more.
    const first = await call('timeline.forCard', { cardId: ali.id, limit: 25 });
    expect(first.next).toBeNull();
  });

  it('merges the entries of every provider by time', async () => {
    const ali = await call('cards.createPerson', { firstName: 'Ali', lastName: 'Demir' });
    await call('cards.appendNote', { id: ali.id, text: 'İlk görüşme' });
    const created = (await timeline(ali.id)).at(-1)!.at;
    // A second source (as the mail module will be): one mail before the note, one after it.
    const mails: TimelineEntry[] = [
      { id: 'mail:2', at: '2026-03-02T10:00:00.000Z', kind: 'mail', title: 'Teklif' },
      { id: 'mail:1', at: created, kind: 'mail', title: 'Tanışma' },
    ];
    const mailProvider: TimelineProvider = (_db, _cardId, before, limit) =>
      mails.filter((m) => !before || m.at < before.at || (m.at === before.at && m.id < before.id)).slice(0, limit);
    const providers = [...TIMELINE_PROVIDERS, mailProvider];

    const page = (before?: { at: string; id: string }) =>
      timelineForCard(app.ctx.db, { cardId: ali.id, limit: 2, before }, providers);
    const one = page();
    expect(one.entries.map((e) => e.title)).toEqual(['Teklif', 'note']);
    const two = page(one.next!);
    // The same moment as the card's creation: the entry ids decide, the same way on every page.
    expect(two.entries.map((e) => e.title)).toEqual(['Tanışma', 'create']);
    expect(two.next).toBeNull();
  });

  it('refuses unknown cards and bad paging with a reason', async () => {
    const missing = await callError('timeline.forCard', { cardId: '01900000-0000-7000-8000-000000000000', limit: 10 });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('Kart');
    const bad = await callError('timeline.forCard', { cardId: 'nope', limit: 0 });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['cardId', 'limit']);
  });
});

describe('"Not ekle" on a card', () => {
  it('appends a dated line signed by the user, finds the card by it and shows it in the timeline', async () => {
    const firm = await call('cards.createInstitution', { title: 'Çağrı Yazılım A.Ş.', notes: 'Eski müşteri.' });
    const done = await call('cards.appendNote', { id: firm.id, text: 'Teklif gönderildi, cuma aranacak.' });
    // 09:00:02 UTC is 12:00 in İstanbul.
    expect(done.notes).toBe('Eski müşteri.\n02.03.2026 12:00 · Yönetici: Teklif gönderildi, cuma aranacak.');
    const card = await call('cards.getInstitution', { id: firm.id });
    expect(card.notes).toBe(done.notes);
    expect(card.updatedAt).toBe(done.updatedAt);
    expect(card.updatedAt > card.createdAt).toBe(true);

    const [note] = await timeline(firm.id);
    expect(note).toMatchObject({ kind: 'note', action: 'note', detail: 'Teklif gönderildi, cuma aranacak.' });
    const { groups } = await call('search.query', { q: 'cuma aranacak', limit: 10 });
    expect(groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([firm.id]);

    // A form opened before the note can no longer overwrite it.
    const stale = await callError('cards.updateInstitution', {
      id: firm.id,
      title: 'Çağrı Yazılım A.Ş.',
      expectedUpdatedAt: card.createdAt,
    });
    expect(stale.code).toBe('CONFLICT');
  });

  it('starts the notes of a card that had none, and refuses a binned card, an empty text and overfull notes', async () => {
    const ali = await call('cards.createPerson', { firstName: 'Ali', lastName: 'Demir' });
    const first = await call('cards.appendNote', { id: ali.id, text: '  Fuarda tanıştık.  ' });
    expect(first.notes).toMatch(/^\d\d\.\d\d\.2026 \d\d:\d\d · Yönetici: Fuarda tanıştık\.$/);

    const empty = await callError('cards.appendNote', { id: ali.id, text: '   ' });
    expect(empty.fields).toEqual({ text: 'Not boş olamaz' });

    await call('cards.updatePerson', { id: ali.id, firstName: 'Ali', lastName: 'Demir', notes: 'x'.repeat(9_990) });
    const full = await callError('cards.appendNote', { id: ali.id, text: 'Bir not daha' });
    expect(full.code).toBe('INVALID_INPUT');
    expect(full.message).toContain('Ali Demir');
    expect((await call('cards.getPerson', { id: ali.id })).notes).toBe('x'.repeat(9_990));

    await call('cards.delete', { id: ali.id });
    const binned = await callError('cards.appendNote', { id: ali.id, text: 'Geç kalan not' });
    expect(binned.code).toBe('CONFLICT');
    expect((await timeline(ali.id)).filter((e) => e.kind === 'note')).toHaveLength(1);
  });
});

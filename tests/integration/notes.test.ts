import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import { drainTextExtraction } from '../../src-main/jobs/text-extraction/text-extraction-job';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { foldForSearch } from '../../src-shared/domain/turkish-text';
import { contractCalls } from './contract-calls';
import { useTestApp } from './test-app';

const t = useTestApp();

/** Before the test clock (2026-03-02): notes record meetings that already happened. */
const LAST_WEEK = '2026-02-23T14:30:00+03:00';

async function setup() {
  const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
  const firm = await t.call('cards.createInstitution', { title: 'Kuruçeşme Lojistik A.Ş.' });
  const colleague = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
  return { ayse, firm, colleague };
}

function note(input: Partial<CallInput<'notes.create'>> & { cardIds?: string[] }): CallInput<'notes.create'> {
  return { title: 'Yıllık sözleşme yenileme', happenedAt: LAST_WEEK, ...input };
}

async function search(q: string, types: ('note' | 'document')[] = ['note']) {
  const { groups } = await t.call('search.query', { q, types });
  return groups.flatMap((g) => g.hits);
}

const timelineOf = async (cardId: string) => (await t.call('timeline.forCard', { cardId })).entries;

function asUser(userId: string) {
  return contractCalls(() => ({
    ...t.app(),
    call: (method: string, input: unknown) => dispatch({ ...t.app().ctx, userId }, method, input),
  }));
}

async function upload(fileName: string, text: string): Promise<string> {
  const data = Buffer.from(text).toString('base64');
  return (await t.call('transfer.upload', { fileName, offset: 0, data })).uploadId;
}

describe('meeting notes', () => {
  it('writes a note on a person and an institution with a colleague: on both timelines, found by search, audited', async () => {
    const { ayse, firm, colleague } = await setup();
    const { reasons } = await t.call('notes.reasons', {});
    const sales = reasons.find((r) => r.name === 'Satış görüşmesi')!;
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const created = await t.call(
      'notes.create',
      note({
        reasonId: sales.id,
        channel: 'visit_theirs',
        durationMinutes: 45,
        bodyHtml: '<p>Depo kirası için <strong>yeni fiyat</strong> istendi.</p><ul><li>Teklif cuma</li></ul>',
        cardIds: [ayse.id, firm.id],
        staffIds: [colleague.id],
      }),
    );
    expect(created).toMatchObject({
      kind: 'meeting',
      title: 'Yıllık sözleşme yenileme',
      happenedAt: '2026-02-23T11:30:00.000Z',
      durationMinutes: 45,
      reason: { id: sales.id, name: 'Satış görüşmesi' },
      channel: 'visit_theirs',
      bodyText: 'Depo kirası için yeni fiyat istendi.\n• Teklif cuma',
      cards: expect.arrayContaining([
        { id: ayse.id, type: 'person', displayName: 'Ayşe Yılmaz' },
        { id: firm.id, type: 'institution', displayName: 'Kuruçeşme Lojistik A.Ş.' },
      ]),
      staff: [{ id: colleague.id, name: 'Murat Demirtaş' }],
      complaintStatus: null,
      deleted: false,
    });
    expect(created.createdBy?.id).toBe(t.app().ctx.userId);

    for (const card of [ayse, firm]) {
      // Only the note itself: its audit row stays in the history tab, not a second entry.
      expect((await timelineOf(card.id)).filter((e) => e.kind === 'note')).toHaveLength(1);
      const entry = (await timelineOf(card.id)).find((e) => e.id === `note:${created.id}`);
      expect(entry).toMatchObject({
        kind: 'note',
        at: '2026-02-23T11:30:00.000Z',
        title: 'Yıllık sözleşme yenileme',
        detail: 'Depo kirası için yeni fiyat istendi. • Teklif cuma',
      });
      const { entries: history } = await t.call('audit.list', { entityId: card.id });
      expect(history[0]).toMatchObject({
        action: 'note_add',
        after: { noteId: created.id, title: 'Yıllık sözleşme yenileme', reason: 'Satış görüşmesi' },
      });
      expect(events).toContainEqual({
        name: 'cards.changed',
        payload: { id: card.id, type: card.type, action: 'updated' },
      });
    }
    expect(events).toContainEqual({
      name: 'notes.changed',
      payload: { id: created.id, cardIds: expect.arrayContaining([ayse.id, firm.id]), action: 'saved' },
    });

    // By its text, its reason, a card's name and the colleague's name, Turkish letters folded.
    for (const q of ['depo kirasi', 'satis gorusmesi', 'kurucesme teklif', 'demirtas yillik']) {
      const hits = await search(q);
      expect(hits.map((h) => h.id)).toEqual([created.id]);
    }
    expect((await search('depo'))[0]).toMatchObject({
      type: 'note',
      title: 'Yıllık sözleşme yenileme',
      cards: expect.arrayContaining([expect.objectContaining({ id: ayse.id })]),
    });

    const { notes, total } = await t.call('notes.list', { cardId: firm.id });
    expect(total).toBe(1);
    expect(notes[0]).toMatchObject({ id: created.id, excerpt: 'Depo kirası için yeni fiyat istendi. • Teklif cuma' });
  });

  it('stays findable under new names: a renamed firm and a renamed reason reach the note in search', async () => {
    const { firm } = await setup();
    const { reasons } = await t.call('notes.reasons', {});
    const reason = reasons.find((r) => r.name === 'Tahsilat')!;
    const saved = await t.call('notes.create', note({ cardIds: [firm.id], reasonId: reason.id }));

    await t.call('cards.updateInstitution', { id: firm.id, title: 'Boğaziçi Depoculuk A.Ş.' });
    await t.call('notes.saveReason', { id: reason.id, name: 'Alacak takibi' });

    expect((await search('bogazici')).map((h) => h.id)).toEqual([saved.id]);
    expect((await search('alacak takibi')).map((h) => h.id)).toEqual([saved.id]);
    expect(await search('kurucesme')).toEqual([]);
  });

  it('refuses to overwrite a note that changed since the form opened', async () => {
    const { ayse } = await setup();
    const opened = await t.call('notes.create', note({ cardIds: [ayse.id] }));
    await t.call('notes.update', { ...note({ cardIds: [ayse.id], bodyHtml: '<p>İlk düzeltme</p>' }), id: opened.id });

    const error = await t.callError('notes.update', {
      ...note({ cardIds: [ayse.id], bodyHtml: '<p>Eski formdan</p>' }),
      id: opened.id,
      expectedUpdatedAt: opened.updatedAt,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('siz düzenlerken değiştirildi');
    expect((await t.call('notes.get', { id: opened.id })).bodyText).toBe('İlk düzeltme');
  });

  it('refuses a note with no card and no participant, and a meeting more than a day ahead', async () => {
    const { ayse, colleague } = await setup();
    expect(await t.callError('notes.create', note({}))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Not en az bir kişiye, kuruma ya da bizden bir katılımcıya bağlı olmalı.',
    });
    expect(
      await t.callError('notes.create', note({ cardIds: [ayse.id], happenedAt: '2026-03-10T10:00:00+03:00' })),
    ).toMatchObject({ code: 'INVALID_INPUT', message: 'Görüşme zamanı gelecekte olamaz.' });
    // A staff-only note (an internal meeting) is fine, and so is one from years ago.
    const internal = await t.call(
      'notes.create',
      note({ staffIds: [colleague.id], happenedAt: '2019-05-01T09:00:00Z' }),
    );
    expect(internal.cards).toEqual([]);

    await t.call('cards.delete', { id: ayse.id });
    expect(await t.callError('notes.create', note({ cardIds: [ayse.id] }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '"Ayşe Yılmaz" çöp kutusunda; önce kartı geri yükleyin.',
    });
    expect((await t.call('notes.list', {})).total).toBe(1);
  });

  it('keeps only harmless formatting from a hostile paste', async () => {
    const { ayse } = await setup();
    const saved = await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id],
        bodyHtml:
          '<p style="color:red" class="x" onclick="steal()" data-testid="card-title" aria-hidden="true">' +
          'Merhaba<script>alert(1)</script></p>' +
          '<img src="x" onerror="alert(2)"><iframe src="https://evil.example"></iframe><style>p{display:none}</style>' +
          '<p><a href="javascript:alert(3)">tıkla</a> <a href="https://ornek.com.tr" target="_self">site</a></p>' +
          '<div>Yapıştırılan satır</div><h1>Başlık</h1>',
      }),
    );
    expect(saved.bodyHtml).toBe(
      '<p>Merhaba</p><p><a>tıkla</a> ' +
        '<a href="https://ornek.com.tr" rel="noopener noreferrer" target="_blank">site</a></p>' +
        '<p>Yapıştırılan satır</p><h2>Başlık</h2>',
    );
    expect(saved.bodyText).toBe('Merhaba\ntıkla site\nYapıştırılan satır\nBaşlık');
    expect((await t.call('notes.get', { id: saved.id })).bodyHtml).toBe(saved.bodyHtml);
  });

  it('applies the complaint rules and drops complaint fields from meeting notes', async () => {
    const { ayse, colleague } = await setup();
    expect(await t.callError('notes.create', note({ kind: 'complaint', cardIds: [ayse.id] }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Şikayetin bir sorumlusu olmalı.',
    });
    const complaint = await t.call(
      'notes.create',
      note({ kind: 'complaint', title: 'Geciken teslimat', cardIds: [ayse.id], complaintResponsibleId: colleague.id }),
    );
    expect(complaint).toMatchObject({
      complaintStatus: 'open',
      complaintResponsible: { id: colleague.id, name: 'Murat Demirtaş' },
      complaintResolution: null,
    });

    const base = {
      id: complaint.id,
      kind: 'complaint' as const,
      title: 'Geciken teslimat',
      happenedAt: LAST_WEEK,
      cardIds: [ayse.id],
      complaintResponsibleId: colleague.id,
    };
    expect(await t.callError('notes.update', { ...base, complaintStatus: 'resolved' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Çözüm yazılmadan şikayet kapatılamaz.',
      fields: { complaintResolution: 'Çözüm yazılmadan şikayet kapatılamaz' },
    });
    expect((await t.call('notes.list', { complaintStatus: 'open' })).total).toBe(1);
    const resolved = await t.call('notes.update', {
      ...base,
      complaintStatus: 'resolved',
      complaintResolution: 'Kargo firması değiştirildi, indirim yapıldı.',
    });
    expect(resolved.complaintStatus).toBe('resolved');
    expect((await t.call('notes.list', { complaintStatus: 'open' })).total).toBe(0);
    expect((await t.call('notes.list', { kind: 'complaint', complaintStatus: 'resolved' })).notes[0]!.id).toBe(
      complaint.id,
    );
    expect((await search('kargo firmasi')).map((h) => h.id)).toEqual([complaint.id]);

    const meeting = await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id],
        complaintStatus: 'in_progress',
        complaintResponsibleId: colleague.id,
        complaintResolution: 'yok',
      }),
    );
    expect(meeting).toMatchObject({
      kind: 'meeting',
      complaintStatus: null,
      complaintResponsible: null,
      complaintResolution: null,
    });
    expect((await t.call('notes.list', { kind: 'meeting' })).notes.map((n) => n.id)).toEqual([meeting.id]);
  });

  it('lets only admins edit reasons, one per folded spelling; archived ones stay on their notes only', async () => {
    const { ayse, colleague } = await setup();
    const { reasons } = await t.call('notes.reasons', {});
    expect(reasons.map((r) => r.name)).toEqual([
      'Tanışma',
      'Satış görüşmesi',
      'Teklif',
      'Tahsilat',
      'Destek/Arıza',
      'Şikayet',
      'Ziyaret',
      'Diğer',
    ]);
    // The seeded folded names are what foldForSearch writes (the migration spells them by hand).
    const folded = t.app().ctx.db.$client.prepare('select name, folded_name as folded from note_reasons').all() as {
      name: string;
      folded: string;
    }[];
    for (const r of folded) expect(r.folded).toBe(foldForSearch(r.name));

    expect(await asUser(colleague.id).callError('notes.saveReason', { name: 'Eğitim' })).toEqual({
      code: 'FORBIDDEN',
      message: 'Görüşme nedenlerini değiştirmek için yönetici yetkisi gerekiyor; sizin rolünüz: Personel.',
    });
    expect(await t.callError('notes.saveReason', { name: 'TAHSİLAT' })).toEqual({
      code: 'CONFLICT',
      message: '"Tahsilat" adında bir görüşme nedeni zaten var.',
    });
    const training = await t.call('notes.saveReason', { name: 'Eğitim' });
    expect(training).toEqual({ id: training.id, name: 'Eğitim', archived: false, inUse: 0 });
    expect((await t.call('notes.saveReason', { id: training.id, name: 'Eğitim semineri' })).name).toBe(
      'Eğitim semineri',
    );

    const written = await t.call('notes.create', note({ cardIds: [ayse.id], reasonId: training.id }));
    expect(
      await asUser(colleague.id).callError('notes.archiveReason', { id: training.id, archived: true }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call('notes.archiveReason', { id: training.id, archived: true })).toEqual({
      id: training.id,
      name: 'Eğitim semineri',
      archived: true,
      inUse: 1,
    });
    expect(await t.callError('notes.create', note({ cardIds: [ayse.id], reasonId: training.id }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: '"Eğitim semineri" görüşme nedeni arşivlendi; başka bir neden seçin.',
    });
    const kept = await t.call('notes.update', {
      ...note({ cardIds: [ayse.id], reasonId: training.id }),
      id: written.id,
      title: 'Seminer',
    });
    expect(kept.reason).toEqual({ id: training.id, name: 'Eğitim semineri' });
  });

  it('moves a note to the recycle bin and back: it leaves and returns to search, lists and timelines', async () => {
    const { ayse, firm } = await setup();
    const written = await t.call(
      'notes.create',
      note({ cardIds: [ayse.id, firm.id], bodyHtml: '<p>Forklift arızası</p>' }),
    );
    const onTimeline = async () => (await timelineOf(ayse.id)).some((e) => e.id === `note:${written.id}`);

    const deleted = await t.call('notes.delete', { id: written.id });
    expect(deleted.deleted).toBe(true);
    expect(await search('forklift')).toEqual([]);
    expect(await onTimeline()).toBe(false);
    expect((await t.call('notes.list', { cardId: ayse.id })).total).toBe(0);
    expect((await timelineOf(firm.id))[0]).toMatchObject({
      kind: 'note',
      action: 'note_delete',
      detail: written.title,
    });
    expect(await t.callError('notes.update', { ...note({ cardIds: [ayse.id] }), id: written.id })).toMatchObject({
      code: 'INVALID_INPUT',
    });

    const restored = await t.call('notes.restore', { id: written.id });
    expect(restored.deleted).toBe(false);
    expect((await search('forklift')).map((h) => h.id)).toEqual([written.id]);
    expect(await onTimeline()).toBe(true);
    const { entries: history } = await t.call('audit.list', { entityId: ayse.id });
    expect(history.slice(0, 2).map((h) => h.action)).toEqual(['note_restore', 'note_delete']);
  });

  it('attaches a text file whose text becomes searchable; taking it off the only note bins it', async () => {
    const { ayse } = await setup();
    const written = await t.call('notes.create', note({ cardIds: [ayse.id] }));
    const uploadId = await upload('tutanak.txt', 'Toplantı tutanağı: palet sayısı otuz iki, teslim Gebze deposuna.');

    const withFile = await t.call('notes.attachDocument', { noteId: written.id, uploadId });
    expect(withFile.documents).toEqual([
      expect.objectContaining({ name: 'tutanak.txt', mimeType: expect.stringMatching(/^text\/plain/) }),
    ]);
    const documentId = withFile.documents[0]!.id;
    expect(await t.call('documents.get', { id: documentId })).toMatchObject({ source: 'picker', cards: [] });

    await drainTextExtraction(t.app());
    expect((await t.call('documents.text', { id: documentId })).pages).toEqual([
      'Toplantı tutanağı: palet sayısı otuz iki, teslim Gebze deposuna.',
    ]);
    expect((await search('gebze palet', ['document'])).map((h) => h.id)).toEqual([documentId]);

    // Filed on a card too and taken off it again: the note still holds it, so it stays live.
    await t.call('documents.attachExisting', { documentId, cardId: ayse.id });
    expect(await t.call('documents.detach', { documentId, cardId: ayse.id })).toEqual({ documentId, deleted: false });

    const without = await t.call('notes.detachDocument', { noteId: written.id, documentId });
    expect(without.documents).toEqual([]);
    expect((await t.call('documents.get', { id: documentId })).deleted).toBe(true);
    expect(await search('gebze palet', ['document'])).toEqual([]);
  });

  it('follows a merge of two persons: the note moves to the survivor', async () => {
    const { ayse } = await setup();
    const twin = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz', notes: 'ikinci kayıt' });
    const written = await t.call('notes.create', note({ cardIds: [twin.id], bodyHtml: '<p>Vade farkı</p>' }));

    await t.call('duplicates.merge', { survivorId: ayse.id, loserId: twin.id });

    expect((await t.call('notes.get', { id: written.id })).cards.map((c) => c.id)).toEqual([ayse.id]);
    expect((await t.call('notes.list', { cardId: ayse.id })).notes.map((n) => n.id)).toEqual([written.id]);
    expect((await timelineOf(ayse.id)).some((e) => e.id === `note:${written.id}`)).toBe(true);
  });
});

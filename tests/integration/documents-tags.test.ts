import { describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../src-shared/contract';
import { indexDocument } from '../../src-main/services/documents/document-index';
import { useTestApp } from './test-app';

const t = useTestApp();

async function fileOn(cardId: string, fileName: string, text = 'Bir belge') {
  const { uploadId } = await t.call('transfer.upload', {
    fileName,
    offset: 0,
    data: Buffer.from(`${text} ${fileName}\n`).toString('base64'),
  });
  return t.call('documents.attach', { uploadId, cardId, source: 'picker' });
}

const person = (firstName: string, lastName: string) => t.call('cards.createPerson', { firstName, lastName });

describe('document tags', () => {
  it('replaces the tags, keeps one spelling per Turkish-folded form and reuses the spelling in use', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const first = await fileOn(ayse.id, 'sozlesme.txt');
    const second = await fileOn(ayse.id, 'fatura.txt');

    const tagged = await t.call('documents.setTags', {
      id: first.id,
      tags: ['Sözleşme', 'İstanbul', '  Fuar   2026 '],
    });
    expect(tagged.tags).toEqual(['Fuar 2026', 'İstanbul', 'Sözleşme']);

    // Typed differently on another document: the spelling already in use wins; duplicates by fold go.
    const again = await t.call('documents.setTags', {
      id: second.id,
      tags: ['SOZLESME', 'istanbul', 'ISTANBUL', 'Çağrı'],
    });
    expect(again.tags).toEqual(['Çağrı', 'İstanbul', 'Sözleşme']);

    const { tags } = await t.call('documents.tags', {});
    expect(tags).toEqual([
      { tag: 'Çağrı', count: 1 },
      { tag: 'Fuar 2026', count: 1 },
      { tag: 'İstanbul', count: 2 },
      { tag: 'Sözleşme', count: 2 },
    ]);

    // Replacing, not adding: what is left out is gone.
    const fewer = await t.call('documents.setTags', { id: first.id, tags: ['Fuar 2026'] });
    expect(fewer.tags).toEqual(['Fuar 2026']);
    const listed = await t.call('documents.forCard', { cardId: ayse.id });
    expect(listed.documents.find((d) => d.id === first.id)?.tags).toEqual(['Fuar 2026']);
  });

  it('takes a corrected spelling on the only document using the tag, and keeps the shared one elsewhere', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const first = await fileOn(ayse.id, 'fatura-1.txt');
    const second = await fileOn(ayse.id, 'fatura-2.txt');
    await t.call('documents.setTags', { id: first.id, tags: ['fatura', 'onayli'] });

    // Nobody else uses these tags: the correction is the new spelling, not a way back to the old one.
    const corrected = await t.call('documents.setTags', { id: first.id, tags: ['Fatura', 'Onaylı'] });
    expect(corrected.tags).toEqual(['Fatura', 'Onaylı']);
    expect((await t.call('documents.tags', {})).tags).toEqual([
      { tag: 'Fatura', count: 1 },
      { tag: 'Onaylı', count: 1 },
    ]);

    // Once another document uses it, that spelling is the tag's: retyping it differently joins it.
    await t.call('documents.setTags', { id: second.id, tags: ['FATURA'] });
    expect((await t.call('documents.get', { id: second.id })).tags).toEqual(['Fatura']);
    const rejoined = await t.call('documents.setTags', { id: first.id, tags: ['fatura', 'Onaylı'] });
    expect(rejoined.tags).toEqual(['Fatura', 'Onaylı']);
  });

  it('writes the change to the history of every card the document is on and tells their screens', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const firm = await t.call('cards.createInstitution', { title: 'Çınar Lojistik' });
    const doc = await fileOn(ayse.id, 'teklif.txt');
    await t.call('documents.attachExisting', { documentId: doc.id, cardId: firm.id });
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    await t.call('documents.setTags', { id: doc.id, tags: ['Teklif'] });
    await t.call('documents.setTags', { id: doc.id, tags: ['Teklif', 'Onaylı'] });

    for (const card of [ayse, firm]) {
      const { entries } = await t.call('audit.list', { entityId: card.id, limit: 10 });
      const tagRows = entries.filter((e) => e.action === 'document_tags');
      expect(tagRows).toHaveLength(2);
      expect(tagRows[0]).toMatchObject({
        before: { documentId: doc.id, name: 'teklif.txt', tags: ['Teklif'] },
        after: { documentId: doc.id, name: 'teklif.txt', tags: ['Onaylı', 'Teklif'] },
      });
    }
    const changed = events.filter((e) => e.name === 'cards.changed').map((e) => (e.payload as { id: string }).id);
    expect(new Set(changed)).toEqual(new Set([ayse.id, firm.id]));

    // The same tags again, in another order, change nothing: no history row, no event.
    events.length = 0;
    await t.call('documents.setTags', { id: doc.id, tags: ['Teklif', ' Onaylı '] });
    const { entries } = await t.call('audit.list', { entityId: ayse.id, limit: 10 });
    expect(entries.filter((e) => e.action === 'document_tags')).toHaveLength(2);
    expect(events).toHaveLength(0);
  });

  it('makes a document findable by its tag, folded, and no longer by a tag taken off', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const doc = await fileOn(ayse.id, 'tarama-0042.txt', 'içinde geçmeyen');
    const find = async (q: string) => {
      // Read loosely: the answer's shape (a flat list or groups by type) is the search slice's business.
      const result = await t.app().call('search.query', { q, types: ['document'] });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const value = result.value as { hits?: { id: string }[]; groups?: { hits: { id: string }[] }[] };
      return (value.groups?.flatMap((g) => g.hits) ?? value.hits ?? []).map((h) => h.id);
    };

    await t.call('documents.setTags', { id: doc.id, tags: ['Kira Sözleşmesi'] });
    expect(await find('kira sozlesmesi')).toEqual([doc.id]);
    expect(await find('SÖZLEŞ')).toEqual([doc.id]);

    await t.call('documents.setTags', { id: doc.id, tags: ['Tapu'] });
    expect(await find('sozlesme')).toEqual([]);
    expect(await find('tapu')).toEqual([doc.id]);

    // Rebuilding the row from what the database holds gives the same answer (the tags are stored, not only indexed).
    indexDocument(t.app().ctx.db, doc.id);
    expect(await find('tapu')).toEqual([doc.id]);
  });

  it('refuses a blank or too long tag with a clear message and changes nothing', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const doc = await fileOn(ayse.id, 'not.txt');
    await t.call('documents.setTags', { id: doc.id, tags: ['Eski'] });

    const blank = await t.callError('documents.setTags', { id: doc.id, tags: ['Yeni', '   '] });
    expect(blank.code).toBe('INVALID_INPUT');
    expect(blank.message).toContain('Etiket boş olamaz');

    const long = 'Ç'.repeat(61);
    const tooLong = await t.callError('documents.setTags', { id: doc.id, tags: [long] });
    expect(tooLong.code).toBe('INVALID_INPUT');
    expect(tooLong.message).toContain('Etiket en fazla 60 karakter olabilir');

    const tooMany = await t.callError('documents.setTags', {
      id: doc.id,
      tags: Array.from({ length: 51 }, (_, i) => `Etiket ${i}`),
    });
    expect(tooMany.message).toContain('en fazla 50 etiket');

    expect((await t.call('documents.get', { id: doc.id })).tags).toEqual(['Eski']);
  });

  it('refuses tags on a document in the recycle bin', async () => {
    const ayse = await person('Ayşe', 'Yılmaz');
    const doc = await fileOn(ayse.id, 'eski.txt');
    await t.call('documents.detach', { documentId: doc.id, cardId: ayse.id });
    const error = await t.callError('documents.setTags', { id: doc.id, tags: ['Arşiv'] });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('"eski.txt"');
    expect((await t.call('documents.tags', {})).tags).toEqual([]);
  });
});

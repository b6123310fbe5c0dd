import { describe, expect, it } from 'vitest';
import { criteriaTestApp } from './criteria-helpers';

const { call, callError, as, rows } = criteriaTestApp();

const category = (name: string, extra: { position?: number; cardType?: 'person' | 'institution' } = {}) =>
  call('criteria.saveCategory', { cardType: 'person', name, ...extra });
const names = async (cardType: 'person' | 'institution' = 'person') =>
  (await call('criteria.listDefinitions', { cardType })).categories.map((c) => [c.name, c.fields.map((f) => f.name)]);

describe('criteria definitions', () => {
  it('creates, renames, reorders and deletes categories and fields, each change in the audit log', async () => {
    const clothes = await category('Kıyafet');
    const interests = await category('İlgi');
    await category('Satış', { cardType: 'institution' });
    const size = await call('criteria.saveField', {
      categoryId: clothes.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['S', 'M', 'L', 'XL'],
    });
    expect(size).toMatchObject({ name: 'Beden', kind: 'one_of', options: ['S', 'M', 'L', 'XL'], position: 0 });
    const shoe = await call('criteria.saveField', { categoryId: clothes.id, name: 'Ayakkabı', kind: 'number' });
    // Options of a kind that has none are not kept.
    const note = await call('criteria.saveField', {
      categoryId: clothes.id,
      name: 'Not',
      kind: 'text',
      options: ['stray'],
    });
    expect(note.options).toEqual([]);
    expect(await names()).toEqual([
      ['Kıyafet', ['Beden', 'Ayakkabı', 'Not']],
      ['İlgi', []],
    ]);
    expect(await names('institution')).toEqual([['Satış', []]]);

    // Move "İlgi" first, "Not" to the top of its category, rename "Ayakkabı".
    await call('criteria.saveCategory', { id: interests.id, cardType: 'person', name: 'İlgi alanları', position: 0 });
    await call('criteria.saveField', { id: note.id, categoryId: clothes.id, name: 'Not', kind: 'text', position: 0 });
    await call('criteria.saveField', { id: shoe.id, categoryId: clothes.id, name: 'Ayakkabı no', kind: 'number' });
    const defs = await call('criteria.listDefinitions', { cardType: 'person' });
    expect(defs.categories.map((c) => [c.name, c.position, c.fields.map((f) => [f.name, f.position])])).toEqual([
      ['İlgi alanları', 0, []],
      [
        'Kıyafet',
        1,
        [
          ['Not', 0],
          ['Beden', 1],
          ['Ayakkabı no', 2],
        ],
      ],
    ]);

    // A field may move to another category of the same card type.
    await call('criteria.saveField', { id: shoe.id, categoryId: interests.id, name: 'Ayakkabı no', kind: 'number' });
    expect(await names()).toEqual([
      ['İlgi alanları', ['Ayakkabı no']],
      ['Kıyafet', ['Not', 'Beden']],
    ]);

    await call('criteria.deleteField', { id: note.id });
    expect(await names()).toEqual([
      ['İlgi alanları', ['Ayakkabı no']],
      ['Kıyafet', ['Beden']],
    ]);
    expect((await call('criteria.listDefinitions', { cardType: 'person' })).categories[1]!.fields[0]!.position).toBe(0);
    await call('criteria.deleteCategory', { id: clothes.id });
    expect(await names()).toEqual([['İlgi alanları', ['Ayakkabı no']]]);
    // Soft deletes: the rows stay as tombstones.
    expect(rows('select count(*) as n from criteria_fields where deleted_at is not null')).toEqual([{ n: 2 }]);

    const audit = rows<{ action: string; entity_type: string }>(
      "select action, entity_type from audit_log where action = 'criteria_define'",
    );
    expect(audit).toHaveLength(12);
    expect(new Set(audit.map((a) => a.entity_type))).toEqual(new Set(['criteria_category', 'criteria_field']));
  });

  it('refuses clashing names, choice fields without options and repeated options', async () => {
    const c = await category('Kıyafet');
    expect(await callError('criteria.saveCategory', { cardType: 'person', name: 'KIYAFET' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '"Kıyafet" adında bir kategori zaten var.',
    });
    // The same name is fine for the other card type.
    await category('Kıyafet', { cardType: 'institution' });
    await call('criteria.saveField', { categoryId: c.id, name: 'Beden', kind: 'one_of', options: ['S', 'M'] });
    expect(await callError('criteria.saveField', { categoryId: c.id, name: 'beden', kind: 'text' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { name: 'Bu ad zaten kullanılıyor' },
    });
    expect(
      await callError('criteria.saveField', { categoryId: c.id, name: 'Renk', kind: 'many_of', options: [] }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { options: 'En az bir seçenek girin' } });
    expect(
      await callError('criteria.saveField', {
        categoryId: c.id,
        name: 'Renk',
        kind: 'many_of',
        options: ['Kırmızı', 'KIRMIZI'],
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '"KIRMIZI" seçeneği iki kez yazılmış.' });
    expect(
      await callError('criteria.saveField', { categoryId: c.id, name: 'Renk', kind: 'renkli', options: [] }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { kind: 'Alan türü seçilmeli' } });
    expect(await names()).toEqual([['Kıyafet', ['Beden']]]);
  });

  it('keeps the kind of a field that holds values and every option in use, naming how many cards use it', async () => {
    const c = await category('Kıyafet');
    const size = await call('criteria.saveField', {
      categoryId: c.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['S', 'M', 'xl'],
    });
    const cards = await Promise.all(
      ['Ayşe', 'Burak', 'Cem'].map((n) => call('cards.createPerson', { firstName: n, lastName: 'Kaya' })),
    );
    await call('criteria.setValues', { cardId: cards[0]!.id, values: { [size.id]: 'xl' } });
    await call('criteria.setValues', { cardId: cards[1]!.id, values: { [size.id]: 'xl' } });
    await call('criteria.setValues', { cardId: cards[2]!.id, values: { [size.id]: 'M' } });

    const kindChange = await callError('criteria.saveField', {
      id: size.id,
      categoryId: c.id,
      name: 'Beden',
      kind: 'text',
    });
    expect(kindChange.code).toBe('INVALID_INPUT');
    expect(kindChange.message).toBe(
      '"Beden" alanının türü değiştirilemez: 3 kartta değeri var. Yeni türde ayrı bir alan açın.',
    );
    expect(kindChange.fields).toHaveProperty('kind');

    const removal = await callError('criteria.saveField', {
      id: size.id,
      categoryId: c.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['S', 'xl'],
    });
    expect(removal.code).toBe('INVALID_INPUT');
    expect(removal.message).toContain('"M" 1 kartta');

    // An unused option goes; a new spelling of one in use ("xl" → "XL") carries its cards along.
    const changed = await call('criteria.saveField', {
      id: size.id,
      categoryId: c.id,
      name: 'Beden',
      kind: 'one_of',
      options: ['M', 'XL', 'XXL'],
    });
    expect(changed.options).toEqual(['M', 'XL', 'XXL']);
    expect(changed.cardCount).toBe(3);
    expect((await call('criteria.getValues', { cardId: cards[0]!.id })).values).toEqual({ [size.id]: 'XL' });
    expect(rows('select distinct value_text as v from criteria_values order by v')).toEqual([{ v: 'M' }, { v: 'XL' }]);

    // Without values the kind may change.
    const free = await call('criteria.saveField', { categoryId: c.id, name: 'Not', kind: 'text' });
    expect(
      await call('criteria.saveField', { id: free.id, categoryId: c.id, name: 'Not', kind: 'number' }),
    ).toMatchObject({ kind: 'number', cardCount: 0 });
  });

  it('lets only admins define criteria; a staff member can read the definitions', async () => {
    const staff = await call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const manager = await call('users.create', { name: 'Selin Aksoy', role: 'manager' });
    const c = await category('Kıyafet');
    for (const user of [staff, manager]) {
      const refused = await as(user.id).callError('criteria.saveCategory', { cardType: 'person', name: 'Yeni' });
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(
        /^Kriter tanımlamak için yönetici yetkisi gerekiyor; sizin rolünüz: (Personel|Müdür)\.$/,
      );
      expect(
        (await as(user.id).callError('criteria.saveField', { categoryId: c.id, name: 'Beden', kind: 'text' })).code,
      ).toBe('FORBIDDEN');
      expect((await as(user.id).callError('criteria.deleteCategory', { id: c.id })).code).toBe('FORBIDDEN');
    }
    expect(await as(staff.id).call('criteria.listDefinitions', { cardType: 'person' })).toMatchObject({
      categories: [{ name: 'Kıyafet' }],
    });
    expect(rows('select count(*) as n from criteria_categories')).toEqual([{ n: 1 }]);
  });
});

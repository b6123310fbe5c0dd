import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';
import type { CallInput } from '../../src-shared/contract';
import type { PersonFields } from '../../src-shared/contract/cards';
import type { SegmentNode, SegmentQuery } from '../../src-shared/domain/segment-query';
import { useTestApp } from './test-app';

// Today is 2026-03-02 in Istanbul (TEST_START) for every age below.
const { app: currentApp, clock: lastTime, call, callError } = useTestApp();

const person = (firstName: string, lastName: string, extra: Partial<PersonFields> = {}) =>
  call('cards.createPerson', { firstName, lastName, ...extra });
const institution = (title: string, extra: Partial<CallInput<'cards.createInstitution'>> = {}) =>
  call('cards.createInstitution', { title, ...extra });
const all = (...children: SegmentNode[]): SegmentQuery => ({ type: 'group', match: 'all', children });
const any = (...children: SegmentNode[]): SegmentQuery => ({ type: 'group', match: 'any', children });

/** Display names of the persons a query selects, through the list the UI shows. */
async function members(query: SegmentQuery, cardType: 'person' | 'institution' = 'person'): Promise<string[]> {
  const list =
    cardType === 'person'
      ? await call('cards.listPersons', { query, limit: 500 })
      : await call('cards.listInstitutions', { query, limit: 500 });
  const { count } = await call('segments.count', { cardType, query });
  expect(count).toBe(list.total);
  return list.rows.map((r) => r.displayName).sort((x, y) => x.localeCompare(y, 'tr'));
}

/** The firm of the example, small enough to know every answer. */
async function firm() {
  const gida = await institution('Karadeniz GIDA San. A.Ş.', {
    sector: 'Gıda',
    kinds: ['customer'],
    addresses: [{ kind: 'work', province: 'Samsun', district: 'Atakum' }],
  });
  const un = await institution('Marmara Un Fabrikası', {
    sector: 'Gıda ve içecek',
    kinds: ['supplier'],
    addresses: [{ kind: 'work', province: 'Bursa' }],
  });
  const tekstil = await institution('Ege Tekstil Ltd. Şti.', {
    sector: 'Tekstil',
    kinds: ['customer', 'prospect'],
    addresses: [{ kind: 'work', province: 'İzmir' }],
  });
  const ahmet = await person('Ahmet', 'Yılmaz', { birthDate: '1980-05-10', gender: 'male' });
  const zeynep = await person('Zeynep', 'Çelik', {
    birthDate: '1991-03-02',
    gender: 'female',
    emails: [{ kind: 'work', address: 'zeynep@un.com.tr', isPrimary: true }],
  });
  const ismail = await person('İsmail', 'Işık', {
    birthDate: '1991-03-03',
    phones: [{ kind: 'mobile', number: '0532 111 22 33' }],
  });
  const selin = await person('Selin', 'Aydın', { birthDate: '1970-01-01', gender: 'female' });
  await call('cards.link', { personId: ahmet.id, institutionId: gida.id, role: 'Genel Müdür' });
  await call('cards.link', { personId: zeynep.id, institutionId: un.id, role: 'GENEL MÜDÜR' });
  await call('cards.link', { personId: ismail.id, institutionId: gida.id, role: 'Genel Müdür Yardımcısı' });
  await call('cards.link', {
    personId: selin.id,
    institutionId: tekstil.id,
    role: 'Genel Müdür',
  });
  await call('cards.link', {
    personId: selin.id,
    institutionId: un.id,
    role: 'Genel Müdür',
    startDate: '2010-01-01',
    endDate: '2015-12-31',
  });
  return { gida, un, tekstil, ahmet, zeynep, ismail, selin };
}

describe('segments: the issue example', () => {
  it('general managers over 35 of food-sector institutions in Karadeniz or Marmara', async () => {
    await firm();
    const query = all(
      { type: 'number', field: 'age', op: 'gte', value: 35 },
      {
        type: 'link',
        role: { op: 'equals', value: 'genel mudur' },
        current: true,
        where: all(
          { type: 'text', field: 'sector', op: 'contains', value: 'gida' },
          { type: 'choice', field: 'region', op: 'anyOf', values: ['Karadeniz', 'Marmara'] },
        ),
      },
    );
    // Zeynep is 35 today (born 1991-03-02); İsmail turns 35 tomorrow and is "yardımcısı";
    // Selin's food-sector role ended in 2015.
    expect(await members(query)).toEqual(['Ahmet Yılmaz', 'Zeynep Çelik']);
    // Without "current", Selin's old role counts too.
    const past = all(query.children[0]!, { ...(query.children[1] as object), current: false } as SegmentNode);
    expect(await members(past)).toEqual(['Ahmet Yılmaz', 'Selin Aydın', 'Zeynep Çelik']);
  });

  it('saves a segment, lists it, counts it by id, and it follows the data (never frozen)', async () => {
    const { zeynep } = await firm();
    const saved = await call('segments.save', {
      name: 'Kadınlar',
      cardType: 'person',
      query: all({ type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] }),
    });
    expect((await call('segments.count', { id: saved.id })).count).toBe(2);
    expect((await call('segments.list', {})).segments.map((s) => s.name)).toEqual(['Kadınlar']);
    await call('cards.delete', { id: zeynep.id });
    expect((await call('segments.count', { id: saved.id })).count).toBe(1);
    expect((await call('cards.listPersons', { segmentId: saved.id })).rows.map((r) => r.displayName)).toEqual([
      'Selin Aydın',
    ]);
    await person('Deniz', 'Kara', { gender: 'female' });
    expect((await call('segments.count', { id: saved.id })).count).toBe(2);

    const renamed = await call('segments.save', { ...saved, name: 'Kadın kişiler' });
    expect(renamed.id).toBe(saved.id);
    expect((await call('segments.get', { id: saved.id })).name).toBe('Kadın kişiler');
    await call('segments.delete', { id: saved.id });
    expect((await call('segments.list', {})).segments).toEqual([]);
    expect((await callError('segments.count', { id: saved.id })).code).toBe('NOT_FOUND');
  });
});

describe('segments: conditions', () => {
  it('compares ages on the birthday exactly', async () => {
    await firm();
    const age = (op: 'eq' | 'gte' | 'lte' | 'between', value: number, value2?: number) =>
      members(all({ type: 'number', field: 'age', op, value, value2 }));
    expect(await age('eq', 35)).toEqual(['Zeynep Çelik']);
    expect(await age('eq', 34)).toEqual(['İsmail Işık']);
    expect(await age('lte', 34)).toEqual(['İsmail Işık']);
    expect(await age('between', 34, 45)).toEqual(['Ahmet Yılmaz', 'İsmail Işık', 'Zeynep Çelik']);
    expect(await members(all({ type: 'number', field: 'age', op: 'empty' }))).toEqual([]);
  });

  it('folds Turkish letters in text conditions and matches phones by digits', async () => {
    await firm();
    expect(await members(all({ type: 'text', field: 'lastName', op: 'equals', value: 'ISIK' }))).toEqual([
      'İsmail Işık',
    ]);
    expect(await members(all({ type: 'text', field: 'fullName', op: 'startsWith', value: 'ism' }))).toEqual([
      'İsmail Işık',
    ]);
    for (const [op, value] of [
      ['contains', '0532 111'],
      ['contains', '+90 532 111'],
      ['startsWith', '0532'],
      ['startsWith', '532 11'],
      ['equals', '0532 111 22 33'],
      ['equals', '+905321112233'],
    ] as const) {
      expect(await members(all({ type: 'text', field: 'phone', op, value })), `${op} ${value}`).toEqual([
        'İsmail Işık',
      ]);
    }
    expect(await members(all({ type: 'text', field: 'phone', op: 'startsWith', value: '111' }))).toEqual([]);
    expect(await members(all({ type: 'text', field: 'email', op: 'contains', value: 'un.com' }))).toEqual([
      'Zeynep Çelik',
    ]);
    expect(await members(all({ type: 'text', field: 'email', op: 'empty' }))).toEqual([
      'Ahmet Yılmaz',
      'İsmail Işık',
      'Selin Aydın',
    ]);
  });

  it('combines groups with any / all / not', async () => {
    await firm();
    const women: SegmentNode = { type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] };
    const young: SegmentNode = { type: 'number', field: 'age', op: 'lte', value: 40 };
    expect(await members(any(women, young))).toEqual(['İsmail Işık', 'Selin Aydın', 'Zeynep Çelik']);
    expect(await members(all(women, young))).toEqual(['Zeynep Çelik']);
    expect(await members(all({ ...all(women), not: true }))).toEqual(['Ahmet Yılmaz', 'İsmail Işık']);
    // An empty segment is the whole list.
    expect(await members(all())).toHaveLength(4);
  });

  it('selects institutions by kind, region, person count and their people', async () => {
    await firm();
    const kinds = (op: 'anyOf' | 'allOf' | 'noneOf', values: string[]) =>
      members(all({ type: 'choice', field: 'kind', op, values }), 'institution');
    expect(await kinds('anyOf', ['customer'])).toEqual(['Ege Tekstil Ltd. Şti.', 'Karadeniz GIDA San. A.Ş.']);
    expect(await kinds('allOf', ['customer', 'prospect'])).toEqual(['Ege Tekstil Ltd. Şti.']);
    expect(await kinds('noneOf', ['customer'])).toEqual(['Marmara Un Fabrikası']);
    expect(
      await members(all({ type: 'choice', field: 'region', op: 'anyOf', values: ['Ege'] }), 'institution'),
    ).toEqual(['Ege Tekstil Ltd. Şti.']);
    expect(await members(all({ type: 'number', field: 'personCount', op: 'gte', value: 2 }), 'institution')).toEqual([
      'Karadeniz GIDA San. A.Ş.',
      'Marmara Un Fabrikası',
    ]);
    // Institutions with a female contact.
    expect(
      await members(
        all({ type: 'link', where: all({ type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] }) }),
        'institution',
      ),
    ).toEqual(['Ege Tekstil Ltd. Şti.', 'Marmara Un Fabrikası']);
  });

  it('reads tags, owners and user-defined criteria', async () => {
    const { ahmet, zeynep, selin } = await firm();
    const db = currentApp().ctx.db.$client;
    const at = new Date(lastTime()).toISOString();
    db.prepare('insert into card_tags (card_id, tag) values (?, ?), (?, ?)').run(
      ahmet.id,
      'VIP',
      zeynep.id,
      'Fuar 2026',
    );
    const fatma = newId();
    db.prepare(
      `insert into users (id, name, role, created_at, updated_at) values (?, 'Fatma Satış', 'staff', ?, ?)`,
    ).run(fatma, at, at);
    db.prepare('update cards set owner_id = ? where id = ?').run(fatma, selin.id);
    const category = newId();
    db.prepare(
      'insert into criteria_categories (id, card_type, name, position, created_at, updated_at) values (?, ?, ?, 0, ?, ?)',
    ).run(category, 'person', 'Kıyafet', at, at);
    const size = newId();
    const score = newId();
    const insertField = db.prepare(
      'insert into criteria_fields (id, category_id, name, kind, options, position, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)',
    );
    insertField.run(size, category, 'Beden', 'one_of', JSON.stringify(['S', 'M', 'L']), at, at);
    insertField.run(score, category, 'Puan', 'number', null, at, at);
    const value = db.prepare(
      'insert into criteria_values (id, card_id, field_id, value_text, value_num) values (?, ?, ?, ?, ?)',
    );
    value.run(newId(), ahmet.id, size, 'L', null);
    value.run(newId(), zeynep.id, size, 'M', null);
    value.run(newId(), zeynep.id, score, null, 72);

    expect(await members(all({ type: 'choice', field: 'tag', op: 'anyOf', values: ['vıp'] }))).toEqual([
      'Ahmet Yılmaz',
    ]);
    expect(await members(all({ type: 'choice', field: 'owner', op: 'anyOf', values: [fatma] }))).toEqual([
      'Selin Aydın',
    ]);
    expect(await members(all({ type: 'criterion', fieldId: size, op: 'anyOf', values: ['M', 'L'] }))).toEqual([
      'Ahmet Yılmaz',
      'Zeynep Çelik',
    ]);
    expect(await members(all({ type: 'criterion', fieldId: score, op: 'gte', value: 70 }))).toEqual(['Zeynep Çelik']);
    expect(await members(all({ type: 'criterion', fieldId: size, op: 'empty' }))).toEqual([
      'İsmail Işık',
      'Selin Aydın',
    ]);
    // Options match by folded spelling, as values do (so renaming "l" to "L" keeps segments working).
    expect(await members(all({ type: 'criterion', fieldId: size, op: 'anyOf', values: ['l', 'L'] }))).toEqual([
      'Ahmet Yılmaz',
    ]);
    const wrong = await callError('segments.count', {
      cardType: 'person',
      query: all({ type: 'criterion', fieldId: size, op: 'anyOf', values: ['XXL'] }),
    });
    expect(wrong.code).toBe('INVALID_INPUT');
    expect(wrong.message).toContain('"XXL", "Beden" kriterinin seçeneklerinden biri değil');
  });
});

describe('segments: bad input', () => {
  it('names the condition and the reason, and saves nothing', async () => {
    const err = await callError('segments.save', {
      name: 'Hatalı',
      cardType: 'institution',
      query: all(
        { type: 'text', field: 'sector', op: 'contains', value: 'x' },
        {
          type: 'number',
          field: 'age',
          op: 'gte',
          value: 30,
        },
      ),
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('2. koşul: "age" alanı kurumlar için kullanılamaz');
    const region = await callError('segments.count', {
      cardType: 'person',
      query: all(any({ type: 'choice', field: 'region', op: 'anyOf', values: ['Trakya'] })),
    });
    expect(region.message).toMatch(/^1\. koşul › 1\. koşul: "Trakya" bir bölge değil/);
    expect((await call('segments.list', {})).segments).toEqual([]);
  });

  it('keeps hostile text out of the SQL and refuses duplicate names', async () => {
    await firm();
    const hostile = "x') or 1=1; drop table cards; --";
    expect(await members(all({ type: 'text', field: 'lastName', op: 'contains', value: hostile }))).toEqual([]);
    const query = all({ type: 'choice', field: 'gender', op: 'anyOf', values: ['male'] });
    await call('segments.save', { name: 'Erkekler', cardType: 'person', query });
    const clash = await callError('segments.save', { name: 'ERKEKLER', cardType: 'person', query });
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain('"Erkekler" adında bir segment zaten var');
  });
});

describe('segments: hostile and stale queries', () => {
  it('answers a thousands-deep query with INVALID_INPUT, and repeated values do not overflow SQL', async () => {
    await firm();
    let deep: SegmentQuery = all();
    for (let i = 0; i < 3000; i++) deep = all(deep);
    const refused = await callError('segments.count', { cardType: 'person', query: deep });
    expect(refused.code).toBe('INVALID_INPUT');
    const karadeniz = Array.from({ length: 200 }, () => 'Karadeniz');
    const repeated = all(
      ...Array.from({ length: 10 }, (): SegmentNode => ({
        type: 'choice',
        field: 'region',
        op: 'allOf',
        values: karadeniz,
      })),
    );
    expect((await call('segments.count', { cardType: 'person', query: repeated })).count).toBe(0);
  });

  it('replaces or deletes a saved segment whose stored query this version cannot read', async () => {
    const query = all({ type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] });
    const saved = await call('segments.save', { name: 'Eski', cardType: 'person', query });
    currentApp()
      .ctx.db.$client.prepare('update segments set query = ? where id = ?')
      .run('{"type":"group","match":"all","children":[{"type":"future","op":"?"}]}', saved.id);
    expect((await callError('segments.get', { id: saved.id })).message).toContain('yeniden kaydedin');
    await call('segments.save', { id: saved.id, name: 'Eski', cardType: 'person', query });
    expect((await call('segments.get', { id: saved.id })).query).toEqual(query);
    currentApp().ctx.db.$client.prepare('update segments set query = ? where id = ?').run('not json', saved.id);
    await call('segments.delete', { id: saved.id });
    expect((await call('segments.list', {})).segments).toEqual([]);
  });

  it('tells other windows when a segment is saved or deleted', async () => {
    const seen: string[] = [];
    currentApp().ctx.events.subscribe((e) => seen.push(e.name));
    const saved = await call('segments.save', { name: 'Herkes', cardType: 'person', query: all() });
    await call('segments.delete', { id: saved.id });
    expect(seen).toEqual(['segments.changed', 'segments.changed']);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';

const { app: currentApp, call, callError } = useTestApp();

const person = async (firstName: string, lastName: string, gender?: 'female' | 'male') =>
  (await call('cards.createPerson', { firstName, lastName, gender })).id;
const profile = (personId: string) => call('profile.get', { personId });
const found = async (q: string) =>
  (await call('search.query', { q, limit: 200 })).groups.flatMap((g) => g.hits.map((h) => h.id));
const actions = async (entityId: string) => (await call('audit.list', { entityId })).entries.map((e) => e.action);
const count = (table: string) =>
  (currentApp().ctx.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
/** What the panels show, without ids. */
const names = (items: { name: string; detail: string | null }[]) =>
  items.map((i) => (i.detail ? `${i.name} (${i.detail})` : i.name));

describe('simple lists: hobbies, associations, schools, languages', () => {
  it('adds, changes and removes hobbies, in the order they were added', async () => {
    const p = await person('Cem', 'Aydın');
    const chess = await call('profile.addItem', { personId: p, list: 'hobby', name: '  Satranç ' });
    await call('profile.addItem', { personId: p, list: 'hobby', name: 'Yelken' });
    expect(chess).toMatchObject({ list: 'hobby', name: 'Satranç', detail: null, year: null });
    expect(names((await profile(p)).hobbies)).toEqual(['Satranç', 'Yelken']);

    await call('profile.updateItem', { id: chess.id, list: 'hobby', name: 'Go' });
    expect(names((await profile(p)).hobbies)).toEqual(['Go', 'Yelken']);

    await call('profile.removeItem', { id: chess.id });
    expect(names((await profile(p)).hobbies)).toEqual(['Yelken']);
    expect(await actions(p)).toEqual(['profile_remove', 'profile_update', 'profile_add', 'profile_add', 'create']);
  });

  it('keeps memberships with their role and span, refusing an end before the start', async () => {
    const p = await person('Selin', 'Er');
    const rotary = await call('profile.addItem', {
      personId: p,
      list: 'association',
      name: 'Rotary Kulübü',
      detail: 'Yönetim Kurulu Üyesi',
      startDate: '2015-09-01',
      endDate: '',
    });
    expect(rotary).toMatchObject({ detail: 'Yönetim Kurulu Üyesi', startDate: '2015-09-01', endDate: null });

    const backwards = await callError('profile.updateItem', {
      id: rotary.id,
      list: 'association',
      name: 'Rotary Kulübü',
      startDate: '2015-09-01',
      endDate: '2014-01-01',
    });
    expect(backwards.code).toBe('INVALID_INPUT');
    expect(backwards.fields?.endDate).toBe('Bitiş tarihi başlangıçtan önce olamaz');
    const badDate = await callError('profile.addItem', {
      personId: p,
      list: 'association',
      name: 'Lions',
      startDate: '2015-02-30',
    });
    expect(badDate.fields?.startDate).toContain('geçerli bir tarih');

    await call('profile.updateItem', {
      id: rotary.id,
      list: 'association',
      name: 'Rotary Kulübü',
      detail: 'Başkan',
      startDate: '2015-09-01',
      endDate: '2020-06-30',
    });
    const [after] = (await profile(p)).associations;
    expect(after).toMatchObject({ name: 'Rotary Kulübü', detail: 'Başkan', endDate: '2020-06-30' });
    expect(count('profile_items')).toBe(1);
  });

  it('lists schools by graduation year and refuses years outside 1900 … this year + 6', async () => {
    const p = await person('Deniz', 'Kara');
    const thisYear = new Date().getFullYear();
    await call('profile.addItem', { personId: p, list: 'school', name: 'Boğaziçi Üniversitesi', year: 2004 });
    await call('profile.addItem', {
      personId: p,
      list: 'school',
      name: 'ODTÜ',
      detail: 'Makine Mühendisliği',
      year: 1999,
    });
    await call('profile.addItem', { personId: p, list: 'school', name: 'Açıköğretim', year: thisYear + 6 });
    expect(names((await profile(p)).schools)).toEqual([
      'ODTÜ (Makine Mühendisliği)',
      'Boğaziçi Üniversitesi',
      'Açıköğretim',
    ]);

    for (const year of [1899, thisYear + 7, 2001.5]) {
      const err = await callError('profile.addItem', { personId: p, list: 'school', name: 'Lise', year });
      expect(err.code, String(year)).toBe('INVALID_INPUT');
      expect(err.fields?.year, String(year)).toMatch(/Mezuniyet yılı/);
    }
    expect((await profile(p)).schools).toHaveLength(3);
  });

  it('keeps languages with a level from the vocabulary and each language once', async () => {
    const p = await person('Ece', 'Tan');
    await call('profile.addItem', { personId: p, list: 'language', name: 'Türkçe', detail: 'native' });
    await call('profile.addItem', { personId: p, list: 'language', name: 'İngilizce', detail: 'C1' });
    expect(names((await profile(p)).languages)).toEqual(['Türkçe (native)', 'İngilizce (C1)']);

    const badLevel = await callError('profile.addItem', {
      personId: p,
      list: 'language',
      name: 'Almanca',
      detail: 'D1',
    });
    expect(badLevel.fields?.detail).toBe('Seviye A1–C2 ya da ana dil olmalı');
    // Typed without Turkish letters and in capitals: still the same language.
    const again = await callError('profile.addItem', {
      personId: p,
      list: 'language',
      name: 'INGILIZCE',
      detail: 'B1',
    });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('"İngilizce" zaten diller listesinde.');
    expect((await profile(p)).languages).toHaveLength(2);
  });

  it('refuses to move an item to another list and fields that belong to another list', async () => {
    const p = await person('Ali', 'Uz');
    const hobby = await call('profile.addItem', { personId: p, list: 'hobby', name: 'Fotoğraf' });
    const moved = await callError('profile.updateItem', { id: hobby.id, list: 'language', name: 'Fotoğraf' });
    expect(moved.code).toBe('INVALID_INPUT');
    expect(moved.message).toContain('başka bir listeye taşınamaz');
    const unknownList = await callError('profile.addItem', { personId: p, list: 'pet', name: 'Kedi' });
    expect(unknownList.fields).toHaveProperty('list');
    const blank = await callError('profile.addItem', { personId: p, list: 'hobby', name: '   ' });
    expect(blank.fields?.name).toBe('Hobi boş olamaz');
    // Extra fields of other lists are dropped, not stored.
    const withYear = await call('profile.addItem', { personId: p, list: 'hobby', name: 'Dalış', year: 2000 } as never);
    expect(withYear.year).toBeNull();
  });
});

describe('relatives', () => {
  it('shows one link from both sides with the inverse word', async () => {
    const ayse = await person('Ayşe', 'Kaya');
    const mehmet = await person('Mehmet', 'Kaya', 'male');
    const zeynep = await person('Zeynep', 'Kaya');

    // Mehmet is Ayşe's father; Zeynep is Ayşe's sister.
    const parent = await call('profile.addRelative', { personId: ayse, relativeId: mehmet, relation: 'parent' });
    // The gender comes along so the card can say "Babası" rather than "Annesi / babası".
    expect(parent).toMatchObject({
      relativeId: mehmet,
      relativeName: 'Mehmet Kaya',
      relativeGender: 'male',
      relation: 'parent',
    });
    await call('profile.addRelative', { personId: zeynep, relativeId: ayse, relation: 'sibling', note: 'ikiz' });

    const fromAyse = (await profile(ayse)).relatives.map((r) => [r.relativeName, r.relation, r.note]);
    expect(fromAyse).toEqual([
      ['Mehmet Kaya', 'parent', null],
      ['Zeynep Kaya', 'sibling', 'ikiz'],
    ]);
    expect((await profile(mehmet)).relatives).toEqual([
      {
        id: parent.id,
        relativeId: ayse,
        relativeName: 'Ayşe Kaya',
        relativeGender: null,
        relation: 'child',
        note: null,
      },
    ]);
    expect((await profile(zeynep)).relatives.map((r) => [r.relativeName, r.relation])).toEqual([
      ['Ayşe Kaya', 'sibling'],
    ]);

    // Removed from the other side than it was added from: gone for both.
    await call('profile.removeRelative', { id: parent.id });
    expect((await profile(ayse)).relatives.map((r) => r.relativeName)).toEqual(['Zeynep Kaya']);
    expect((await profile(mehmet)).relatives).toEqual([]);
  });

  it('writes the link in the history of both persons and tells both cards', async () => {
    const a = await person('Hakan', 'Demir');
    const b = await person('Elif', 'Demir');
    const seen: string[] = [];
    const stop = currentApp().ctx.events.subscribe((e) => {
      const payload = e.payload as { id: string; action: string };
      seen.push(`${payload.id === a ? 'a' : 'b'}:${payload.action}`);
    });
    const link = await call('profile.addRelative', { personId: a, relativeId: b, relation: 'spouse' });
    await call('profile.removeRelative', { id: link.id });
    stop();
    expect(seen).toEqual(['a:linked', 'b:linked', 'a:linked', 'b:linked']);
    for (const id of [a, b]) {
      const { entries } = await call('audit.list', { entityId: id });
      expect(entries.map((e) => e.action)).toEqual(['profile_remove', 'profile_add', 'create']);
      expect(entries[1]?.after).toMatchObject({
        list: 'relative',
        personName: 'Hakan Demir',
        relativeName: 'Elif Demir',
        relation: 'spouse',
      });
    }
  });

  it('refuses the person itself, an institution and the same pair twice in either direction', async () => {
    const a = await person('Murat', 'Şen');
    const b = await person('Oya', 'Şen');
    const firm = (await call('cards.createInstitution', { title: 'Şen Tekstil A.Ş.' })).id;

    const self = await callError('profile.addRelative', { personId: a, relativeId: a, relation: 'other' });
    expect(self.code).toBe('INVALID_INPUT');
    expect(self.fields?.relativeId).toBe('Kişi kendisinin yakını olamaz');

    const institution = await callError('profile.addRelative', { personId: a, relativeId: firm, relation: 'other' });
    expect(institution.code).toBe('INVALID_INPUT');
    expect(institution.message).toBe(
      '"Şen Tekstil A.Ş." bir kurum kartı; profil bilgileri yalnızca kişi kartlarında tutulur.',
    );
    expect(institution.fields).toHaveProperty('relativeId');

    await call('profile.addRelative', { personId: a, relativeId: b, relation: 'spouse' });
    const twice = await callError('profile.addRelative', { personId: a, relativeId: b, relation: 'sibling' });
    expect(twice.code).toBe('CONFLICT');
    const reversed = await callError('profile.addRelative', { personId: b, relativeId: a, relation: 'spouse' });
    expect(reversed.code).toBe('CONFLICT');
    expect(reversed.message).toContain('Murat Şen zaten Oya Şen kişisinin eşi olarak kayıtlı');
    expect(count('person_relatives')).toBe(1);
  });

  it('hides a relative in the recycle bin and refuses new links to a binned person', async () => {
    const a = await person('Can', 'Yurt');
    const b = await person('Nur', 'Yurt');
    const c = await person('Ege', 'Yurt');
    await call('profile.addRelative', { personId: a, relativeId: b, relation: 'child' });
    await call('cards.delete', { id: b });
    expect((await profile(a)).relatives).toEqual([]);
    const toBinned = await callError('profile.addRelative', { personId: c, relativeId: b, relation: 'sibling' });
    expect(toBinned.code).toBe('CONFLICT');
    expect(toBinned.message).toBe('"Nur Yurt" çöp kutusunda; önce geri alın.');
    await call('cards.restore', { id: b });
    expect((await profile(a)).relatives.map((r) => [r.relativeName, r.relation])).toEqual([['Nur Yurt', 'child']]);
    expect((await profile(b)).relatives.map((r) => [r.relativeName, r.relation])).toEqual([['Can Yurt', 'parent']]);
  });
});

describe('body measurements', () => {
  it('keeps a dated history, newest first, and corrects or removes an entry', async () => {
    const p = await person('Burak', 'Öztürk');
    const old = await call('profile.addMeasurement', {
      personId: p,
      measuredOn: '2023-05-10',
      heightCm: 178,
      weightKg: 80,
      shirtSize: 'L',
      trouserSize: '52',
      shoeSize: '43',
    });
    await call('profile.addMeasurement', { personId: p, measuredOn: '2025-11-03', weightKg: 84, shirtSize: 'XL' });
    expect((await profile(p)).measurements.map((m) => [m.measuredOn, m.weightKg, m.shirtSize])).toEqual([
      ['2025-11-03', 84, 'XL'],
      ['2023-05-10', 80, 'L'],
    ]);

    await call('profile.updateMeasurement', { id: old.id, measuredOn: '2023-05-10', heightCm: 179, jacketSize: '52' });
    const [, corrected] = (await profile(p)).measurements;
    expect(corrected).toMatchObject({ heightCm: 179, weightKg: null, jacketSize: '52', shirtSize: null });

    await call('profile.removeMeasurement', { id: old.id });
    expect((await profile(p)).measurements).toHaveLength(1);
    const { entries } = await call('audit.list', { entityId: p });
    expect(entries.map((e) => e.action)).toEqual([
      'profile_remove',
      'profile_update',
      'profile_add',
      'profile_add',
      'create',
    ]);
    expect(entries[1]?.before).toMatchObject({ list: 'measurement', heightCm: 178 });
    expect(entries[1]?.after).toMatchObject({ list: 'measurement', heightCm: 179 });
  });

  it('refuses heights, weights and dates no one has, and an entry without any value', async () => {
    const p = await person('Sibel', 'Ak');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ heightCm: 39 }, 'heightCm', 'Boy en az 40 cm olabilir'],
      [{ heightCm: 251 }, 'heightCm', 'Boy en fazla 250 cm olabilir'],
      [{ weightKg: 1 }, 'weightKg', 'Kilo en az 2 kg olabilir'],
      [{ weightKg: 401 }, 'weightKg', 'Kilo en fazla 400 kg olabilir'],
      [{ shirtSize: 'x'.repeat(21) }, 'shirtSize', 'Gömlek bedeni en fazla 20 karakter olabilir'],
      [{ shirtSize: '  ' }, 'heightCm', 'En az bir ölçü (boy, kilo ya da beden) girilmeli'],
      [{ measuredOn: '2999-01-01', heightCm: 170 }, 'measuredOn', 'Ölçüm tarihi ileri bir tarih olamaz'],
    ];
    for (const [values, field, message] of cases) {
      const err = await callError('profile.addMeasurement', { personId: p, measuredOn: '2025-01-01', ...values });
      expect(err.code, field).toBe('INVALID_INPUT');
      expect(err.fields?.[field], JSON.stringify(values)).toBe(message);
    }
    expect(count('body_measurements')).toBe(0);
    expect(await actions(p)).toEqual(['create']);
  });
});

describe('only live person cards have a profile', () => {
  it('refuses an institution with a clear INVALID_INPUT and an unknown id with NOT_FOUND', async () => {
    const firm = (await call('cards.createInstitution', { title: 'Deniz Lojistik' })).id;
    const get = await callError('profile.get', { personId: firm });
    expect(get.code).toBe('INVALID_INPUT');
    expect(get.message).toContain('bir kurum kartı');
    const add = await callError('profile.addItem', { personId: firm, list: 'hobby', name: 'Golf' });
    expect(add.code).toBe('INVALID_INPUT');
    expect(add.fields).toHaveProperty('personId');
    const measure = await callError('profile.addMeasurement', {
      personId: firm,
      measuredOn: '2025-01-01',
      heightCm: 170,
    });
    expect(measure.code).toBe('INVALID_INPUT');
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await callError('profile.get', { personId: unknown })).code).toBe('NOT_FOUND');
    expect((await callError('profile.removeItem', { id: unknown })).code).toBe('NOT_FOUND');
    expect((await callError('profile.removeRelative', { id: unknown })).code).toBe('NOT_FOUND');
    expect(
      (await callError('profile.updateMeasurement', { id: unknown, measuredOn: '2025-01-01', weightKg: 70 })).code,
    ).toBe('NOT_FOUND');
    expect(count('profile_items') + count('body_measurements')).toBe(0);
  });

  it('shows the profile of a card in the recycle bin but refuses every change to it', async () => {
    const p = await person('Gül', 'Ateş');
    const hobby = await call('profile.addItem', { personId: p, list: 'hobby', name: 'Bahçe' });
    const size = await call('profile.addMeasurement', { personId: p, measuredOn: '2024-02-02', shoeSize: '38' });
    await call('cards.delete', { id: p });

    expect(names((await profile(p)).hobbies)).toEqual(['Bahçe']);
    const refusals = [
      await callError('profile.addItem', { personId: p, list: 'hobby', name: 'Kitap' }),
      await callError('profile.updateItem', { id: hobby.id, list: 'hobby', name: 'Bahçecilik' }),
      await callError('profile.removeItem', { id: hobby.id }),
      await callError('profile.addMeasurement', { personId: p, measuredOn: '2025-01-01', shoeSize: '39' }),
      await callError('profile.updateMeasurement', { id: size.id, measuredOn: '2024-02-02', shoeSize: '39' }),
      await callError('profile.removeMeasurement', { id: size.id }),
    ];
    for (const err of refusals) {
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toBe('"Gül Ateş" çöp kutusunda; önce geri alın.');
    }
    expect(names((await profile(p)).hobbies)).toEqual(['Bahçe']);
    expect(await actions(p)).toEqual(['delete', 'profile_add', 'profile_add', 'create']);
  });
});

describe('search by profile', () => {
  it('finds a person by hobby, association, school and language, folding Turkish letters', async () => {
    const p = await person('Tuna', 'Gök');
    const other = await person('Irmak', 'Gök');
    const chess = await call('profile.addItem', { personId: p, list: 'hobby', name: 'Satranç' });
    await call('profile.addItem', { personId: p, list: 'association', name: 'Rotary Kulübü', detail: 'Üye' });
    await call('profile.addItem', { personId: p, list: 'school', name: 'İstanbul Teknik Üniversitesi', year: 2001 });
    await call('profile.addItem', { personId: other, list: 'language', name: 'Çince', detail: 'A2' });

    expect(await found('satranc')).toEqual([p]);
    expect(await found('SATRANÇ')).toEqual([p]);
    expect(await found('rotary')).toEqual([p]);
    expect(await found('istanbul teknik')).toEqual([p]);
    expect(await found('cince')).toEqual([other]);
    expect((await call('cards.listPersons', { q: 'satranc' })).rows.map((r) => r.id)).toEqual([p]);

    await call('profile.updateItem', { id: chess.id, list: 'hobby', name: 'Briç' });
    expect(await found('satranc')).toEqual([]);
    expect(await found('bric')).toEqual([p]);
    await call('profile.removeItem', { id: chess.id });
    expect(await found('bric')).toEqual([]);
  });
});

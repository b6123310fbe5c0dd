import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../src-shared/contract';
import { useTestApp } from './test-app';
import type { PersonFields } from '../../src-shared/contract/cards';

const { app: currentApp, call, callError } = useTestApp();

const person = (firstName: string, lastName: string, extra: Partial<PersonFields> = {}) =>
  call('cards.createPerson', { firstName, lastName, ...extra });
const institution = (title: string, extra: Partial<CallInput<'cards.createInstitution'>> = {}) =>
  call('cards.createInstitution', { title, ...extra });

/** Ids found by global search. */
const found = async (q: string) =>
  (await call('search.query', { q, limit: 200 })).groups.flatMap((g) => g.hits.map((h) => h.id)).sort();
/** Ids in the persons list filtered by the search box. */
const listed = async (q: string) => (await call('cards.listPersons', { q })).rows.map((r) => r.id).sort();

const sqlite = () => currentApp().ctx.db.$client;
const count = (sql: string, ...params: unknown[]) =>
  (
    sqlite()
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;
const indexRow = (id: string) =>
  sqlite().prepare('select title, body from search_docs where entity_id = ?').get(id) as
    { title: string; body: string } | undefined;

describe('persons, institutions and links', () => {
  it('creates an institution and a person and links them with a role, shown from both sides', async () => {
    const firm = await institution('Anadolu Lojistik A.Ş.', { kinds: ['customer'], sector: 'Lojistik' });
    const ayse = await person('Ayşe', 'Kaya', { honorific: 'Dr.' });
    expect(ayse.displayName).toBe('Ayşe Kaya');
    expect(ayse.createdBy).toBe(currentApp().ctx.userId);
    expect(ayse.deletedAt).toBeNull();

    const link = await call('cards.link', {
      personId: ayse.id,
      institutionId: firm.id,
      role: 'Satın Alma Müdürü',
      department: 'Satın Alma',
      isPrimary: true,
    });
    expect(link).toMatchObject({
      personId: ayse.id,
      personName: 'Ayşe Kaya',
      institutionId: firm.id,
      institutionTitle: 'Anadolu Lojistik A.Ş.',
      role: 'Satın Alma Müdürü',
      department: 'Satın Alma',
      isPrimary: true,
    });

    const p = await call('cards.getPerson', { id: ayse.id });
    expect(p.affiliations).toEqual([link]);
    const i = await call('cards.getInstitution', { id: firm.id });
    expect(i.affiliations).toEqual([link]);

    const institutions = await call('cards.listInstitutions', {});
    expect(institutions.rows.find((r) => r.id === firm.id)?.personCount).toBe(1);
    const persons = await call('cards.listPersons', {});
    expect(persons.rows.find((r) => r.id === ayse.id)?.institutions).toBe('Anadolu Lojistik A.Ş. (Satın Alma Müdürü)');
  });

  it('keeps the list row of a person in step with renames, role changes and deletion of the institution', async () => {
    const firm = await institution('Marmara Tekstil A.Ş.');
    const can = await person('Can', 'Yücel', { phones: [{ kind: 'mobile', number: '5321112233' }] });
    const link = await call('cards.link', { personId: can.id, institutionId: firm.id, role: 'Muhasebe Uzmanı' });
    const row = async () => (await call('cards.listPersons', { q: 'can yucel' })).rows[0]!;
    expect(await row()).toMatchObject({
      institutions: 'Marmara Tekstil A.Ş. (Muhasebe Uzmanı)',
      phone: '0532 111 22 33',
    });

    await call('cards.updateLink', { id: link.id, role: 'Muhasebe Müdürü' });
    expect((await row()).institutions).toBe('Marmara Tekstil A.Ş. (Muhasebe Müdürü)');
    await call('cards.updateInstitution', { id: firm.id, title: 'Marmara Tekstil San. A.Ş.' });
    expect((await row()).institutions).toBe('Marmara Tekstil San. A.Ş. (Muhasebe Müdürü)');
    await call('cards.delete', { id: firm.id });
    expect((await row()).institutions).toBeNull();
    await call('cards.restore', { id: firm.id });
    expect((await row()).institutions).toBe('Marmara Tekstil San. A.Ş. (Muhasebe Müdürü)');
  });

  it('refuses to link the same person and institution twice with CONFLICT, keeping the first link', async () => {
    const firm = await institution('Kaya İnşaat');
    const ali = await person('Ali', 'Demir');
    await call('cards.link', { personId: ali.id, institutionId: firm.id, role: 'Mühendis' });
    const err = await callError('cards.link', { personId: ali.id, institutionId: firm.id, role: 'Müdür' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Ali Demir');
    const p = await call('cards.getPerson', { id: ali.id });
    expect(p.affiliations.map((a) => a.role)).toEqual(['Mühendis']);
    expect(count('select count(*) as n from affiliations')).toBe(1);
  });

  it('keeps one primary institution per person', async () => {
    const a = await institution('Alfa');
    const b = await institution('Beta');
    const p = await person('Can', 'Er');
    const la = await call('cards.link', { personId: p.id, institutionId: a.id, isPrimary: true });
    const lb = await call('cards.link', { personId: p.id, institutionId: b.id, isPrimary: true });
    const got = await call('cards.getPerson', { id: p.id });
    expect(got.affiliations.map((x) => [x.id, x.isPrimary])).toEqual([
      [lb.id, true],
      [la.id, false],
    ]);
  });

  it('links only existing, live cards of the right type', async () => {
    const firm = await institution('Gama');
    const p = await person('Deniz', 'Ak');
    expect((await callError('cards.link', { personId: firm.id, institutionId: firm.id })).code).toBe('NOT_FOUND');
    expect((await callError('cards.link', { personId: p.id, institutionId: p.id })).code).toBe('NOT_FOUND');
    await call('cards.delete', { id: firm.id });
    expect((await callError('cards.link', { personId: p.id, institutionId: firm.id })).code).toBe('CONFLICT');
  });
});

describe('contact details', () => {
  it('stores two phones with their e164 and national display', async () => {
    const p = await person('Şükrü', 'Öztürk', {
      phones: [
        { kind: 'mobile', number: '0532 123 45 67' },
        { kind: 'work', number: '+90 (212) 555-12-34' },
      ],
    });
    expect(p.phones.map(({ kind, number, e164, display }) => ({ kind, number, e164, display }))).toEqual([
      { kind: 'mobile', number: '0532 123 45 67', e164: '+905321234567', display: '0532 123 45 67' },
      { kind: 'work', number: '+90 (212) 555-12-34', e164: '+902125551234', display: '(0212) 555 12 34' },
    ]);
    const rows = sqlite().prepare('select e164 from phones where card_id = ? order by position').all(p.id);
    expect(rows).toEqual([{ e164: '+905321234567' }, { e164: '+902125551234' }]);
    // The list shows the first phone in the national format.
    const list = await call('cards.listPersons', {});
    expect(list.rows[0]?.phone).toBe('0532 123 45 67');
  });

  it('finds a person by the phone typed in any common form', async () => {
    const p = await person('Mert', 'Aydın', { phones: [{ kind: 'mobile', number: '+90 (532) 123-45-67' }] });
    expect(await found('05321234567')).toEqual([p.id]);
    expect(await found('5321234567')).toEqual([p.id]);
    expect(await found('0532')).toEqual([p.id]);
  });

  it('keeps as many e-mails as typed with exactly one primary', async () => {
    const emails = Array.from({ length: 12 }, (_, i) => ({
      kind: 'work' as const,
      address: `Kisi${i}@Ornek.COM.tr`,
      isPrimary: i === 4 || i === 9,
    }));
    const p = await person('Elif', 'Şahin', { emails });
    expect(p.emails).toHaveLength(12);
    expect(p.emails.map((e) => e.address)).toEqual(emails.map((e) => e.address.toLowerCase()));
    expect(p.emails.filter((e) => e.isPrimary).map((e) => e.address)).toEqual(['kisi4@ornek.com.tr']);
    const list = await call('cards.listPersons', {});
    expect(list.rows[0]?.email).toBe('kisi4@ornek.com.tr');
    expect(await found('kisi11@ornek.com.tr')).toEqual([p.id]);
    expect(await found('KİŞİ7')).toEqual([p.id]);

    // None marked: the first becomes primary.
    const q = await person('Emre', 'Koç', {
      emails: [
        { kind: 'work', address: 'emre@firma.com.tr', isPrimary: false },
        { kind: 'personal', address: 'emre@gmail.com', isPrimary: false },
      ],
    });
    expect(q.emails.map((e) => e.isPrimary)).toEqual([true, false]);
    expect(count('select count(*) as n from emails where card_id = ? and is_primary = 1', q.id)).toBe(1);
  });

  it('refuses the same e-mail twice on one card, naming the field', async () => {
    const err = await callError('cards.createPerson', {
      firstName: 'Ece',
      lastName: 'Tan',
      emails: [{ address: 'ece@firma.com' }, { address: 'ECE@firma.com' }],
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(Object.keys(err.fields ?? {})).toEqual(['emails.1.address']);
    expect(count("select count(*) as n from cards where display_name = 'Ece Tan'")).toBe(0);
  });

  it('refuses an invalid e-mail address or phone, naming the field, and writes nothing', async () => {
    const badMail = await callError('cards.createPerson', {
      firstName: 'A',
      lastName: 'B',
      emails: [{ address: 'yok' }],
    });
    expect(badMail.code).toBe('INVALID_INPUT');
    expect(badMail.fields).toHaveProperty(['emails.0.address']);
    const badPhone = await callError('cards.createPerson', {
      firstName: 'A',
      lastName: 'B',
      phones: [{ number: '0532 123 45 67' }, { number: 'telefon yok' }],
    });
    expect(badPhone.code).toBe('INVALID_INPUT');
    expect(Object.keys(badPhone.fields ?? {})).toEqual(['phones.1.number']);
    expect(count('select count(*) as n from cards')).toBe(0);
    expect(count('select count(*) as n from audit_log')).toBe(0);
  });

  it('stores addresses with every part', async () => {
    const firm = await institution('Ege Tekstil', {
      addresses: [
        {
          kind: 'work',
          line: 'Atatürk Cad. No: 5',
          district: 'Konak',
          province: 'İzmir',
          postalCode: '35210',
          country: 'Türkiye',
        },
        { kind: 'shipping', line: 'Organize Sanayi 3. Cadde', province: 'Manisa' },
      ],
    });
    expect(firm.addresses.map(({ id: _id, ...a }) => a)).toEqual([
      {
        kind: 'work',
        line: 'Atatürk Cad. No: 5',
        district: 'Konak',
        province: 'İzmir',
        postalCode: '35210',
        country: 'Türkiye',
      },
      {
        kind: 'shipping',
        line: 'Organize Sanayi 3. Cadde',
        district: null,
        province: 'Manisa',
        postalCode: null,
        country: null,
      },
    ]);
  });

  it('update replaces the contact details as a whole', async () => {
    const p = await person('Oya', 'Gül', {
      phones: [{ number: '0532 111 22 33' }, { number: '0212 444 55 66', kind: 'work' }],
      emails: [{ address: 'oya@eski.com' }, { address: 'oya@ev.com', isPrimary: true }],
      addresses: [{ province: 'Bursa' }],
    });
    const updated = await call('cards.updatePerson', {
      id: p.id,
      firstName: 'Oya',
      lastName: 'Gül',
      phones: [{ number: '0533 999 88 77' }],
      emails: [],
      addresses: [{ province: 'Ankara', district: 'Çankaya' }],
    });
    expect(updated.phones.map((x) => x.e164)).toEqual(['+905339998877']);
    expect(updated.emails).toEqual([]);
    expect(updated.addresses.map((a) => [a.province, a.district])).toEqual([['Ankara', 'Çankaya']]);
    expect(count('select count(*) as n from phones where card_id = ?', p.id)).toBe(1);
    expect(count('select count(*) as n from emails where card_id = ?', p.id)).toBe(0);
    expect(count('select count(*) as n from addresses where card_id = ?', p.id)).toBe(1);
    expect(await found('bursa')).toEqual([]);
    expect(await found('eski')).toEqual([]);
    expect(await found('cankaya')).toEqual([p.id]);
    expect(updated.updatedAt > p.updatedAt).toBe(true);
    expect(updated.createdAt).toBe(p.createdAt);
  });
});

describe('folded search', () => {
  it('finds Turkish text whatever the case and diacritics typed', async () => {
    const sukru = await person('Şükrü', 'Öztürk');
    const isik = await person('AYŞE', 'IŞIK');
    const ist = await person('Ömer', 'Tan', { addresses: [{ line: 'BÜYÜKDERE CAD. 12', province: 'İSTANBUL' }] });
    const notes = await person('Zeynep', 'Ay', { notes: 'Müşteri temsilcisi, çağrı merkezinden aradı.' });
    const ayse = await person('Ayşe', 'Kara');

    expect(await found('sukru')).toEqual([sukru.id]);
    expect(await found('ŞÜKRÜ')).toEqual([sukru.id]);
    expect(await found('isik')).toEqual([isik.id]);
    expect(await found('ışık')).toEqual([isik.id]);
    expect(await found('istanbul')).toEqual([ist.id]);
    expect(await found('İstanbul')).toEqual([ist.id]);
    expect(await found('buyukdere')).toEqual([ist.id]);
    expect(await found('müşt')).toEqual([notes.id]);
    expect(await found('must')).toEqual([notes.id]);
    expect(await found('cagri')).toEqual([notes.id]);

    // Every word must match: a second word narrows.
    expect(await found('ayse')).toEqual([isik.id, ayse.id].sort());
    expect(await found('ayse isik')).toEqual([isik.id]);
    expect(await found('ayse kar')).toEqual([ayse.id]);
    expect(await found('ayse -kara')).toEqual([isik.id]);
    expect(await found('ayse yok')).toEqual([]);

    // The persons list filters the same way.
    expect(await listed('sukru')).toEqual([sukru.id]);
    expect(await listed('ayse isik')).toEqual([isik.id]);
    expect(await listed('istanbul')).toEqual([ist.id]);
    expect(await listed('müşt')).toEqual([notes.id]);
  });

  it('finds a person by the institution linked to it and by the role', async () => {
    const firm = await institution('Öz Gıda Sanayi');
    const p = await person('Burak', 'Yıldız');
    await call('cards.link', { personId: p.id, institutionId: firm.id, role: 'Muhasebe Şefi' });
    expect(await found('oz gida')).toEqual([firm.id, p.id].sort());
    expect(await found('muhasebe')).toEqual([p.id]);
    expect(await listed('gıda')).toEqual([p.id]);
    const { groups } = await call('search.query', { q: 'gida', types: ['institution'] });
    expect(groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([firm.id]);
  });

  it('finds institutions by kind words in Turkish', async () => {
    const firm = await institution('Deniz Nakliyat', { kinds: ['supplier'] });
    expect(await found('tedarikçi')).toEqual([firm.id]);
    const list = await call('cards.listInstitutions', { q: 'tedarik' });
    expect(list.rows.map((r) => r.id)).toEqual([firm.id]);
  });

  it('keeps the index current after update, delete and restore', async () => {
    const p = await person('Hakan', 'Çelik');
    expect(await found('celik')).toEqual([p.id]);

    await call('cards.updatePerson', { id: p.id, firstName: 'Hakan', lastName: 'Güneş' });
    expect(await found('celik')).toEqual([]);
    expect(await found('gunes')).toEqual([p.id]);
    expect(await listed('gunes')).toEqual([p.id]);

    await call('cards.delete', { id: p.id });
    expect(await found('gunes')).toEqual([]);
    expect(await listed('gunes')).toEqual([]);
    expect((await call('cards.listPersons', {})).total).toBe(0);

    await call('cards.restore', { id: p.id });
    expect(await found('gunes')).toEqual([p.id]);
    expect(await listed('gunes')).toEqual([p.id]);
    expect((await call('cards.listPersons', {})).total).toBe(1);
  });

  it('after a refused update (invalid phone) the card and its search text are unchanged', async () => {
    const p = await person('Selin', 'Aksoy', { phones: [{ number: '0532 123 45 67' }] });
    const indexBefore = indexRow(p.id);
    const auditBefore = count('select count(*) as n from audit_log');

    const err = await callError('cards.updatePerson', {
      id: p.id,
      firstName: 'Selin',
      lastName: 'Yeniad',
      phones: [{ number: '0532 765 43 21' }, { number: '12' }],
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fields).toHaveProperty(['phones.1.number']);

    expect(await call('cards.getPerson', { id: p.id })).toEqual(p);
    expect(indexRow(p.id)).toEqual(indexBefore);
    expect(await found('aksoy')).toEqual([p.id]);
    expect(await found('yeniad')).toEqual([]);
    expect(count('select count(*) as n from audit_log')).toBe(auditBefore);
  });

  it('after an update that fails half way (inside the transaction) nothing is changed', async () => {
    const p = await person('Kemal', 'Ulus', {
      phones: [{ number: '0532 123 45 67' }],
      emails: [{ address: 'kemal@ulus.com' }],
    });
    const indexBefore = indexRow(p.id);
    const auditBefore = count('select count(*) as n from audit_log');
    // A real failure part way through the write: the e-mail insert is refused
    // after the card, person row and phones were already rewritten.
    sqlite().exec(`create temp trigger fail_mail before insert on emails when new.address = 'patlat@ornek.com'
                   begin select raise(abort, 'disk dolu'); end`);

    const result = await currentApp().call('cards.updatePerson', {
      id: p.id,
      firstName: 'Kemal',
      lastName: 'Yenisoy',
      phones: [{ number: '0505 000 11 22' }],
      emails: [{ address: 'patlat@ornek.com' }],
    });
    expect(result.ok).toBe(false);

    expect(await call('cards.getPerson', { id: p.id })).toEqual(p);
    expect(indexRow(p.id)).toEqual(indexBefore);
    expect(await found('ulus')).toEqual([p.id]);
    expect(await found('yenisoy')).toEqual([]);
    expect(count('select count(*) as n from audit_log')).toBe(auditBefore);
  });

  it('renaming an institution makes its people findable by the new name and not the old', async () => {
    const firm = await institution('Yıldız Holding');
    const p = await person('Cem', 'Polat');
    const other = await person('Derya', 'Polat');
    await call('cards.link', { personId: p.id, institutionId: firm.id });
    expect(await found('yildiz')).toEqual([firm.id, p.id].sort());

    await call('cards.updateInstitution', { id: firm.id, title: 'Kuzey Holding' });
    expect(await found('yildiz')).toEqual([]);
    expect(await found('kuzey')).toEqual([firm.id, p.id].sort());
    expect(await found('kuzey polat')).toEqual([p.id]);
    expect(await listed('kuzey')).toEqual([p.id]);
    expect(await listed('polat')).toEqual([p.id, other.id].sort());
    expect((await call('cards.getPerson', { id: p.id })).affiliations[0]?.institutionTitle).toBe('Kuzey Holding');
  });

  it('a deleted institution no longer finds its people; restoring it does again', async () => {
    const firm = await institution('Mavi Yazılım');
    const p = await person('Ece', 'Şen');
    await call('cards.link', { personId: p.id, institutionId: firm.id });
    await call('cards.delete', { id: firm.id });
    expect(await found('mavi')).toEqual([]);
    expect((await call('cards.getPerson', { id: p.id })).affiliations).toEqual([]);
    await call('cards.restore', { id: firm.id });
    expect(await found('mavi')).toEqual([firm.id, p.id].sort());
  });

  it('only punctuation in the search box gives an empty result, not an error', async () => {
    await person('Ali', 'Veli');
    expect(await found('*')).toEqual([]);
    expect((await call('cards.listPersons', { q: '"()*' })).total).toBe(0);
    expect((await call('cards.listPersons', { q: 'NEAR OR (' })).total).toBe(0);
    expect((await call('cards.listPersons', { q: '' })).total).toBe(1);
  });
});

describe('lists', () => {
  const names: [string, string][] = [
    ['Ümit', 'Er'],
    ['Şule', 'Bal'],
    ['Işıl', 'Tan'],
    ['Cem', 'Ak'],
    ['Ömer', 'Kaya'],
    ['İlker', 'Su'],
    ['Gül', 'Şen'],
    ['Çağla', 'Er'],
    ['Oğuz', 'Demir'],
    ['Hande', 'Öz'],
    ['Selin', 'Ay'],
    ['Uğur', 'Ok'],
    ['Gökay', 'Ak'],
  ];
  const turkishOrder = [
    'Cem Ak',
    'Çağla Er',
    'Gökay Ak',
    'Gül Şen',
    'Hande Öz',
    'Işıl Tan',
    'İlker Su',
    'Oğuz Demir',
    'Ömer Kaya',
    'Selin Ay',
    'Şule Bal',
    'Uğur Ok',
    'Ümit Er',
  ];

  it('sorts persons by name in Turkish alphabetical order, both ways', async () => {
    for (const [first, last] of names) await person(first, last);
    const asc = await call('cards.listPersons', { sort: 'name' });
    expect(asc.total).toBe(names.length);
    expect(asc.rows.map((r) => r.displayName)).toEqual(turkishOrder);
    const desc = await call('cards.listPersons', { sort: 'name', dir: 'desc' });
    expect(desc.rows.map((r) => r.displayName)).toEqual([...turkishOrder].reverse());
  });

  it('sorts by creation and update time', async () => {
    const a = await person('Zafer', 'Bir');
    const b = await person('Ahmet', 'İki');
    expect((await call('cards.listPersons', { sort: 'createdAt' })).rows.map((r) => r.id)).toEqual([a.id, b.id]);
    await call('cards.updatePerson', { id: a.id, firstName: 'Zafer', lastName: 'Bir', notes: 'güncel' });
    const byUpdate = await call('cards.listPersons', { sort: 'updatedAt', dir: 'desc' });
    expect(byUpdate.rows.map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it('pages with offset and limit and reports the total', async () => {
    for (const [first, last] of names) await person(first, last);
    const pages: string[] = [];
    for (let offset = 0; offset < names.length; offset += 5) {
      const page = await call('cards.listPersons', { offset, limit: 5 });
      expect(page.total).toBe(13);
      expect(page.rows.length).toBe(Math.min(5, 13 - offset));
      pages.push(...page.rows.map((r) => r.displayName));
    }
    expect(pages).toEqual(turkishOrder);
    const beyond = await call('cards.listPersons', { offset: 100, limit: 5 });
    expect(beyond).toEqual({ total: 13, rows: [] });
    // Total counts the filter, not the page.
    const filtered = await call('cards.listPersons', { q: 'er', limit: 1 });
    expect(filtered.total).toBe(2);
    expect(filtered.rows.map((r) => r.displayName)).toEqual(['Çağla Er']);
  });

  it('filters persons by search text, institution and province', async () => {
    const firm = await institution('Atlas Enerji');
    const other = await institution('Boğaziçi Danışmanlık');
    const a = await person('Kerem', 'Aslan', { addresses: [{ province: 'İstanbul' }] });
    const b = await person('Leyla', 'Aslan', { addresses: [{ province: 'Ankara' }, { province: 'İstanbul' }] });
    const c = await person('Mete', 'Bulut', { addresses: [{ province: 'İzmir' }] });
    await call('cards.link', { personId: a.id, institutionId: firm.id });
    await call('cards.link', { personId: c.id, institutionId: firm.id });
    await call('cards.link', { personId: b.id, institutionId: other.id });

    const ids = async (input: CallInput<'cards.listPersons'>) => {
      const page = await call('cards.listPersons', input);
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((r) => r.id);
    };
    expect(await ids({ q: 'aslan' })).toEqual([a.id, b.id]);
    expect(await ids({ institutionId: firm.id })).toEqual([a.id, c.id]);
    expect(await ids({ institutionId: firm.id, q: 'aslan' })).toEqual([a.id]);
    expect(await ids({ province: 'İstanbul' })).toEqual([a.id, b.id]);
    expect(await ids({ province: 'İzmir' })).toEqual([c.id]);
    expect(await ids({ province: 'İstanbul', institutionId: other.id })).toEqual([b.id]);
    // The row shows the first province given.
    const rows = (await call('cards.listPersons', {})).rows;
    expect(rows.find((r) => r.id === b.id)?.province).toBe('Ankara');
  });

  it('shows the recycle bin with deleted: true, and only there', async () => {
    const a = await person('Nur', 'Ak');
    const b = await person('Nil', 'Su');
    await call('cards.delete', { id: a.id });
    const live = await call('cards.listPersons', {});
    expect(live.rows.map((r) => r.id)).toEqual([b.id]);
    const bin = await call('cards.listPersons', { deleted: true });
    expect(bin.total).toBe(1);
    expect(bin.rows.map((r) => r.id)).toEqual([a.id]);
    expect(bin.rows[0]?.deletedAt).not.toBeNull();
    // Searching inside the recycle bin finds the deleted card (and only there).
    expect((await call('cards.listPersons', { deleted: true, q: 'nur' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await call('cards.listPersons', { deleted: true, q: 'nil' })).rows).toEqual([]);
    expect(await found('nur')).toEqual([]);
    await call('cards.restore', { id: a.id });
    expect((await call('cards.listPersons', { deleted: true })).total).toBe(0);
    expect((await call('cards.listPersons', {})).total).toBe(2);
  });

  it('filters institutions by kind and reports their kinds', async () => {
    const a = await institution('Akdeniz Gıda', { kinds: ['supplier', 'customer', 'customer'] });
    const b = await institution('Bereket Bankası', { kinds: ['bank'] });
    const c = await institution('Çınar Yapı', { kinds: ['customer'] });
    const byKind = async (kind: CallInput<'cards.listInstitutions'>['kind']) =>
      (await call('cards.listInstitutions', { kind })).rows.map((r) => r.id);
    expect(await byKind('customer')).toEqual([a.id, c.id]);
    expect(await byKind('bank')).toEqual([b.id]);
    expect(await byKind('prospect')).toEqual([]);
    const rows = (await call('cards.listInstitutions', {})).rows;
    expect(rows.map((r) => r.displayName)).toEqual(['Akdeniz Gıda', 'Bereket Bankası', 'Çınar Yapı']);
    expect(rows[0]?.kinds).toEqual(['customer', 'supplier']);
    expect((await call('cards.getInstitution', { id: a.id })).kinds).toEqual(['customer', 'supplier']);
  });
});

describe('institution relations', () => {
  it('shows a relation from both sides with its direction', async () => {
    const holding = await institution('Anka Holding');
    const sub = await institution('Anka Enerji');
    const rel = await call('cards.relate', { fromId: holding.id, toId: sub.id, kind: 'parent_of', note: '%100' });
    expect(rel).toMatchObject({
      kind: 'parent_of',
      direction: 'out',
      otherId: sub.id,
      otherTitle: 'Anka Enerji',
      note: '%100',
    });

    const fromSide = await call('cards.getInstitution', { id: holding.id });
    expect(fromSide.relations).toEqual([
      { id: rel.id, kind: 'parent_of', direction: 'out', otherId: sub.id, otherTitle: 'Anka Enerji', note: '%100' },
    ]);
    const toSide = await call('cards.getInstitution', { id: sub.id });
    expect(toSide.relations).toEqual([
      { id: rel.id, kind: 'parent_of', direction: 'in', otherId: holding.id, otherTitle: 'Anka Holding', note: '%100' },
    ]);

    expect((await callError('cards.relate', { fromId: holding.id, toId: sub.id, kind: 'parent_of' })).code).toBe(
      'CONFLICT',
    );
    await call('cards.unrelate', { id: rel.id });
    expect((await call('cards.getInstitution', { id: sub.id })).relations).toEqual([]);
  });

  it('refuses to relate an institution with itself (INVALID_INPUT) and a person (NOT_FOUND)', async () => {
    const firm = await institution('Tek Başına A.Ş.');
    const p = await person('Veli', 'Kurt');
    const self = await callError('cards.relate', { fromId: firm.id, toId: firm.id, kind: 'partner' });
    expect(self.code).toBe('INVALID_INPUT');
    expect((await callError('cards.relate', { fromId: firm.id, toId: p.id, kind: 'partner' })).code).toBe('NOT_FOUND');
    expect(count('select count(*) as n from institution_relations')).toBe(0);
  });
});

describe('audit log', () => {
  it('records create, update, delete and restore with before, after and the user', async () => {
    const p = await person('Tolga', 'Eski', { phones: [{ number: '0532 123 45 67' }] });
    await call('cards.updatePerson', { id: p.id, firstName: 'Tolga', lastName: 'Yeni' });
    await call('cards.delete', { id: p.id });
    await call('cards.restore', { id: p.id });

    const { entries } = await call('audit.list', { entityId: p.id });
    expect(entries.map((e) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    for (const e of entries) {
      expect(e.userId).toBe(currentApp().ctx.userId);
      expect(e.userName).toBe('Yönetici');
      expect(e.entityType).toBe('person');
      expect(e.entityId).toBe(p.id);
    }
    const [restore, del, update, create] = entries as [
      (typeof entries)[number],
      (typeof entries)[number],
      (typeof entries)[number],
      (typeof entries)[number],
    ];
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ id: p.id, lastName: 'Eski', phones: [{ e164: '+905321234567' }] });
    expect(update.before).toMatchObject({ lastName: 'Eski', phones: [{ number: '0532 123 45 67' }] });
    expect(update.after).toMatchObject({ lastName: 'Yeni', phones: [] });
    expect(del.before).toMatchObject({ id: p.id, displayName: 'Tolga Yeni', deletedAt: null });
    expect(restore.before).toMatchObject({ id: p.id, deletedAt: del.at });
    expect(create.at < update.at && update.at < del.at && del.at < restore.at).toBe(true);
  });

  it('records link changes in the history of both cards, with the role before and after', async () => {
    const firm = await institution('Ufuk Danışmanlık');
    const p = await person('Sena', 'Yücel');
    const link = await call('cards.link', { personId: p.id, institutionId: firm.id, role: 'Ortak' });
    await call('cards.updateLink', { id: link.id, role: 'Genel Müdür', isPrimary: true });
    await call('cards.unlink', { id: link.id });
    for (const card of [p, firm]) {
      const { entries } = await call('audit.list', { entityId: card.id });
      expect(entries.map((e) => e.action)).toEqual(['unlink', 'update_link', 'link', 'create']);
      expect(entries.every((e) => e.userId === currentApp().ctx.userId && e.entityType === card.type)).toBe(true);
      expect(entries[2]?.after).toMatchObject({ id: link.id, personId: p.id, institutionId: firm.id, role: 'Ortak' });
      expect(entries[1]?.before).toMatchObject({ role: 'Ortak' });
      expect(entries[1]?.after).toMatchObject({ role: 'Genel Müdür', isPrimary: true });
    }
  });

  it('records institution relations in the history of both institutions', async () => {
    const parent = await institution('Ufuk Holding');
    const child = await institution('Ufuk Gıda');
    const relation = await call('cards.relate', { fromId: parent.id, toId: child.id, kind: 'parent_of' });
    await call('cards.unrelate', { id: relation.id });
    for (const card of [parent, child]) {
      const { entries } = await call('audit.list', { entityId: card.id });
      expect(entries.map((e) => e.action)).toEqual(['unrelate', 'relate', 'create']);
    }
  });

  it('writes no audit row for reads or refused changes', async () => {
    const p = await person('Yasin', 'Öz');
    await call('cards.getPerson', { id: p.id });
    await call('cards.listPersons', {});
    await callError('cards.updatePerson', { id: p.id, firstName: '', lastName: 'Öz' });
    await call('cards.delete', { id: p.id });
    await callError('cards.delete', { id: p.id });
    const { entries } = await call('audit.list', {});
    expect(entries.map((e) => e.action)).toEqual(['delete', 'create']);
  });
});

describe('errors come back as data with stable codes', () => {
  it('unknown method → NOT_FOUND (also for names of Object.prototype)', async () => {
    for (const method of ['cards.nope', 'toString', '__proto__', 'constructor', '']) {
      const err = await callError(method, {});
      expect(err.code, method).toBe('NOT_FOUND');
    }
  });

  it('malformed input → INVALID_INPUT naming the field', async () => {
    const missing = await callError('cards.createPerson', { firstName: 'Ahmet' });
    expect(missing.code).toBe('INVALID_INPUT');
    expect(Object.keys(missing.fields ?? {})).toEqual(['lastName']);
    expect(missing.message).toContain('lastName');

    const blank = await callError('cards.createPerson', { firstName: '   ', lastName: 'Yılmaz' });
    expect(blank.fields).toHaveProperty('firstName');

    const wrongType = await callError('cards.createPerson', { firstName: 'A', lastName: 'B', phones: [{ number: 5 }] });
    expect(wrongType.fields).toHaveProperty(['phones.0.number']);

    const badKind = await callError('cards.listInstitutions', { kind: 'dost' });
    expect(badKind.fields).toHaveProperty('kind');

    const badPage = await callError('cards.listPersons', { limit: 0 });
    expect(badPage.fields).toHaveProperty('limit');

    const badId = await callError('cards.getPerson', { id: 'abc' });
    expect(badId.code).toBe('INVALID_INPUT');
    expect(badId.fields).toHaveProperty('id');
  });

  it('non-object input → INVALID_INPUT, not INTERNAL', async () => {
    for (const input of ['abc', null, 42, true, [], ['a']]) {
      const err = await callError('cards.createPerson', input);
      expect(err.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    for (const input of ['abc', 42, [1]]) {
      expect((await callError('cards.listPersons', input)).code).toBe('INVALID_INPUT');
      expect((await callError('cards.getPerson', input)).code).toBe('INVALID_INPUT');
    }
    expect((await callError('cards.getPerson', null)).code).toBe('INVALID_INPUT');
  });

  it('get of an unknown id, or of a card of the other type → NOT_FOUND', async () => {
    const firm = await institution('Var Olan');
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await callError('cards.getPerson', { id: unknown })).code).toBe('NOT_FOUND');
    expect((await callError('cards.getInstitution', { id: unknown })).code).toBe('NOT_FOUND');
    expect((await callError('cards.getPerson', { id: firm.id })).code).toBe('NOT_FOUND');
    expect((await callError('cards.delete', { id: unknown })).code).toBe('NOT_FOUND');
    expect((await callError('cards.unlink', { id: unknown })).code).toBe('NOT_FOUND');
  });

  it('update of a deleted card → CONFLICT, and the card stays as it was', async () => {
    const p = await person('Fatma', 'Koç');
    await call('cards.delete', { id: p.id });
    const err = await callError('cards.updatePerson', { id: p.id, firstName: 'Fatma', lastName: 'Yılmaz' });
    expect(err.code).toBe('CONFLICT');
    const after = await call('cards.getPerson', { id: p.id });
    expect(after.lastName).toBe('Koç');
    expect(after.deletedAt).not.toBeNull();
    expect((await callError('cards.delete', { id: p.id })).code).toBe('CONFLICT');
    await call('cards.restore', { id: p.id });
    expect((await callError('cards.restore', { id: p.id })).code).toBe('CONFLICT');
  });

  it('emits cards.changed events after a write, none after a refused one', async () => {
    const seen: string[] = [];
    const stop = currentApp().ctx.events.subscribe((e) =>
      seen.push(`${e.name}:${(e.payload as { action: string }).action}`),
    );
    const p = await person('Olcay', 'Bal');
    await callError('cards.updatePerson', { id: p.id, firstName: 'Olcay', lastName: 'Bal', phones: [{ number: 'x' }] });
    await call('cards.delete', { id: p.id });
    stop();
    expect(seen).toEqual(['cards.changed:created', 'cards.changed:deleted']);
  });
});

describe('editing from a stale copy', () => {
  it('refuses an update made from an older version of the card, changing nothing', async () => {
    const p = await person('Derya', 'Aksoy', { phones: [{ kind: 'mobile', number: '05321234567' }] });
    const fields = { firstName: 'Derya', lastName: 'Aksoy', phones: [], emails: [], addresses: [] };
    const newer = await call('cards.updatePerson', {
      id: p.id,
      ...fields,
      notes: 'ilk düzenleme',
      expectedUpdatedAt: p.updatedAt,
    });
    const err = await callError('cards.updatePerson', {
      id: p.id,
      ...fields,
      notes: 'eski pencereden',
      expectedUpdatedAt: p.updatedAt,
    });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('Derya Aksoy');
    expect((await call('cards.getPerson', { id: p.id })).notes).toBe('ilk düzenleme');
    expect((await call('cards.getPerson', { id: p.id })).updatedAt).toBe(newer.updatedAt);
  });
});

describe('symmetric relations', () => {
  it('refuses B–A when A–B already says they are group companies, but allows both directions of supplier_of', async () => {
    const a = await institution('Akdeniz Gıda');
    const b = await institution('Akdeniz Lojistik');
    await call('cards.relate', { fromId: a.id, toId: b.id, kind: 'group_company' });
    expect((await callError('cards.relate', { fromId: b.id, toId: a.id, kind: 'group_company' })).code).toBe(
      'CONFLICT',
    );
    await call('cards.relate', { fromId: a.id, toId: b.id, kind: 'supplier_of' });
    await call('cards.relate', { fromId: b.id, toId: a.id, kind: 'supplier_of' });
    expect((await call('cards.getInstitution', { id: a.id })).relations).toHaveLength(3);
  });
});

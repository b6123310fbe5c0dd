import { describe, expect, it } from 'vitest';
import { headerOf, layoutKey, suggestMapping } from '../../src-main/services/transfer/columns';
import { neutraliseCell } from '../../src-main/services/transfer/export/neutralise';
import { foldLine, vcardOf } from '../../src-main/services/transfer/export/write-vcard';
import type { Institution } from '../../src-shared/contract/cards';
import { detectDelimiter } from '../../src-main/services/transfer/read/csv-records';
import { parseVcard, unfold } from '../../src-main/services/transfer/read/vcard-parse';
import { readGender, readKinds, rowInput, planColumns, unneutralise } from '../../src-main/services/transfer/row-input';
import { importTargets, isImportTarget, parseTarget } from '../../src-shared/contract/transfer';
import { readCriterionCell, readNumber, splitOptions } from '../../src-main/services/transfer/criterion-cells';
import type { FieldRow } from '../../src-main/services/criteria/definitions';

describe('transfer columns', () => {
  it('gives every target a header that is suggested back as the same target', () => {
    for (const cardType of ['person', 'institution'] as const) {
      const targets = importTargets(cardType);
      const headers = targets.map((t) => headerOf(t));
      expect(new Set(headers).size).toBe(headers.length);
      expect(suggestMapping(cardType, headers)).toEqual(targets);
    }
  });

  it('reads a header the same whatever its case, Turkish letters or punctuation', () => {
    expect(
      suggestMapping('person', ['SOYADI', 'soyadi', 'e-posta adresi', 'E-Posta Adresi', 'T.C. KİMLİK NO']),
    ).toEqual([
      'lastName',
      null, // one column per field: the second "Soyadı" is left for the user to decide
      'email.work',
      'email.work',
      'tckn',
    ]);
    expect(suggestMapping('institution', ['Unvan', 'Vergi No', 'Telefon 2'])).toEqual(['title', 'vkn', 'phone.work']);
    expect(suggestMapping('person', ['Unvan'])).toEqual(['honorific']);
  });

  it('keys a layout by its folded headers in order', () => {
    expect(layoutKey(['Ad', 'SOYADI'])).toBe(layoutKey(['ad', 'Soyadı']));
    expect(layoutKey(['Ad', 'Soyadı'])).not.toBe(layoutKey(['Soyadı', 'Ad']));
    expect(layoutKey(['Ad'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('knows which targets exist for which card type', () => {
    expect(isImportTarget('person', 'affiliation.3.role')).toBe(true);
    expect(isImportTarget('institution', 'affiliation.1.role')).toBe(false);
    expect(isImportTarget('person', 'address.work.4.line')).toBe(false);
    expect(isImportTarget('institution', 'vkn')).toBe(true);
    expect(isImportTarget('institution', 'owner')).toBe(true);
    const criterion = 'criteria.01890000-0000-7000-8000-000000000000';
    expect(isImportTarget('person', criterion)).toBe(true);
    expect(parseTarget(criterion)).toEqual({ group: 'criterion', fieldId: '01890000-0000-7000-8000-000000000000' });
    expect(isImportTarget('person', 'criteria.beden')).toBe(false);
  });

  it('recognises criteria columns by "Kategori › Alan", or by a field name no other field has', () => {
    const criteria = [
      { target: 'criteria.a', fieldId: 'a', header: 'Kıyafet › Beden', name: 'Beden' },
      { target: 'criteria.b', fieldId: 'b', header: 'Satış › Not', name: 'Not' },
      { target: 'criteria.c', fieldId: 'c', header: 'Ziyaret › Not', name: 'Not' },
      { target: 'criteria.d', fieldId: 'd', header: 'Kart › Kaynak', name: 'Kaynak' },
    ];
    expect(
      suggestMapping('person', ['KIYAFET > BEDEN', 'beden', 'Not', 'Ziyaret › Not', 'Kaynak', 'Sorumlu'], criteria),
    ).toEqual([
      'criteria.a',
      null, // the field has its column already
      'notes', // the card's own "Notlar" wins over two criteria fields named "Not"
      'criteria.c',
      'source',
      'owner',
    ]);
  });
});

describe('transfer cells', () => {
  it('neutralises formulas but leaves phone numbers and plain text alone, and reading undoes it', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('@SUM(1)')).toBe(`'@SUM(1)`);
    expect(neutraliseCell('-2+3+cmd|calc')).toBe(`'-2+3+cmd|calc`);
    expect(neutraliseCell('\tx')).toBe(`'\tx`);
    expect(neutraliseCell('+90 532 123 45 67')).toBe('+90 532 123 45 67');
    expect(neutraliseCell('Şükrü')).toBe('Şükrü');
    expect(unneutralise(neutraliseCell('=1+2'))).toBe('=1+2');
    expect(unneutralise("'quoted")).toBe("'quoted");
  });

  it('reads kinds and genders as office files write them', () => {
    expect(readKinds('Müşteri, TEDARİKÇİ; grup şirketi')).toEqual(['customer', 'supplier', 'group_company']);
    expect(readKinds('bank|prospect|tür yok')).toEqual(['bank', 'prospect', 'tür yok']);
    expect(['K', 'Kadın', 'female', 'E', 'ERKEK', 'M', 'belki'].map(readGender)).toEqual([
      'female',
      'female',
      'female',
      'male',
      'male',
      'male',
      'belki',
    ]);
  });

  it('splits a full name at the last space and points errors at their column', () => {
    const plan = planColumns(['fullName', 'phone.mobile', 'phone.mobile', 'address.home.1.province']);
    const built = rowInput(plan, ['Ahmet Can Yılmaz', '0532 1 ::: 0533 2', '', 'İzmir']);
    expect(built.fields).toMatchObject({
      firstName: 'Ahmet Can',
      lastName: 'Yılmaz',
      phones: [
        { kind: 'mobile', number: '0532 1' },
        { kind: 'mobile', number: '0533 2' },
      ],
      addresses: [{ kind: 'home', province: 'İzmir' }],
    });
    expect(built.sources.get('phones.1')).toBe(1);
    expect(built.sources.get('addresses.0.province')).toBe(3);
  });

  it('finds the separator of the header line outside quotes', () => {
    expect(detectDelimiter('Ad;Soyad;"Not, uzun"\r\na,b,c,d,e')).toBe(';');
    expect(detectDelimiter('First Name,Last Name,"E-mail; work"\n')).toBe(',');
    expect(detectDelimiter('Ad\tSoyad\n')).toBe('\t');
    expect(detectDelimiter('Ad')).toBe(',');
  });
});

describe('transfer criteria cells', () => {
  const field = (kind: FieldRow['kind'], options: string[] = []): FieldRow => ({
    id: 'f',
    categoryId: 'c',
    name: 'Alan',
    kind,
    options,
    position: 0,
  });

  it('reads numbers as Turkish and English sheets write them, and nothing else', () => {
    expect(['1234,5', '1.234,5', '1.234.567', '1234.5', '-3', '+7', '1e-7', ' 12 '].map(readNumber)).toEqual([
      1234.5, 1234.5, 1234567, 1234.5, -3, 7, 1e-7, 12,
    ]);
    expect(['çok', '1,2,3', '12a', '', '1.2.3'].map(readNumber)).toEqual([null, null, null, null, null]);
  });

  it('splits many_of cells on , and ; keeping options that hold a comma whole', () => {
    const options = ['Golf', 'Yelken, kürek', 'Işık sanatı'];
    expect(splitOptions('golf; YELKEN, KÜREK,ışık sanatı', options)).toEqual(['golf', 'YELKEN, KÜREK', 'ışık sanatı']);
    expect(splitOptions('Yelken;Golf', options)).toEqual(['Yelken', 'Golf']);
    expect(splitOptions(' , ;', options)).toEqual([]);
  });

  it('reads yes/no in Turkish and English, dates as typed in Turkey, and leaves the rest for the rules', () => {
    const yesNo = ['Evet', 'HAYIR', 'E', 'h', 'Yes', 'no', '1', '0', 'true', 'FALSE', 'DOĞRU', 'belki'];
    expect(yesNo.map((t) => readCriterionCell(field('yes_no'), t))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      'belki',
    ]);
    expect(readCriterionCell(field('date'), '5.6.2026')).toBe('2026-06-05');
    expect(readCriterionCell(field('date'), '31.02.2026')).toBe('31.02.2026');
    expect(readCriterionCell(field('number'), 'çok')).toBe('çok');
    expect(readCriterionCell(field('many_of', ['A', 'B']), 'a;b')).toEqual(['a', 'b']);
    expect(readCriterionCell(field('text'), '=1+2')).toBe('=1+2');
  });
});

describe('transfer vCard text', () => {
  it('unfolds continuation lines and 2.1 quoted-printable soft breaks, dropping photos', () => {
    expect(
      unfold(['FN:Uzun', '  ad', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=', 'b', 'PHOTO;BASE64:xxx', ' yyy', '', 'TEL:1']),
    ).toEqual(['FN:Uzun ad', 'NOTE;ENCODING=QUOTED-PRINTABLE:ab', 'TEL:1']);
  });

  it('decodes 2.1 bare parameters and charsets', () => {
    const card = parseVcard([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-9;ENCODING=QUOTED-PRINTABLE:=DEzen;=DDlker',
      'TEL;WORK;FAX:123',
      'END:VCARD',
    ]);
    expect(card.properties).toEqual([
      { name: 'VERSION', types: [], components: ['2.1'] },
      { name: 'N', types: [], components: ['Şzen', 'İlker'] },
      { name: 'TEL', types: ['WORK', 'FAX'], components: ['123'] },
    ]);
  });

  it('escapes every kind of line break in a value, a lone carriage return too', () => {
    const card = {
      id: '01900000-0000-7000-8000-000000000001',
      type: 'institution',
      title: 'Eski\rUnvan',
      kinds: [],
      emailDomains: [],
      phones: [],
      emails: [],
      addresses: [],
      ibans: [],
      notes: 'Bir\rİki\r\nÜç\nDört',
    } as unknown as Institution;
    const text = vcardOf(card);
    expect(text).toContain('\r\nNOTE:Bir\\nİki\\nÜç\\nDört\r\n');
    expect(text).toContain('\r\nFN:Eski\\nUnvan\r\n');
    // Only the line ends of the vCard itself are left: a stray CR would start a new property in a reader.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds long lines at 75 bytes without cutting a Turkish letter', () => {
    const line = 'NOTE:' + 'ş'.repeat(100);
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

import { createHash } from 'node:crypto';
import type { CardType } from '../../../src-shared/contract/cards';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import {
  importTargets,
  isRepeatableTarget,
  parseTarget,
  type AddressPart,
  type ImportTarget,
} from '../../../src-shared/contract/transfer';

/**
 * Column headers of the files Kartotek writes, and the headers it recognises
 * when reading: its own (so an export reads back without any mapping work),
 * Outlook's and Google's contact exports in English and Turkish, and what
 * office spreadsheets usually call the columns. Headers are a file format, so
 * they are Turkish whatever the UI language (the file is for Turkish Excel).
 */

const SCALAR_HEADERS: Record<string, string> = {
  honorific: 'Hitap',
  firstName: 'Ad',
  middleName: 'İkinci ad',
  lastName: 'Soyad',
  fullName: 'Ad soyad',
  gender: 'Cinsiyet',
  birthDate: 'Doğum tarihi',
  tckn: 'T.C. Kimlik No',
  title: 'Unvan',
  shortName: 'Kısa ad',
  kinds: 'Türler',
  sector: 'Sektör',
  taxOffice: 'Vergi dairesi',
  vkn: 'VKN',
  tradeRegistryNo: 'Ticaret sicil no',
  website: 'Web sitesi',
  emailDomains: 'E-posta alan adları',
  source: 'Kaynak',
  notes: 'Notlar',
};
const PHONE_HEADERS = {
  mobile: 'Cep telefonu',
  work: 'İş telefonu',
  home: 'Ev telefonu',
  fax: 'Faks',
  other: 'Diğer telefon',
};
const EMAIL_HEADERS = { work: 'E-posta (iş)', personal: 'E-posta (kişisel)', other: 'E-posta (diğer)' };
const ADDRESS_HEADERS = {
  work: 'İş adresi',
  home: 'Ev adresi',
  billing: 'Fatura adresi',
  shipping: 'Sevk adresi',
  other: 'Diğer adres',
};
const ADDRESS_PART_SUFFIX: Record<AddressPart, string> = {
  line: '',
  district: ' ilçe',
  province: ' il',
  postalCode: ' posta kodu',
  country: ' ülke',
};
const AFFILIATION_HEADERS = { institution: 'Kurum', role: 'Görev', department: 'Bölüm' };
const OWNER_HEADER = 'Sorumlu';
const TAGS_HEADER = 'Etiketler';

/** A live criteria field as the transfer sees it: its target and its column header. */
export interface CriterionColumn {
  target: string;
  fieldId: string;
  /** "Kategori › Alan", as the card's history names the field too. */
  header: string;
  name: string;
}

export const criterionHeader = (categoryName: string, fieldName: string) => `${categoryName} › ${fieldName}`;

const numbered = (label: string, n: number) => (n > 1 ? `${label} ${n}` : label);

/**
 * The header of a target's column; `repeat` numbers the 2nd, 3rd … column of
 * a repeatable target (Cep telefonu, Cep telefonu 2). A criteria field's header
 * needs its names from the database (CriterionColumn); here it is the target.
 */
export function headerOf(target: string, repeat = 1): string {
  const t: ImportTarget = parseTarget(target);
  switch (t.group) {
    case 'scalar':
      return numbered(SCALAR_HEADERS[t.field] ?? t.field, repeat);
    case 'phone':
      return numbered(PHONE_HEADERS[t.kind], repeat);
    case 'email':
      return numbered(EMAIL_HEADERS[t.kind], repeat);
    case 'address':
      return numbered(ADDRESS_HEADERS[t.kind], t.slot) + ADDRESS_PART_SUFFIX[t.part];
    case 'iban':
      return numbered('IBAN', t.slot) + (t.part === 'bankName' ? ' banka' : '');
    case 'affiliation':
      return numbered(AFFILIATION_HEADERS[t.part], t.slot);
    case 'owner':
      return OWNER_HEADER;
    case 'tags':
      return numbered(TAGS_HEADER, repeat);
    case 'criterion':
      return target;
  }
}

/** Headers compared without case, Turkish letters, punctuation or extra spaces: "E-Posta Adresi" = "e posta adresi". */
export const normaliseHeader = (header: string) =>
  foldForSearch(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const COMMON_ALIASES: Record<string, string[]> = {
  source: ['kaynak', 'source', 'referans'],
  notes: ['not', 'notlar', 'notes', 'note', 'açıklama', 'açıklamalar'],
  'phone.mobile': [
    'cep',
    'cep tel',
    'cep no',
    'gsm',
    'gsm no',
    'mobil',
    'mobile',
    'mobile phone',
    'cell',
    'cell phone',
    'phone 1 value',
  ],
  'phone.work': [
    'telefon',
    'tel',
    'tel no',
    'telefon no',
    'telefon numarası',
    'phone',
    'work phone',
    'business phone',
    'business phone 2',
    'company main phone',
    'primary phone',
    'iş telefonu 2',
    'iş tel',
    'sabit telefon',
  ],
  'phone.home': ['ev tel', 'home phone', 'home phone 2', 'ev telefonu 2'],
  'phone.fax': ['faks no', 'fax', 'fax number', 'business fax', 'home fax', 'iş faksı', 'ev faksı'],
  'phone.other': ['other phone', 'car phone', 'pager', 'araç telefonu', 'phone 2 value', 'phone 3 value'],
  'email.work': [
    'e-posta',
    'eposta',
    'e-posta adresi',
    'email',
    'e-mail',
    'mail',
    'mail adresi',
    'email address',
    'e-mail address',
    'e-mail 1 value',
    'iş e-postası',
    'work email',
  ],
  'email.personal': ['kişisel e-posta', 'özel e-posta', 'personal email', 'home email'],
  'email.other': [
    'e-mail 2 address',
    'e-mail 3 address',
    'e-posta 2 adresi',
    'e-posta 3 adresi',
    'e-mail 2 value',
    'e-mail 3 value',
    'diğer e-posta',
    'other email',
  ],
  'address.work.1.line': [
    'adres',
    'address',
    'açık adres',
    'business street',
    'iş adresi cadde',
    'address 1 street',
    'address 1 formatted',
    'street',
    'cadde',
  ],
  'address.work.1.district': ['ilçe', 'district', 'semt'],
  'address.work.1.province': ['il', 'şehir', 'city', 'province', 'business city', 'iş adresi şehir', 'address 1 city'],
  'address.work.1.postalCode': [
    'posta kodu',
    'postal code',
    'zip',
    'zip code',
    'business postal code',
    'iş adresi posta kodu',
    'address 1 postal code',
  ],
  'address.work.1.country': [
    'ülke',
    'country',
    'business country',
    'business country/region',
    'iş adresi ülke/bölge',
    'address 1 country',
  ],
  'address.home.1.line': ['home street', 'ev adresi cadde'],
  'address.home.1.province': ['home city', 'ev adresi şehir'],
  'address.home.1.postalCode': ['home postal code', 'ev adresi posta kodu'],
  'address.home.1.country': ['home country/region', 'ev adresi ülke/bölge'],
  'address.other.1.line': ['other street', 'diğer adres cadde'],
  'address.other.1.province': ['other city', 'diğer adres şehir'],
  'address.other.1.postalCode': ['other postal code', 'diğer adres posta kodu'],
  'address.other.1.country': ['other country/region', 'diğer adres ülke/bölge'],
  'iban.1.iban': ['iban', 'iban no'],
  'iban.1.bankName': ['banka', 'banka adı', 'bank', 'bank name'],
  owner: ['sorumlusu', 'kart sorumlusu', 'müşteri temsilcisi', 'temsilci', 'owner', 'account owner'],
  tags: ['etiket', 'tag', 'tags'],
};

const PERSON_ALIASES: Record<string, string[]> = {
  honorific: ['hitap', 'ön ek', 'önek', 'title', 'unvan', 'name prefix', 'prefix'],
  firstName: ['adı', 'isim', 'first name', 'given name', 'ilk ad'],
  middleName: ['middle name', 'additional name', 'göbek adı'],
  lastName: ['soyadı', 'soyisim', 'last name', 'family name', 'surname'],
  fullName: [
    'adı soyadı',
    'ad soyadı',
    'isim soyisim',
    'adsoyad',
    'name',
    'full name',
    'display name',
    'kişi',
    'kişi adı',
    'yetkili',
    'yetkili kişi',
  ],
  gender: ['gender', 'sex'],
  birthDate: ['doğum günü', 'birthday', 'birth date', 'date of birth'],
  tckn: ['tckn', 'tc', 'tc no', 'tc kimlik', 'tc kimlik no', 'kimlik no', 'tc kimlik numarası', 'kimlik numarası'],
  'affiliation.1.institution': [
    'kurum adı',
    'şirket',
    'şirket adı',
    'firma',
    'firma adı',
    'company',
    'company name',
    'organization',
    'organization name',
    'organization 1 name',
    'işyeri',
  ],
  'affiliation.1.role': [
    'görevi',
    'pozisyon',
    'rol',
    'iş unvanı',
    'job title',
    'organization title',
    'organization 1 title',
    'position',
    'role',
  ],
  'affiliation.1.department': [
    'departman',
    'department',
    'organization department',
    'organization 1 department',
    'birim',
  ],
};

const INSTITUTION_ALIASES: Record<string, string[]> = {
  title: [
    'ünvan',
    'ticari unvan',
    'firma',
    'firma adı',
    'firma unvanı',
    'şirket',
    'şirket adı',
    'şirket unvanı',
    'kurum',
    'kurum adı',
    'company',
    'company name',
    'organization',
    'organization name',
    'organization 1 name',
    'name',
    'title',
    'müşteri',
    'müşteri adı',
    'cari adı',
    'cari unvan',
  ],
  shortName: ['kısa adı', 'short name', 'kısaltma'],
  kinds: ['tür', 'türü', 'kurum türü', 'tip', 'kinds', 'type'],
  sector: ['sector', 'industry', 'faaliyet alanı'],
  taxOffice: ['vd', 'tax office'],
  vkn: ['vergi no', 'vergi numarası', 'vergi kimlik no', 'vergi kimlik numarası', 'tax number', 'tax id', 'vat number'],
  tradeRegistryNo: ['ticaret sicil numarası', 'sicil no', 'trade registry no'],
  website: [
    'web',
    'web sayfası',
    'internet sitesi',
    'website',
    'web page',
    'url',
    'web address',
    'web adresi',
    'internet adresi',
  ],
  emailDomains: ['alan adı', 'alan adları', 'mail domains', 'email domains', 'domain', 'domains'],
};

/** Repeatable targets are recognised with a number after them too (Cep telefonu 7). */
const MAX_NUMBERED = 10;

function buildDictionary(cardType: CardType): Map<string, string> {
  const dictionary = new Map<string, string>();
  const add = (header: string, target: string) => {
    const key = normaliseHeader(header);
    if (!dictionary.has(key)) dictionary.set(key, target);
  };
  for (const target of importTargets(cardType)) {
    const repeats = isRepeatableTarget(target) ? MAX_NUMBERED : 1;
    for (let n = 1; n <= repeats; n++) add(headerOf(target, n), target);
  }
  const aliases = cardType === 'person' ? PERSON_ALIASES : INSTITUTION_ALIASES;
  for (const table of [aliases, COMMON_ALIASES]) {
    for (const [target, headers] of Object.entries(table)) for (const h of headers) add(h, target);
  }
  return dictionary;
}

const DICTIONARIES: Record<CardType, Map<string, string>> = {
  person: buildDictionary('person'),
  institution: buildDictionary('institution'),
};

/**
 * Headers of the live criteria fields: "Kategori › Alan" as Kartotek writes it,
 * and the field's name alone when no other field has that name.
 */
function criteriaDictionary(criteria: readonly CriterionColumn[]): Map<string, string> {
  const dictionary = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const c of criteria) {
    dictionary.set(normaliseHeader(c.header), c.target);
    const name = normaliseHeader(c.name);
    byName.set(name, [...(byName.get(name) ?? []), c.target]);
  }
  for (const [name, targets] of byName) {
    if (targets.length === 1 && !dictionary.has(name)) dictionary.set(name, targets[0]!);
  }
  return dictionary;
}

/** The likely target of one header, or null; the card's own fields win over a criteria field's bare name. */
export function suggestTarget(
  cardType: CardType,
  header: string,
  criteria: ReadonlyMap<string, string> = new Map(),
): string | null {
  const dictionary = DICTIONARIES[cardType];
  const key = normaliseHeader(header);
  const exact = dictionary.get(key) ?? criteria.get(key);
  if (exact) return exact;
  // "Telefon 2", "E-posta 3": a numbered copy of a repeatable column.
  const base = key.replace(/ \d+$/, '');
  const target = base !== key ? dictionary.get(base) : undefined;
  return target && isRepeatableTarget(target) ? target : null;
}

/** A mapping for a whole header row: each target once, except phones, e-mails, notes and tags. */
export function suggestMapping(
  cardType: CardType,
  headers: readonly string[],
  criteria: readonly CriterionColumn[] = [],
): (string | null)[] {
  const used = new Set<string>();
  const criteriaHeaders = criteriaDictionary(criteria);
  return headers.map((header) => {
    const target = suggestTarget(cardType, header, criteriaHeaders);
    if (!target) return null;
    if (!isRepeatableTarget(target)) {
      if (used.has(target)) return null;
      used.add(target);
    }
    return target;
  });
}

/** The key a file layout is remembered by: SHA-256 of its folded headers in order. */
export function layoutKey(headers: readonly string[]): string {
  return createHash('sha256')
    .update(headers.map((h) => foldForSearch(h)).join('\u001f'))
    .digest('hex');
}

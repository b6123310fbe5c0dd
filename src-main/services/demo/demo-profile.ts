/**
 * Profile lists for the demo persons: hobbies, memberships, schools, languages,
 * some relatives among them and a few body-measurement histories. Written
 * through the profile services' insert functions (the same checks and audit
 * rows as a user's input) with one search-text refresh per person, which keeps
 * the whole demo fast. Its own random stream, so the persons' plan stays as it
 * was whatever this file does.
 */
import type { Db } from '../../db/connection';
import type { PersonFields } from '../../../src-shared/contract/cards';
import {
  associationFields,
  hobbyFields,
  languageFields,
  measurementFields,
  schoolFields,
  type LanguageLevel,
  type RelativeKind,
} from '../../../src-shared/contract/profile';
import type { CardStamp } from '../cards/card-rows';
import { refreshCardIndexes } from '../cards/card-index';
import { insertItem, type ItemFields } from '../profile/items';
import { insertMeasurement } from '../profile/measurements';
import { insertRelative } from '../profile/relatives';
import { Random } from './random';

// prettier-ignore
const HOBBIES = [
  'Satranç', 'Yelken', 'Golf', 'Tenis', 'Fotoğrafçılık', 'Bahçecilik', 'Balık tutma', 'Koşu', 'Yüzme',
  'Bisiklet', 'Dağcılık', 'Doğa yürüyüşü', 'Kitap okuma', 'Seyahat', 'Yemek yapma', 'Ebru', 'Hat sanatı',
  'Seramik', 'Resim', 'Piyano', 'Bağlama', 'Gitar', 'Tiyatro', 'Sinema', 'Briç', 'Tavla', 'Yoga', 'Pilates',
  'Kayak', 'Dalış', 'Binicilik', 'Antika', 'Pul koleksiyonu', 'Kuş gözlemciliği', 'Futbol', 'Basketbol',
  'Voleybol', 'Okçuluk', 'Koro', 'Bulmaca',
] as const;

/** Real associations, chambers and foundations; `open` ones take anyone (no employer or profession needed). */
// prettier-ignore
const ASSOCIATIONS = [
  'Rotary Kulübü', 'Lions Kulübü', 'TÜSİAD', 'MÜSİAD', 'TÜRKONFED', 'KAGİDER', 'İstanbul Sanayi Odası',
  'İstanbul Ticaret Odası', 'Ankara Sanayi Odası', 'İzmir Ticaret Odası', 'Türk Eğitim Vakfı', 'TEMA Vakfı',
  'Darüşşafaka Cemiyeti', 'Türk Kızılay', 'Makina Mühendisleri Odası', 'Mimarlar Odası',
  'Türkiye Muhasebe Uzmanları Derneği', 'Genç Başarı Eğitim Vakfı', 'Fenerbahçe Spor Kulübü',
  'Galatasaray Spor Kulübü', 'Beşiktaş Jimnastik Kulübü', 'Mülkiyeliler Birliği',
] as const;

const MEMBERSHIP_ROLES: (readonly [string, number])[] = [
  ['Üye', 12],
  ['Yönetim Kurulu Üyesi', 3],
  ['Denetim Kurulu Üyesi', 1],
  ['Başkan Yardımcısı', 1],
  ['Sayman', 1],
  ['Genel Sekreter', 1],
  ['Başkan', 0.5],
  ['Gönüllü', 2],
];

/** Real universities, with the first year they could have given this person a degree. */
const UNIVERSITIES: readonly { name: string; since: number; technical?: boolean }[] = [
  { name: 'Boğaziçi Üniversitesi', since: 1900 },
  { name: 'Orta Doğu Teknik Üniversitesi', since: 1960, technical: true },
  { name: 'İstanbul Teknik Üniversitesi', since: 1900, technical: true },
  { name: 'İstanbul Üniversitesi', since: 1900 },
  { name: 'Ankara Üniversitesi', since: 1950 },
  { name: 'Hacettepe Üniversitesi', since: 1970 },
  { name: 'Ege Üniversitesi', since: 1960 },
  { name: 'Dokuz Eylül Üniversitesi', since: 1986 },
  { name: 'Marmara Üniversitesi', since: 1986 },
  { name: 'Yıldız Teknik Üniversitesi', since: 1975, technical: true },
  { name: 'Gazi Üniversitesi', since: 1986 },
  { name: 'Bilkent Üniversitesi', since: 1990 },
  { name: 'Koç Üniversitesi', since: 1997 },
  { name: 'Sabancı Üniversitesi', since: 2003 },
  { name: 'Galatasaray Üniversitesi', since: 1996 },
  { name: 'Anadolu Üniversitesi', since: 1986 },
  { name: 'Bursa Uludağ Üniversitesi', since: 1980 },
  { name: 'Çukurova Üniversitesi', since: 1977 },
  { name: 'Karadeniz Teknik Üniversitesi', since: 1960, technical: true },
  { name: 'Yeditepe Üniversitesi', since: 2000 },
];

// prettier-ignore
const DEPARTMENTS = [
  'İşletme', 'İktisat', 'Hukuk', 'Uluslararası İlişkiler', 'Kamu Yönetimi', 'Maliye', 'Psikoloji',
  'İstatistik', 'Halkla İlişkiler', 'Makine Mühendisliği', 'Endüstri Mühendisliği', 'Bilgisayar Mühendisliği',
  'Kimya Mühendisliği', 'İnşaat Mühendisliği', 'Mimarlık', 'Elektrik-Elektronik Mühendisliği',
] as const;
// prettier-ignore
const TECHNICAL_DEPARTMENTS = [
  'Makine Mühendisliği', 'Endüstri Mühendisliği', 'Bilgisayar Mühendisliği', 'Kimya Mühendisliği',
  'İnşaat Mühendisliği', 'Mimarlık', 'Elektrik-Elektronik Mühendisliği', 'İşletme Mühendisliği',
] as const;
const MASTERS = ['İşletme (MBA)', 'Finans (Yüksek Lisans)', 'Mühendislik Yönetimi (Yüksek Lisans)'] as const;
// prettier-ignore
const HIGH_SCHOOLS = [
  'Galatasaray Lisesi', 'İstanbul Erkek Lisesi', 'Kabataş Erkek Lisesi', 'Ankara Fen Lisesi', 'İzmir Fen Lisesi',
  'Robert Kolej', 'Cağaloğlu Anadolu Lisesi', 'Ankara Atatürk Lisesi', 'Bornova Anadolu Lisesi',
] as const;

const FOREIGN_LANGUAGES: (readonly [string, number])[] = [
  ['İngilizce', 20],
  ['Almanca', 5],
  ['Fransızca', 3],
  ['Arapça', 2],
  ['Rusça', 2],
  ['İspanyolca', 1.5],
  ['İtalyanca', 1],
  ['Japonca', 0.5],
  ['Çince', 0.5],
];
const LEVELS: (readonly [LanguageLevel, number])[] = [
  ['A1', 1],
  ['A2', 2],
  ['B1', 4],
  ['B2', 4],
  ['C1', 3],
  ['C2', 1],
];
/** Second mother tongues of families from the Balkans, Germany, the Caucasus, the south-east. */
const SECOND_MOTHER_TONGUES = ['Almanca', 'Boşnakça', 'Arnavutça', 'Kürtçe', 'Arapça', 'Gürcüce'] as const;

const SHARE_WITH_PROFILE = 0.4;
/** About one relative link per this many persons. */
const PERSONS_PER_RELATIVE_LINK = 40;
/** The demo's dates lie before this year, so none of them is in the future. */
const DEMO_YEAR = 2025;

export interface DemoPersonRef {
  id: string;
  fields: PersonFields;
}

const birthYear = (p: PersonFields) => (p.birthDate ? Number(p.birthDate.slice(0, 4)) : undefined);
const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (rng: Random, year: number) => `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;

/** Items of the simple lists for one person, parsed by the contract's schemas like a user's input. */
function planItems(rng: Random, person: PersonFields): ItemFields[] {
  const items: ItemFields[] = [];
  const born = birthYear(person);

  if (rng.chance(0.65)) {
    for (const name of rng.sample(HOBBIES, rng.int(1, 3)))
      items.push({ list: 'hobby', ...hobbyFields.parse({ name }) });
  }

  if (rng.chance(0.35)) {
    for (const name of rng.sample(
      ASSOCIATIONS,
      rng.weighted([
        [1, 6],
        [2, 2],
        [3, 1],
      ] as const),
    )) {
      const from = rng.int(Math.min(Math.max((born ?? 1975) + 23, 1990), DEMO_YEAR), DEMO_YEAR);
      const until = rng.chance(0.25) && from < DEMO_YEAR ? rng.int(from + 1, DEMO_YEAR) : undefined;
      items.push({
        list: 'association',
        ...associationFields.parse({
          name,
          detail: rng.weighted(MEMBERSHIP_ROLES),
          startDate: dateIn(rng, from),
          endDate: until ? dateIn(rng, until) : undefined,
        }),
      });
    }
  }

  if (rng.chance(0.55)) {
    // Without a birth date the school is still known, its year not.
    if (born && rng.chance(0.15)) {
      items.push({ list: 'school', ...schoolFields.parse({ name: rng.pick(HIGH_SCHOOLS), year: born + 18 }) });
    }
    const year = born ? born + rng.int(22, 24) : undefined;
    const fits = UNIVERSITIES.filter((u) => year === undefined || u.since <= year);
    const university = rng.pick(fits);
    const department = rng.pick(university.technical ? TECHNICAL_DEPARTMENTS : DEPARTMENTS);
    items.push({ list: 'school', ...schoolFields.parse({ name: university.name, detail: department, year }) });
    const masters = year && year + rng.int(2, 5);
    if (masters && masters <= DEMO_YEAR && rng.chance(0.2)) {
      const where = rng.pick(UNIVERSITIES.filter((u) => u.since <= masters));
      items.push({
        list: 'school',
        ...schoolFields.parse({ name: where.name, detail: rng.pick(MASTERS), year: masters }),
      });
    }
  }

  if (rng.chance(0.55)) {
    if (rng.chance(0.06)) {
      items.push({
        list: 'language',
        ...languageFields.parse({ name: rng.pick(SECOND_MOTHER_TONGUES), detail: 'native' }),
      });
    }
    const count = rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const);
    const names = new Set<string>();
    while (names.size < count) names.add(rng.weighted(FOREIGN_LANGUAGES));
    for (const name of names) {
      // A language learnt is not always one whose level was ever tested.
      const detail = rng.chance(0.85) ? rng.weighted(LEVELS) : undefined;
      if (!items.some((i) => i.list === 'language' && i.name === name))
        items.push({ list: 'language', ...languageFields.parse({ name, detail }) });
    }
  }
  return items;
}

const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'] as const;

/** One to three dated measurements a few years apart, sizes following height and weight. */
function planMeasurements(rng: Random, person: PersonFields) {
  const female = person.gender === 'female';
  const height = female ? rng.int(152, 178) : rng.int(164, 193);
  let weight = Math.round(rng.int(20, 30) * (height / 100) ** 2);
  const count = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 1],
  ] as const);
  let year = DEMO_YEAR - rng.int(0, 2) - (count - 1) * 2;
  const out = [];
  for (let i = 0; i < count; i++) {
    const bmi = weight / (height / 100) ** 2;
    const letter = Math.min(LETTER_SIZES.length - 1, Math.max(0, Math.round((bmi - 18) / 2.5) - (female ? 1 : 0)));
    const trouser = female ? 34 + 2 * Math.round((bmi - 17) / 2) : 44 + 2 * Math.round((bmi - 19) / 2);
    out.push(
      measurementFields.parse({
        measuredOn: dateIn(rng, year),
        heightCm: height,
        weightKg: weight,
        shirtSize: LETTER_SIZES[letter],
        trouserSize: String(trouser),
        jacketSize: rng.chance(0.7) ? String(trouser + (female ? 0 : 2)) : undefined,
        shoeSize: String(female ? rng.int(36, 40) : rng.int(40, 46)),
        note: i === count - 1 && rng.chance(0.3) ? 'Yeni dönem iş kıyafeti için' : undefined,
      }),
    );
    year += 2;
    weight = Math.max(45, weight + rng.int(-3, 5));
  }
  return out;
}

/**
 * What `b` is to `a`, judged from their birth dates and genders as a family would
 * be: a generation apart is parent and child, the same generation spouses
 * (a man and a woman) or siblings. Without birth dates: cousins ("other").
 */
function relationOf(rng: Random, a: PersonFields, b: PersonFields): { relation: RelativeKind; note?: string } | null {
  const ay = birthYear(a);
  const by = birthYear(b);
  if (ay === undefined || by === undefined) return { relation: 'other', note: 'Kuzen' };
  const gap = by - ay;
  if (Math.abs(gap) >= 20 && Math.abs(gap) <= 40) return { relation: gap < 0 ? 'parent' : 'child' };
  if (Math.abs(gap) > 12) return null;
  const couple = a.gender && b.gender && a.gender !== b.gender;
  return { relation: couple && rng.chance(0.6) ? 'spouse' : 'sibling' };
}

/** Pairs of persons sharing a surname, as family would. */
function planRelatives(rng: Random, persons: readonly DemoPersonRef[]) {
  const bySurname = new Map<string, DemoPersonRef[]>();
  for (const p of persons) {
    const family = bySurname.get(p.fields.lastName);
    if (family) family.push(p);
    else bySurname.set(p.fields.lastName, [p]);
  }
  const wanted = Math.floor(persons.length / PERSONS_PER_RELATIVE_LINK);
  const paired = new Set<string>();
  const links: { personId: string; relativeId: string; relation: RelativeKind; note?: string }[] = [];
  for (let attempt = 0; attempt < wanted * 5 && links.length < wanted; attempt++) {
    const a = rng.pick(persons);
    const family = bySurname.get(a.fields.lastName)!;
    const b = rng.pick(family);
    const key = [a.id, b.id].sort().join('|');
    if (a.id === b.id || paired.has(key)) continue;
    const relation = relationOf(rng, a.fields, b.fields);
    if (!relation) continue;
    paired.add(key);
    links.push({ personId: a.id, relativeId: b.id, ...relation });
  }
  return links;
}

export interface DemoProfileCounts {
  items: number;
  relatives: number;
  measurements: number;
}

/**
 * Fills the profile lists of about 40% of the demo persons (`persons[i]` was
 * written as `ids[i]`); inside fillDemo's transaction.
 */
export function fillDemoProfiles(
  db: Db,
  stamp: CardStamp,
  seed: number,
  planned: readonly { fields: PersonFields }[],
  ids: readonly string[],
): DemoProfileCounts {
  const persons: DemoPersonRef[] = planned.map((p, i) => ({ id: ids[i]!, fields: p.fields }));
  const rng = new Random(seed ^ 0x5eed_f11e);
  const counts = { items: 0, relatives: 0, measurements: 0 };
  for (const person of persons) {
    if (!rng.chance(SHARE_WITH_PROFILE)) continue;
    const items = planItems(rng, person.fields);
    for (const item of items) insertItem(db, person.id, item, stamp);
    if (items.length) refreshCardIndexes(db, person.id);
    counts.items += items.length;
    if (rng.chance(0.25)) {
      for (const m of planMeasurements(rng, person.fields)) {
        insertMeasurement(db, person.id, m, stamp);
        counts.measurements++;
      }
    }
  }
  for (const link of planRelatives(rng, persons)) {
    insertRelative(db, link, stamp);
    counts.relatives++;
  }
  return counts;
}

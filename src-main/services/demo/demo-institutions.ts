/**
 * Plans the demo institutions and the relations between them as plain data
 * (no database): banks, holdings with their group companies, associations and
 * ordinary firms of every kind. Same seed, same plan.
 */
import { demoVkn } from './demo-identifiers';
import type { InstitutionFields, InstitutionKind, RelationKind } from '../../../src-shared/contract/cards';
import { turkishLowerCase } from '../../../src-shared/domain/turkish-text';
import {
  BANK_NAMES,
  HOLDING_STEMS,
  INSTITUTION_NOTES,
  LEGAL_SUFFIXES,
  NAME_STEMS,
  OTHER_ORG_FORMS,
  SECTORS,
  SURNAMES,
  type Sector,
} from './demo-data';
import { asciiSlug, makeAddress, pickPlace, type DemoAddress, type Place, type UniqueContacts } from './demo-contacts';
import type { Random } from './random';

/** Which job titles fit the people of an institution. */
export type Staffing = 'company' | 'bank' | 'association';

export interface PlannedInstitution {
  fields: InstitutionFields;
  staffing: Staffing;
  domain: string;
  /** Where its people work; their direct lines get this area code. */
  office: DemoAddress;
  /** Relative number of contacts the firm has in the demo. */
  weight: number;
}

export interface PlannedRelation {
  from: number;
  to: number;
  kind: RelationKind;
  note?: string;
}

const isBackVowel = (ch: string) => 'aıou'.includes(ch);

/** Turkish plural by vowel harmony: "Yılmaz" → "Yılmazlar", "Demir" → "Demirler". */
function plural(word: string): string {
  const vowels = [...turkishLowerCase(word)].filter((ch) => 'aıoueiöü'.includes(ch));
  const last = vowels[vowels.length - 1] ?? 'a';
  return word + (isBackVowel(last) ? 'lar' : 'ler');
}

class InstitutionPlanner {
  readonly institutions: PlannedInstitution[] = [];
  readonly relations: PlannedRelation[] = [];
  private readonly titles = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly relationKeys = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly contacts: UniqueContacts,
  ) {}

  /** A firm name stem: an ordinary word, or a family name ("Öztürk Kardeşler", "Yılmazlar"). */
  private stem(): string {
    const r = this.rng.next();
    const surname = this.rng.pick(SURNAMES);
    if (r < 0.66) return this.rng.pick(NAME_STEMS);
    if (r < 0.86) return plural(surname);
    return `${surname} Kardeşler`;
  }

  /** A title, short name and domain not used yet; retried on clashes. */
  private firmName(stemOf: () => string, sector: Sector) {
    for (let attempt = 0; ; attempt++) {
      const stem = stemOf();
      const word = this.rng.pick(sector.words);
      const shortName = `${stem} ${word}`;
      const title = `${shortName} ${this.rng.weighted(LEGAL_SUFFIXES)}`;
      const domain = `${asciiSlug(stem)}${asciiSlug(word.split(' ')[0]!)}.${this.rng.chance(0.8) ? 'com.tr' : 'com'}`;
      if ((!this.titles.has(shortName) && !this.domains.has(domain)) || attempt > 50) {
        return { shortName, title, domain: this.domains.has(domain) ? `${attempt}${domain}` : domain };
      }
    }
  }

  add(input: {
    title: string;
    shortName: string;
    domain: string;
    kinds: InstitutionKind[];
    sector: string;
    staffing: Staffing;
    weight: number;
    place?: Place;
    industrial?: boolean;
  }): number {
    const { rng, contacts } = this;
    const place = input.place ?? pickPlace(rng);
    const office = makeAddress(rng, place, 'work');
    const addresses: DemoAddress[] = [office];
    if (rng.chance(0.15)) addresses.push({ ...office, kind: 'billing' });
    if (input.industrial && rng.chance(0.35))
      addresses.push(makeAddress(rng, pickPlace(rng, place.province), 'shipping', true));

    const phones: InstitutionFields['phones'] = [{ kind: 'work', number: contacts.landline(place) }];
    if (rng.chance(0.45)) phones.push({ kind: 'work', number: contacts.landline(place) });
    if (rng.chance(0.35)) phones.push({ kind: 'fax', number: contacts.landline(place) });
    if (rng.chance(0.1)) phones.push({ kind: 'mobile', number: contacts.mobile() });

    const emails: InstitutionFields['emails'] = [];
    if (rng.chance(0.9)) emails.push({ kind: 'work', address: contacts.email('info', input.domain), isPrimary: true });
    if (rng.chance(0.3)) {
      const box = rng.pick(['muhasebe', 'satis', 'satinalma', 'ik', 'destek']);
      emails.push({ kind: 'work', address: contacts.email(box, input.domain), isPrimary: false });
    }

    this.titles.add(input.shortName);
    this.domains.add(input.domain);
    this.institutions.push({
      fields: {
        title: input.title,
        shortName: input.shortName,
        kinds: input.kinds,
        sector: input.sector,
        website: rng.chance(0.9) ? `www.${input.domain}` : undefined,
        taxOffice: office.district,
        vkn: demoVkn(rng),
        emailDomains: [input.domain],
        notes: rng.chance(0.08) ? rng.pick(INSTITUTION_NOTES) : undefined,
        phones,
        emails,
        addresses,
      },
      staffing: input.staffing,
      domain: input.domain,
      office,
      weight: input.weight,
    });
    return this.institutions.length - 1;
  }

  relate(from: number, to: number, kind: RelationKind, note?: string): void {
    const key = `${from}>${to}>${kind}`;
    if (from === to || this.relationKeys.has(key)) return;
    this.relationKeys.add(key);
    this.relations.push(note ? { from, to, kind, note } : { from, to, kind });
  }

  bank(index: number): number {
    const bank = BANK_NAMES[index]!;
    const id = this.add({
      title: bank.title,
      shortName: bank.short,
      domain: bank.domain,
      kinds: ['bank'],
      sector: 'Bankacılık ve Finans',
      staffing: 'bank',
      weight: 6,
      place: { province: 'İstanbul', district: this.rng.pick(['Şişli', 'Beşiktaş', 'Ataşehir', 'Sarıyer']) },
    });
    this.institutions[id]!.fields.notes = 'Kurgusal demo bankası; gerçek bir kurumla ilgisi yoktur.';
    return id;
  }

  /** A holding and its group companies, which share its name stem. */
  group(stem: string, maxSize: number): number[] {
    const { rng } = this;
    const holding = this.add({
      title: `${stem} Holding A.Ş.`,
      shortName: `${stem} Holding`,
      domain: `${asciiSlug(stem)}holding.com.tr`,
      kinds: rng.chance(0.5) ? ['group_company', 'customer'] : ['group_company'],
      sector: 'Holding',
      staffing: 'company',
      weight: 8,
    });
    const home = this.institutions[holding]!.office;
    const members = [holding];
    const sectors = rng.sample(SECTORS, Math.min(maxSize - 1, rng.int(2, 4)));
    for (const sector of sectors) {
      const name = this.firmName(() => stem, sector);
      const extra: InstitutionKind = rng.chance(0.6) ? 'customer' : 'supplier';
      const member = this.add({
        ...name,
        kinds: ['group_company', extra],
        sector: sector.name,
        staffing: 'company',
        weight: 5,
        place: pickPlace(rng, home.province),
        industrial: true,
      });
      this.relate(holding, member, 'parent_of', `%${rng.pick([51, 60, 75, 90, 100])} pay`);
      const previous = members[members.length - 1]!;
      if (previous !== holding) this.relate(previous, member, 'group_company');
      members.push(member);
    }
    return members;
  }

  association(): number {
    const { rng } = this;
    const place = pickPlace(rng);
    const form = rng.pick(OTHER_ORG_FORMS);
    const stem = rng.chance(0.5) ? place.province : rng.pick(NAME_STEMS);
    const shortName = this.titles.has(`${stem} ${form}`)
      ? `${rng.pick(NAME_STEMS)} ${stem} ${form}`
      : `${stem} ${form}`;
    // "Bursa Sanayici ve İş İnsanları Derneği" → bursasiid.org.tr, as such bodies abbreviate themselves.
    const initials = form
      .split(' ')
      .filter((w) => w !== 've')
      .map((w) => w[0])
      .join('');
    const domain = `${asciiSlug(shortName.slice(0, -form.length))}${asciiSlug(initials)}.org.tr`;
    return this.add({
      title: shortName,
      shortName,
      domain: this.domains.has(domain) ? `${this.institutions.length}${domain}` : domain,
      kinds: ['other'],
      sector: 'Sivil Toplum',
      staffing: 'association',
      weight: 2,
      place,
    });
  }

  company(kinds: InstitutionKind[]): number {
    const { rng } = this;
    const sector = kinds.includes('subcontractor')
      ? rng.pick(SECTORS.filter((s) => s.subcontracting))
      : rng.pick(SECTORS);
    return this.add({
      ...this.firmName(() => this.stem(), sector),
      kinds,
      sector: sector.name,
      staffing: 'company',
      weight: rng.weighted([
        [1, 4],
        [2, 4],
        [4, 3],
        [7, 2],
        [12, 1],
      ]),
      industrial: !['Danışmanlık', 'Bilişim', 'Reklam ve Medya', 'Eğitim'].includes(sector.name),
    });
  }

  companyKinds(): InstitutionKind[] {
    const { rng } = this;
    const main = rng.weighted<InstitutionKind>([
      ['customer', 42],
      ['prospect', 20],
      ['supplier', 20],
      ['subcontractor', 10],
      ['other', 3],
    ]);
    if (main === 'customer' && rng.chance(0.15)) return ['customer', 'supplier'];
    if (main === 'supplier' && rng.chance(0.2)) return ['supplier', 'subcontractor'];
    return [main];
  }
}

/** The plan for `count` institutions (at least one of every kind from about ten on). */
export function planInstitutions(rng: Random, contacts: UniqueContacts, count: number) {
  const planner = new InstitutionPlanner(rng, contacts);
  const { institutions } = planner;
  const room = () => count - institutions.length;

  const banks: number[] = [];
  const bankCount = Math.min(BANK_NAMES.length, Math.max(1, Math.round(count * 0.03)));
  for (let i = 0; i < bankCount && room() > 0; i++) banks.push(planner.bank(i));

  const holdingCount = Math.min(HOLDING_STEMS.length, Math.max(1, Math.round(count * 0.02)));
  for (const stem of HOLDING_STEMS.slice(0, holdingCount)) {
    if (room() >= 3) planner.group(stem, Math.min(5, room()));
  }

  const associations = Math.max(1, Math.round(count * 0.03));
  for (let i = 0; i < associations && room() > 0; i++) planner.association();

  // The first firms cover every commercial kind, so small demos have them all.
  const guaranteed: InstitutionKind[][] = [['customer'], ['prospect'], ['supplier'], ['subcontractor']];
  while (room() > 0) planner.company(guaranteed.shift() ?? planner.companyKinds());

  planRelations(rng, planner, banks);
  return { institutions, relations: planner.relations };
}

function planRelations(rng: Random, planner: InstitutionPlanner, banks: number[]): void {
  const all = planner.institutions.map((inst, index) => ({ index, kinds: inst.fields.kinds ?? [] }));
  const customers = all.filter((i) => i.kinds.includes('customer')).map((i) => i.index);
  const sellers = all.filter((i) => i.kinds.includes('supplier') || i.kinds.includes('subcontractor'));
  const firms = all.filter((i) => !i.kinds.includes('bank') && !i.kinds.includes('other')).map((i) => i.index);

  for (const seller of sellers) {
    for (const customer of rng.sample(customers, rng.int(1, 3))) planner.relate(seller.index, customer, 'supplier_of');
  }
  for (const bank of banks) {
    const clients = rng.sample(firms, Math.max(1, Math.round(firms.length * 0.03) + rng.int(0, 4)));
    for (const client of clients)
      planner.relate(bank, client, 'bank_of', rng.chance(0.3) ? 'Ticari kredi ve POS' : undefined);
  }
  const partnerships = Math.round(firms.length * 0.02);
  for (let i = 0; i < partnerships; i++) {
    const [a, b] = rng.sample(firms, 2);
    if (a !== undefined && b !== undefined) planner.relate(a, b, 'partner', 'İhale ortaklığı');
  }
}

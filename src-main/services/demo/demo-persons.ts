/**
 * Plans the demo persons as plain data: names, salutations, contact details and
 * their links to the planned institutions (index-based, resolved to ids when
 * written). Same seed, same plan.
 */
import { demoBirthDate, demoTckn } from './demo-identifiers';
import type { PersonFields } from '../../../src-shared/contract/cards';
import {
  ASSOCIATION_ROLES,
  BANK_ROLES,
  COMPANY_ROLES,
  FEMALE_FIRST_NAMES,
  FEMALE_SECOND_NAMES,
  HONORIFICS,
  MALE_FIRST_NAMES,
  MALE_SECOND_NAMES,
  PERSON_NOTES,
  SURNAMES,
  type Role,
} from './demo-data';
import { asciiSlug, makeAddress, pickPlace, type UniqueContacts } from './demo-contacts';
import type { PlannedInstitution, Staffing } from './demo-institutions';
import { WeightedIndex, type Random } from './random';

export interface PlannedLink {
  institution: number;
  role: string;
  department: string;
  isPrimary: boolean;
}

export interface PlannedPerson {
  fields: PersonFields;
  links: PlannedLink[];
}

const ROLES: Record<Staffing, readonly Role[]> = {
  company: COMPANY_ROLES,
  bank: BANK_ROLES,
  association: ASSOCIATION_ROLES,
};
const ROLE_PICKS: Record<Staffing, (readonly [Role, number])[]> = {
  company: COMPANY_ROLES.map((r) => [r, r.weight] as const),
  bank: BANK_ROLES.map((r) => [r, r.weight] as const),
  association: ASSOCIATION_ROLES.map((r) => [r, r.weight] as const),
};
/** Professional titles go only to people whose job fits them (no "Av." in the warehouse). */
const TITLE_DEPARTMENTS: Record<string, ReadonlySet<string>> = {
  SMMM: new Set(['Muhasebe', 'Mali İşler', 'Finans']),
  'Av.': new Set(['Hukuk', 'Yönetim Kurulu', 'Yönetim']),
  Mimar: new Set(['Proje Yönetimi', 'Teknik', 'Yönetim', 'Yönetim Kurulu']),
  'Müh.': new Set([
    'Proje Yönetimi',
    'Teknik',
    'Üretim',
    'Kalite',
    'Bilgi Teknolojileri',
    'İş Sağlığı ve Güvenliği',
    'Yönetim',
  ]),
};

class PersonPlanner {
  /** `institution|role` of the one-per-institution roles already handed out. */
  private readonly takenRoles = new Set<string>();
  private readonly byWeight: WeightedIndex;

  constructor(
    private readonly rng: Random,
    private readonly contacts: UniqueContacts,
    private readonly institutions: readonly PlannedInstitution[],
  ) {
    this.byWeight = new WeightedIndex(institutions.map((i) => i.weight));
  }

  private role(institution: number): Role {
    const staffing = this.institutions[institution]!.staffing;
    for (let attempt = 0; attempt < 20; attempt++) {
      const role = this.rng.weighted(ROLE_PICKS[staffing]);
      const key = `${institution}|${role.role}`;
      if (!role.unique || !this.takenRoles.has(key)) {
        if (role.unique) this.takenRoles.add(key);
        return role;
      }
    }
    return ROLES[staffing].find((r) => !r.unique)!;
  }

  private links(firstInstitution: number | undefined): PlannedLink[] {
    const { rng } = this;
    const primary = firstInstitution ?? (rng.chance(0.88) ? this.byWeight.draw(rng) : undefined);
    if (primary === undefined) return [];
    const chosen = [primary];
    if (rng.chance(0.28) && this.institutions.length > 1) {
      let second = this.byWeight.draw(rng);
      while (second === primary) second = rng.int(0, this.institutions.length - 1);
      chosen.push(second);
    }
    return chosen.map((institution, i) => {
      const { role, department } = this.role(institution);
      return { institution, role, department, isPrimary: i === 0 };
    });
  }

  private honorific(links: PlannedLink[]): string | undefined {
    const { rng } = this;
    const primary = links[0];
    const byRole =
      primary && ROLES[this.institutions[primary.institution]!.staffing].find((r) => r.role === primary.role);
    if (byRole?.honorific && rng.chance(0.7)) return byRole.honorific;
    const honorific = rng.weighted(HONORIFICS);
    const fits = honorific && TITLE_DEPARTMENTS[honorific];
    if (fits && primary && !fits.has(primary.department)) return 'Sayın';
    return honorific;
  }

  person(firstInstitution: number | undefined): PlannedPerson {
    const { rng, contacts } = this;
    const female = rng.chance(0.5);
    let firstName: string = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    if (rng.chance(0.06)) {
      const second = rng.pick(female ? FEMALE_SECOND_NAMES : MALE_SECOND_NAMES);
      if (second !== firstName) firstName += ` ${second}`;
    }
    const lastName = rng.pick(SURNAMES);
    const links = this.links(firstInstitution);
    const work = links[0] && this.institutions[links[0].institution]!;

    const phones: PersonFields['phones'] = [];
    if (!work || rng.chance(0.9)) phones.push({ kind: 'mobile', number: contacts.mobile() });
    if (work && (phones.length === 0 || rng.chance(0.55)))
      phones.push({ kind: 'work', number: contacts.landline(work.office) });
    if (rng.chance(0.15)) phones.push({ kind: 'mobile', number: contacts.mobile() });

    const emails: PersonFields['emails'] = [];
    if (work && rng.chance(0.8)) {
      const first = asciiSlug(firstName);
      const local = rng.chance(0.8) ? `${first}.${asciiSlug(lastName)}` : `${first[0]}.${asciiSlug(lastName)}`;
      emails.push({ kind: 'work', address: contacts.email(local, work.domain), isPrimary: true });
    }
    if (rng.chance(work ? 0.2 : 0.55)) {
      emails.push({
        kind: 'personal',
        address: contacts.personalEmail(firstName, lastName),
        isPrimary: emails.length === 0,
      });
    }

    const addresses: PersonFields['addresses'] = [];
    if (rng.chance(0.45)) addresses.push(makeAddress(rng, pickPlace(rng, work?.office.province), 'home'));
    if (work && rng.chance(0.2)) addresses.push({ ...work.office, kind: 'work' });

    const fields: PersonFields = {
      honorific: this.honorific(links),
      firstName,
      lastName,
      gender: rng.chance(0.85) ? (female ? 'female' : 'male') : undefined,
      birthDate: rng.chance(0.7) ? demoBirthDate(rng) : undefined,
      tckn: rng.chance(0.3) ? demoTckn(rng) : undefined,
      notes: rng.chance(0.06) ? rng.pick(PERSON_NOTES) : undefined,
      phones,
      emails,
      addresses,
    };
    return { fields, links };
  }
}

/**
 * The plan for `count` persons. While there are institutions without anyone,
 * the next person works there, so every demo firm has at least one contact.
 */
export function planPersons(
  rng: Random,
  contacts: UniqueContacts,
  institutions: readonly PlannedInstitution[],
  count: number,
): PlannedPerson[] {
  const planner = new PersonPlanner(rng, contacts, institutions);
  const persons: PlannedPerson[] = [];
  for (let i = 0; i < count; i++) persons.push(planner.person(i < institutions.length ? i : undefined));
  return persons;
}

/**
 * What the demo's activity is written about: the staff who do the work and the cards they look after, as
 * the card step left them (ids resolved, owners read back), with the demo's clock.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { InstitutionKind } from '../../../src-shared/contract/cards';
import type { DemoClock } from './demo-clock';
import type { PlannedInstitution } from './demo-institutions';
import type { PlannedPerson } from './demo-persons';
import type { Random } from './random';

export interface DemoStaffMember {
  id: string;
  name: string;
  role: string;
  managerId: string | null;
  /** How much of the firm's work falls to them (the same weights as card ownership). */
  weight: number;
}

export interface DemoInstitutionRef {
  id: string;
  shortName: string;
  kinds: readonly InstitutionKind[];
  ownerId: string | null;
  /** "Kadıköy / İstanbul": where a visit goes. */
  place: string;
}

export interface DemoPersonRef {
  id: string;
  name: string;
  /** How a colleague writes about them: "Ahmet Bey", "Ayşe Hanım" (the full name when the gender is unknown). */
  address: string;
  ownerId: string | null;
  institution: DemoInstitutionRef | undefined;
  /** Index in the demo plan (its planned fields). */
  planIndex: number;
}

export interface DemoCardsInput {
  institutions: readonly PlannedInstitution[];
  persons: readonly PlannedPerson[];
  institutionIds: readonly string[];
  personIds: readonly string[];
}

/** Kinds of institutions the firm sells to: most notes, tasks and meetings are about them. */
export const SELLING_KINDS: readonly InstitutionKind[] = ['customer', 'prospect', 'group_company'];

export class DemoWorld {
  readonly staff: DemoStaffMember[];
  readonly persons: DemoPersonRef[];
  readonly institutions: DemoInstitutionRef[];
  private readonly staffPicks: (readonly [DemoStaffMember, number])[];

  constructor(
    db: Db,
    readonly clock: DemoClock,
    staff: readonly (readonly [string, number])[],
    cards: DemoCardsInput,
  ) {
    const user = stmt(db, 'select name, role, manager_id as managerId from users where id = ?');
    this.staff = staff.map(([id, weight]) => ({
      id,
      weight,
      ...(user.get(id) as { name: string; role: string; managerId: string | null }),
    }));
    this.staffPicks = this.staff.map((s) => [s, s.weight] as const);

    const owner = stmt(db, 'select owner_id from cards where id = ?').pluck();
    this.institutions = cards.institutions.map((inst, i) => {
      const id = cards.institutionIds[i]!;
      return {
        id,
        shortName: inst.fields.shortName ?? inst.fields.title,
        kinds: inst.fields.kinds ?? [],
        ownerId: owner.get(id) as string | null,
        place: `${inst.office.district} / ${inst.office.province}`,
      };
    });
    this.persons = cards.persons.map((person, i) => {
      const id = cards.personIds[i]!;
      const { firstName, lastName, gender } = person.fields;
      const primary = person.links[0];
      return {
        id,
        name: `${firstName} ${lastName}`,
        address:
          gender === 'male'
            ? `${firstName} Bey`
            : gender === 'female'
              ? `${firstName} Hanım`
              : `${firstName} ${lastName}`,
        ownerId: owner.get(id) as string | null,
        institution: primary ? this.institutions[primary.institution] : undefined,
        planIndex: i,
      };
    });
  }

  member(id: string): DemoStaffMember {
    const found = this.staff.find((s) => s.id === id);
    if (!found) throw new Error(`not a demo staff member: ${id}`);
    return found;
  }

  /** A staff member, the busier ones more often. */
  pickStaff(rng: Random): DemoStaffMember {
    return rng.weighted(this.staffPicks);
  }

  /** A colleague of `id` (someone else; their manager or team first when they have one). */
  colleagueOf(rng: Random, id: string): DemoStaffMember {
    const me = this.member(id);
    const near = this.staff.filter(
      (s) => s.id !== id && (s.id === me.managerId || s.managerId === id || s.managerId === me.managerId),
    );
    const others = this.staff.filter((s) => s.id !== id);
    return rng.pick(near.length > 0 && rng.chance(0.7) ? near : others);
  }

  /**
   * Someone at an institution of one of `kinds`, preferably a person `ownerId` looks after; undefined when the
   * demo has nobody like that (a very small demo).
   */
  pickContact(rng: Random, ownerId: string, kinds: readonly InstitutionKind[]): DemoPersonRef | undefined {
    const fits = (p: DemoPersonRef) =>
      p.institution !== undefined && p.institution.kinds.some((k) => kinds.includes(k));
    const own = this.persons.filter((p) => p.ownerId === ownerId && fits(p));
    if (own.length > 0 && rng.chance(0.85)) return rng.pick(own);
    const any = this.persons.filter(fits);
    return any.length > 0 ? rng.pick(any) : undefined;
  }
}

/**
 * Fills an empty database with a realistic Turkish demo firm: its customers,
 * prospects, suppliers, subcontractors, banks and group companies, and the
 * people who work there. Generated from a seed (no checked-in dump), written
 * through the ordinary card services so that search text and audit rows are
 * exactly what a user typing the same cards would produce.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { institutionFields, personFields } from '../../../src-shared/contract/cards';
import { ContractError } from '../../../src-shared/contract/errors';
import type { CardStamp } from '../cards/card-rows';
import { createInstitution } from '../cards/institutions';
import { createPerson } from '../cards/persons';
import { link } from '../cards/affiliations';
import { relate } from '../cards/relations';
import { UniqueContacts } from './demo-contacts';
import { planInstitutions, type PlannedInstitution, type PlannedRelation } from './demo-institutions';
import { planPersons, type PlannedPerson } from './demo-persons';
import { Random } from './random';
import { DemoOwners, fillDemoUsers } from './demo-users';
import { fillDemoCriteria } from './demo-criteria';
import { fillDemoProfiles } from './demo-profile';
import { fillDemoSegments } from './demo-segments';
import { fillDemoActivity, type ActivityCounts } from './demo-activity';
import type { SecretBox } from '../../core/secret-box';

export interface DemoOptions {
  institutions?: number;
  persons?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Seals the demo mail account's password; without it the demo has no mail. */
  secrets?: SecretBox;
}

export interface DemoCounts extends ActivityCounts {
  institutions: number;
  persons: number;
  affiliations: number;
  relations: number;
}

export const DEMO_DEFAULTS = { institutions: 340, persons: 2200, seed: 20_240_601 } as const;

export interface DemoPlan {
  institutions: PlannedInstitution[];
  relations: PlannedRelation[];
  persons: PlannedPerson[];
}

/** The whole demo as plain data; pure, so the same seed always gives the same firm. */
export function planDemo(options: Omit<DemoOptions, 'onProgress' | 'secrets'> = {}): DemoPlan {
  const rng = new Random(options.seed ?? DEMO_DEFAULTS.seed);
  const contacts = new UniqueContacts(rng);
  const { institutions, relations } = planInstitutions(
    rng,
    contacts,
    options.institutions ?? DEMO_DEFAULTS.institutions,
  );
  const persons = planPersons(rng, contacts, institutions, options.persons ?? DEMO_DEFAULTS.persons);
  return { institutions, relations, persons };
}

/** Progress is reported about every this many cards (and once at the end). */
const PROGRESS_STEP = 100;

export function fillDemo(db: Db, stamp: CardStamp, options: DemoOptions = {}): DemoCounts {
  const plan = planDemo(options);
  const total = plan.institutions.length + plan.persons.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % PROGRESS_STEP === 0 || done === total) options.onProgress?.(done, total);
  };

  // One outer transaction: all or nothing, and one commit instead of thousands
  // (the services' own transactions become savepoints inside it).
  return writeTransaction(db, () => {
    const any = stmt(db, 'select 1 from cards limit 1').get();
    if (any) throw new ContractError('CONFLICT', 'Demo verisi yalnızca boş bir veritabanına yüklenebilir.');

    const seed = options.seed ?? DEMO_DEFAULTS.seed;
    const staff = fillDemoUsers(db, stamp);
    const owners = new DemoOwners(seed, staff);
    // Parsed by the contract's schemas, so the demo passes the same checks as a user's input.
    const institutionIds = plan.institutions.map((inst) => {
      const fields = { ...institutionFields.parse(inst.fields), ownerId: owners.next() };
      const id = createInstitution(db, fields, stamp).id;
      tick();
      return id;
    });
    for (const r of plan.relations) {
      relate(db, { fromId: institutionIds[r.from]!, toId: institutionIds[r.to]!, kind: r.kind, note: r.note }, stamp);
    }
    let affiliations = 0;
    const personIds: string[] = [];
    for (const person of plan.persons) {
      const personId = createPerson(db, { ...personFields.parse(person.fields), ownerId: owners.next() }, stamp).id;
      personIds.push(personId);
      for (const l of person.links) {
        link(
          db,
          {
            personId,
            institutionId: institutionIds[l.institution]!,
            role: l.role,
            department: l.department,
            isPrimary: l.isPrimary,
          },
          stamp,
        );
        affiliations++;
      }
      tick();
    }
    fillDemoCriteria(db, stamp, seed, { person: personIds, institution: institutionIds });
    fillDemoProfiles(db, stamp, seed, plan.persons, personIds);
    fillDemoSegments(db, stamp);
    const activity = fillDemoActivity(db, stamp, seed, staff, { ...plan, institutionIds, personIds }, options.secrets);
    return {
      institutions: institutionIds.length,
      persons: plan.persons.length,
      affiliations,
      relations: plan.relations.length,
      ...activity,
    };
  });
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { institutionFields, type CardType } from '../../../src-shared/contract/cards';
import { ContractError } from '../../../src-shared/contract/errors';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { replaceContacts } from '../cards/contacts';
import { refreshCardIndexes } from '../cards/card-index';
import { createInstitution, updateInstitution } from '../cards/institutions';
import { personDisplayName, updatePerson } from '../cards/persons';
import { affiliationsOf } from '../cards/affiliation-rows';
import { link } from '../cards/affiliations';
import type { InstitutionInput, LinkInput, PersonInput, CardInput } from './validate-row';
import { ExtrasWriter, type PlannedExtras } from './write-extras';

/** One card an import writes, with the file rows that make it up. */
export interface PlannedCard {
  action: 'create' | 'update';
  /** For updates: the existing card and the updatedAt it had when read (a card changed since is refused). */
  cardId?: string;
  expectedUpdatedAt?: string;
  input: CardInput;
  links: LinkInput[];
  /** Tags and criteria values (the owner is input.ownerId). */
  extras: PlannedExtras;
  rows: number[];
}

export interface WriteFailure {
  rows: number[];
  message: string;
}

export interface WriteResult {
  /** Ids of the cards written, in order (for events). */
  written: { id: string; action: 'create' | 'update' }[];
  /** Ids of the institutions created for persons' links (for events). */
  institutions: string[];
  institutionsCreated: number;
  failures: WriteFailure[];
}

/** A row that failed while writing, in an all-or-nothing import: aborts the transaction. */
export class RowWriteError extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.message);
  }
}

function insertCardRow(
  db: Db,
  id: string,
  type: CardType,
  displayName: string,
  ownerId: string | null | undefined,
  stamp: CardStamp,
): void {
  // Whoever imports a card looks after it unless the file names someone (as insertCard does).
  const owner = ownerId === undefined ? stamp.userId : ownerId;
  stmt(
    db,
    `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, type, displayName, turkishSortKey(displayName), owner, stamp.at, stamp.at, stamp.userId);
}

/**
 * New cards of an import, written with prepared statements instead of
 * createPerson / createInstitution: those build each insert through drizzle
 * and read the whole card back for the audit row, which measured 1.2 ms per
 * person (2 minutes for 100k, the main thread blocked all the while). The
 * parts that keep derived data right are the card services' own:
 * replaceContacts for contact rows, refreshCardIndexes for the search text and
 * list summary. The audit row is one 'import' row per card holding what was
 * imported. The column lists mirror personValues / institutionValues in
 * services/cards; a new card field must be added to both. Tags and criteria
 * values: see write-extras.ts.
 */
function createPersonFast(
  db: Db,
  input: PersonInput,
  links: { institutionId: string; link: LinkInput }[],
  extras: PlannedExtras,
  writer: ExtrasWriter,
  stamp: CardStamp,
): string {
  const id = newId();
  insertCardRow(db, id, 'person', personDisplayName(input), input.ownerId, stamp);
  stmt(
    db,
    `insert into persons (card_id, honorific, first_name, last_name, gender, birth_date, tckn, source, notes)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.honorific ?? null,
    input.firstName,
    input.lastName,
    input.gender ?? null,
    input.birthDate ?? null,
    input.tckn ?? null,
    input.source ?? null,
    input.notes ?? null,
  );
  replaceContacts(db, id, input, stamp);
  links.forEach(({ institutionId, link: l }, i) => {
    const linkId = newId();
    stmt(
      db,
      `insert into affiliations (id, person_id, institution_id, role, department, is_primary, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      linkId,
      id,
      institutionId,
      l.role ?? null,
      l.department ?? null,
      i === 0 ? 1 : 0,
      stamp.at,
      stamp.at,
      stamp.userId,
    );
    // The institution's history shows who joined it; the person's own history has it in the import row.
    writeAudit(db, {
      ...stamp,
      action: 'link',
      entityType: 'institution',
      entityId: institutionId,
      after: { id: linkId, personId: id, institutionId, role: l.role ?? null, department: l.department ?? null },
    });
  });
  const recorded = writer.writeNew(id, extras);
  refreshCardIndexes(db, id);
  writeAudit(db, {
    ...stamp,
    action: 'import',
    entityType: 'person',
    entityId: id,
    after: {
      ...input,
      affiliations: links.map(({ institutionId, link: l }) => ({ institutionId, ...l })),
      ...recorded,
    },
  });
  return id;
}

function createInstitutionFast(
  db: Db,
  input: InstitutionInput,
  extras: PlannedExtras,
  writer: ExtrasWriter,
  stamp: CardStamp,
): string {
  const id = newId();
  insertCardRow(db, id, 'institution', input.title, input.ownerId, stamp);
  stmt(
    db,
    `insert into institutions (card_id, title, short_name, sector, tax_office, vkn, trade_registry_no, website, source, notes)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.title,
    input.shortName ?? null,
    input.sector ?? null,
    input.taxOffice ?? null,
    input.vkn ?? null,
    input.tradeRegistryNo ?? null,
    input.website ?? null,
    input.source ?? null,
    input.notes ?? null,
  );
  for (const kind of input.kinds) stmt(db, 'insert into institution_kinds (card_id, kind) values (?, ?)').run(id, kind);
  for (const domain of input.emailDomains)
    stmt(db, 'insert into institution_domains (card_id, domain) values (?, ?)').run(id, domain);
  replaceContacts(db, id, input, stamp);
  const recorded = writer.writeNew(id, extras);
  refreshCardIndexes(db, id);
  writeAudit(db, {
    ...stamp,
    action: 'import',
    entityType: 'institution',
    entityId: id,
    after: { ...input, ...recorded },
  });
  return id;
}

/**
 * An update goes through the card services themselves (updatePerson /
 * updateInstitution, link, the criteria module's setValues): updates are few,
 * and those keep the before/after audit and the stale-edit check.
 */
function updateCard(
  db: Db,
  cardType: CardType,
  card: PlannedCard,
  institutionIds: Map<string, string>,
  writer: ExtrasWriter,
  stamp: CardStamp,
) {
  const id = card.cardId!;
  if (cardType === 'person') {
    updatePerson(db, { ...(card.input as PersonInput), id, expectedUpdatedAt: card.expectedUpdatedAt }, stamp);
    const linked = new Set(affiliationsOf(db, id, 'person').map((a) => a.institutionId));
    for (const l of card.links) {
      const institutionId = institutionIds.get(l.folded)!;
      if (linked.has(institutionId)) continue;
      link(
        db,
        { personId: id, institutionId, role: l.role, department: l.department, isPrimary: linked.size === 0 },
        stamp,
      );
      linked.add(institutionId);
    }
  } else {
    updateInstitution(
      db,
      { ...(card.input as InstitutionInput), id, expectedUpdatedAt: card.expectedUpdatedAt },
      stamp,
    );
  }
  writer.writeUpdate(id, cardType, card.extras, stamp);
  return id;
}

const failureMessage = (err: unknown) =>
  err instanceof ContractError ? err.message : `Kayıt yazılamadı: ${(err as Error).message.slice(0, 200)}`;

/**
 * Writes a checked plan in one transaction (call it inside writeTransaction).
 * `newInstitutions` (folded title → title) are created first through the card
 * service; `institutionIds` must hold the ids of the existing ones. With
 * `validRowsOnly`, each card is its own savepoint and a card that fails is
 * reported and left out; otherwise the first failure aborts the whole import.
 */
export function writePlan(
  db: Db,
  cardType: CardType,
  plan: readonly PlannedCard[],
  newInstitutions: ReadonlyMap<string, string>,
  institutionIds: Map<string, string>,
  stamp: CardStamp,
  validRowsOnly: boolean,
): WriteResult {
  const result: WriteResult = { written: [], institutions: [], institutionsCreated: 0, failures: [] };
  const writer = new ExtrasWriter(db, cardType);
  for (const [folded, title] of newInstitutions) {
    const created = createInstitution(db, institutionFields.parse({ title }), stamp);
    institutionIds.set(folded, created.id);
    result.institutions.push(created.id);
    result.institutionsCreated++;
  }
  for (const card of plan) {
    const write = () =>
      card.action === 'update'
        ? updateCard(db, cardType, card, institutionIds, writer, stamp)
        : cardType === 'person'
          ? createPersonFast(
              db,
              card.input as PersonInput,
              card.links.map((l) => ({ institutionId: institutionIds.get(l.folded)!, link: l })),
              card.extras,
              writer,
              stamp,
            )
          : createInstitutionFast(db, card.input as InstitutionInput, card.extras, writer, stamp);
    try {
      const id = validRowsOnly ? writeTransaction(db, write) : write();
      result.written.push({ id, action: card.action });
    } catch (err) {
      const failure = { rows: card.rows, message: failureMessage(err) };
      if (!validRowsOnly) throw new RowWriteError(failure);
      result.failures.push(failure);
    }
  }
  return result;
}

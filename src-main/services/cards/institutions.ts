import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { stmt } from '../../db/statements';
import type { Institution, InstitutionKind, institutionFields } from '../../../src-shared/contract/cards';
import { writeAudit } from '../audit/audit-log';
import {
  assertUnchangedSince,
  insertCard,
  loadCard,
  loadLiveCard,
  mergedIntoOf,
  touchCard,
  type CardStamp,
  ownerOf,
  setOwner,
} from './card-rows';
import { readContacts, replaceContacts, validateContacts } from './contacts';
import { affiliationsOf } from './affiliation-rows';
import { relationsOf } from './relations';
import { refreshCardIndexes, refreshPeopleOf } from './card-index';

type InstitutionInput = z.output<typeof institutionFields>;

export function kindsOf(db: Db, id: string): InstitutionKind[] {
  return (stmt(db, 'select kind from institution_kinds where card_id = ?').all(id) as { kind: InstitutionKind }[])
    .map((k) => k.kind)
    .sort();
}

export function getInstitution(db: Db, id: string): Institution {
  const card = loadCard(db, id, 'institution');
  const row = stmt(
    db,
    `select title, short_name as shortName, sector, tax_office as taxOffice, vkn, trade_registry_no as tradeRegistryNo,
            website, source, notes
       from institutions where card_id = ?`,
  ).get(id) as ReturnType<typeof institutionValues>;
  return {
    id,
    type: 'institution',
    displayName: card.displayName,
    title: row.title,
    shortName: row.shortName,
    kinds: kindsOf(db, id),
    sector: row.sector,
    taxOffice: row.taxOffice,
    vkn: row.vkn,
    tradeRegistryNo: row.tradeRegistryNo,
    website: row.website,
    emailDomains: domainsOf(db, id),
    source: row.source,
    notes: row.notes,
    ...readContacts(db, id),
    affiliations: affiliationsOf(db, id, 'institution'),
    relations: relationsOf(db, id),
    createdAt: card.createdAt,
    updatedAt: card.updatedAt,
    createdBy: card.createdBy,
    deletedAt: card.deletedAt,
    ...ownerOf(db, card),
    mergedInto: mergedIntoOf(db, card),
  };
}

const institutionValues = (input: InstitutionInput) => ({
  title: input.title,
  shortName: input.shortName ?? null,
  sector: input.sector ?? null,
  taxOffice: input.taxOffice ?? null,
  vkn: input.vkn ?? null,
  tradeRegistryNo: input.tradeRegistryNo ?? null,
  website: input.website ?? null,
  source: input.source ?? null,
  notes: input.notes ?? null,
});

export function domainsOf(db: Db, id: string): string[] {
  return (
    stmt(db, 'select domain from institution_domains where card_id = ? order by domain').all(id) as {
      domain: string;
    }[]
  ).map((d) => d.domain);
}

function replaceDomains(db: Db, id: string, domains: readonly string[]): void {
  stmt(db, 'delete from institution_domains where card_id = ?').run(id);
  for (const domain of domains)
    stmt(db, 'insert into institution_domains (card_id, domain) values (?, ?)').run(id, domain);
}

function replaceKinds(db: Db, id: string, kinds: readonly InstitutionKind[]): void {
  stmt(db, 'delete from institution_kinds where card_id = ?').run(id);
  for (const kind of kinds) stmt(db, 'insert into institution_kinds (card_id, kind) values (?, ?)').run(id, kind);
}

export function createInstitution(db: Db, input: InstitutionInput, stamp: CardStamp): Institution {
  validateContacts(input);
  const id = newId();
  return writeTransaction(db, () => {
    insertCard(db, { id, type: 'institution', displayName: input.title, ownerId: input.ownerId }, stamp);
    stmt(
      db,
      `insert into institutions (card_id, title, short_name, sector, tax_office, vkn, trade_registry_no, website, source, notes)
       values (@cardId, @title, @shortName, @sector, @taxOffice, @vkn, @tradeRegistryNo, @website, @source, @notes)`,
    ).run({ cardId: id, ...institutionValues(input) });
    replaceKinds(db, id, input.kinds);
    replaceDomains(db, id, input.emailDomains);
    replaceContacts(db, id, input, stamp);
    refreshCardIndexes(db, id);
    const created = getInstitution(db, id);
    writeAudit(db, { ...stamp, action: 'create', entityType: 'institution', entityId: id, after: created });
    return created;
  });
}

export function updateInstitution(
  db: Db,
  input: InstitutionInput & { id: string; expectedUpdatedAt?: string | undefined },
  stamp: CardStamp,
): Institution {
  validateContacts(input);
  return writeTransaction(db, () => {
    assertUnchangedSince(loadLiveCard(db, input.id, 'institution'), input.expectedUpdatedAt);
    const before = getInstitution(db, input.id);
    touchCard(db, input.id, input.title, stamp);
    setOwner(db, input.id, input.ownerId);
    stmt(
      db,
      `update institutions set title = @title, short_name = @shortName, sector = @sector, tax_office = @taxOffice,
              vkn = @vkn, trade_registry_no = @tradeRegistryNo, website = @website, source = @source, notes = @notes
        where card_id = @cardId`,
    ).run({ cardId: input.id, ...institutionValues(input) });
    replaceKinds(db, input.id, input.kinds);
    replaceDomains(db, input.id, input.emailDomains);
    replaceContacts(db, input.id, input, stamp);
    refreshCardIndexes(db, input.id);
    if (before.title !== input.title) refreshPeopleOf(db, input.id);
    const after = getInstitution(db, input.id);
    writeAudit(db, { ...stamp, action: 'update', entityType: 'institution', entityId: input.id, before, after });
    return after;
  });
}

/**
 * The drizzle schema. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) and checked in under ./migrations; FTS tables, which
 * drizzle cannot describe, live in custom migrations there.
 *
 * Every user-visible row has a UUIDv7 id, created_at / updated_at (ISO 8601 UTC)
 * and created_by. Cards are soft-deleted (deleted_at) so they can be restored.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const stamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdBy: text('created_by').references(() => users.id),
};

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  role: text('role', { enum: ['admin', 'manager', 'staff'] }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The common part of every card. Persons and institutions extend it one-to-one,
 * so contact details, links (and later notes, documents, mail) can point at any
 * card with a real foreign key.
 */
export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    type: text('type', { enum: ['person', 'institution'] }).notNull(),
    displayName: text('display_name').notNull(),
    /** turkishSortKey(display_name): byte order = Turkish alphabetical order. */
    sortKey: text('sort_key').notNull(),
    ownerId: text('owner_id').references(() => users.id),
    /**
     * What list rows show, rewritten with the search text on every write that
     * changes it (refreshCardIndexes), so a page of 100 rows out of 100k is one index
     * scan instead of four subqueries per row.
     */
    listPhone: text('list_phone'),
    listEmail: text('list_email'),
    listProvince: text('list_province'),
    listInstitutions: text('list_institutions'),
    ...stamps,
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id),
  },
  (t) => [
    check('cards_type_check', sql`${t.type} in ('person', 'institution')`),
    index('cards_list_by_name').on(t.type, t.deletedAt, t.sortKey, t.id),
    index('cards_list_by_created').on(t.type, t.deletedAt, t.createdAt, t.id),
    index('cards_list_by_updated').on(t.type, t.deletedAt, t.updatedAt, t.id),
  ],
);

export const persons = sqliteTable(
  'persons',
  {
    cardId: text('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    honorific: text('honorific'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    gender: text('gender', { enum: ['female', 'male'] }),
    /** YYYY-MM-DD; the age is derived, never stored. */
    birthDate: text('birth_date'),
    /** T.C. Kimlik No, checksum-validated; shown masked. */
    tckn: text('tckn'),
    /** How we came to know them (fair, reference, web …). */
    source: text('source'),
    notes: text('notes'),
  },
  (t) => [index('persons_by_tckn').on(t.tckn)],
);

export const institutions = sqliteTable(
  'institutions',
  {
    cardId: text('card_id')
      .primaryKey()
      .references(() => cards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    shortName: text('short_name'),
    sector: text('sector'),
    taxOffice: text('tax_office'),
    /** Vergi Kimlik No, checksum-validated. */
    vkn: text('vkn'),
    tradeRegistryNo: text('trade_registry_no'),
    website: text('website'),
    source: text('source'),
    notes: text('notes'),
  },
  (t) => [index('institutions_by_vkn').on(t.vkn)],
);

/** The e-mail domains of an institution: mail from them links to it (never public providers). */
export const institutionDomains = sqliteTable(
  'institution_domains',
  {
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.domain] }), index('institution_domains_by_domain').on(t.domain)],
);

export const institutionKinds = sqliteTable(
  'institution_kinds',
  {
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.kind] }), index('institution_kinds_by_kind').on(t.kind)],
);

export const phones = sqliteTable(
  'phones',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    e164: text('e164'),
    ...stamps,
  },
  (t) => [index('phones_by_card').on(t.cardId, t.position), index('phones_by_e164').on(t.e164)],
);

export const emails = sqliteTable(
  'emails',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    /** Stored lower-case: mail linking matches addresses exactly. */
    address: text('address').notNull(),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [index('emails_by_card').on(t.cardId, t.position), index('emails_by_address').on(t.address)],
);

export const addresses = sqliteTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    line: text('line'),
    district: text('district'),
    province: text('province'),
    postalCode: text('postal_code'),
    country: text('country'),
    ...stamps,
  },
  (t) => [index('addresses_by_card').on(t.cardId, t.position), index('addresses_by_province').on(t.province)],
);

/** Bank accounts of a card, checksum-validated (ISO 13616), stored without spaces. */
export const ibans = sqliteTable(
  'ibans',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    iban: text('iban').notNull(),
    bankName: text('bank_name'),
    ...stamps,
  },
  (t) => [index('ibans_by_card').on(t.cardId, t.position)],
);

/** Person ↔ institution, many to many, each link with its own role. */
export const affiliations = sqliteTable(
  'affiliations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    role: text('role'),
    department: text('department'),
    /** YYYY-MM-DD: when the person held this role (both optional). */
    startDate: text('start_date'),
    endDate: text('end_date'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [
    uniqueIndex('affiliations_unique_pair').on(t.personId, t.institutionId),
    index('affiliations_by_institution').on(t.institutionId),
  ],
);

/** Institution ↔ institution, stored once from the "from" side. */
export const institutionRelations = sqliteTable(
  'institution_relations',
  {
    id: text('id').primaryKey(),
    fromId: text('from_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    toId: text('to_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('institution_relations_unique').on(t.fromId, t.toId, t.kind),
    index('institution_relations_by_to').on(t.toId),
    check('institution_relations_not_self', sql`${t.fromId} <> ${t.toId}`),
  ],
);

/** Who changed what, when, with the state before and after (JSON). Never updated. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    userId: text('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_by_entity').on(t.entityId, t.at)],
);

/** Small key/value settings of this database (e.g. the local user). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

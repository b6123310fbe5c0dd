/**
 * The drizzle schema. Migrations are generated from it by drizzle-kit
 * (`npm run db:generate`) and checked in under ./migrations; FTS tables, which
 * drizzle cannot describe, live in custom migrations there.
 *
 * Every user-visible row has a UUIDv7 id, created_at / updated_at (ISO 8601 UTC)
 * and created_by. Cards are soft-deleted (deleted_at) so they can be restored.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

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
  /** The user's manager: a manager follows the notes and mail of the users whose manager they are. */
  managerId: text('manager_id').references((): AnySQLiteColumn => users.id),
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
    /** Set on the loser of a merge: a tombstone pointing at the card that absorbed it. */
    mergedInto: text('merged_into'),
  },
  (t) => [
    check('cards_type_check', sql`${t.type} in ('person', 'institution')`),
    index('cards_list_by_name').on(t.type, t.deletedAt, t.sortKey, t.id),
    index('cards_list_by_created').on(t.type, t.deletedAt, t.createdAt, t.id),
    index('cards_list_by_updated').on(t.type, t.deletedAt, t.updatedAt, t.id),
    index('cards_by_owner').on(t.ownerId),
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
    /** Set when a mailing to this address bounced (with the server's reason); cleared when the address is edited. */
    bouncedAt: text('bounced_at'),
    bounceReason: text('bounce_reason'),
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

// ---- person profile lists ----------------------------------------------------------

/**
 * The simple profile lists of a person, one table for all of them because they share
 * a shape: hobbies, associations/memberships, schools, languages. `detail` holds the
 * membership role, the school's department or the language level; `year` the
 * graduation year; the dates a membership's span.
 */
export const profileItems = sqliteTable(
  'profile_items',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    list: text('list', { enum: ['hobby', 'association', 'school', 'language'] }).notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    detail: text('detail'),
    year: integer('year'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    ...stamps,
  },
  (t) => [
    index('profile_items_by_card').on(t.cardId, t.list, t.position),
    index('profile_items_by_name').on(t.list, t.name),
  ],
);

/** Person ↔ person (spouse, parent/child, sibling …), stored once and shown from both sides. */
export const personRelatives = sqliteTable(
  'person_relatives',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    relativeId: text('relative_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    /** What the relative is to the person: spouse, parent, child, sibling, other. */
    relation: text('relation').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('person_relatives_unique').on(t.personId, t.relativeId),
    index('person_relatives_by_relative').on(t.relativeId),
    check('person_relatives_not_self', sql`${t.personId} <> ${t.relativeId}`),
  ],
);

/** Body-measurement history (uniform and workwear sizes), newest first on the card. */
export const bodyMeasurements = sqliteTable(
  'body_measurements',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    measuredOn: text('measured_on').notNull(),
    heightCm: integer('height_cm'),
    weightKg: integer('weight_kg'),
    shirtSize: text('shirt_size'),
    trouserSize: text('trouser_size'),
    jacketSize: text('jacket_size'),
    shoeSize: text('shoe_size'),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('body_measurements_by_card').on(t.cardId, t.measuredOn)],
);

// ---- tags and user-defined criteria -------------------------------------------------

export const cardTags = sqliteTable(
  'card_tags',
  {
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.tag] }), index('card_tags_by_tag').on(t.tag)],
);

/** An admin-defined group of criteria fields ("Satış bilgileri", "Kıyafet") for one card type. */
export const criteriaCategories = sqliteTable('criteria_categories', {
  id: text('id').primaryKey(),
  cardType: text('card_type', { enum: ['person', 'institution'] }).notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  ...stamps,
  deletedAt: text('deleted_at'),
});

export const criteriaFields = sqliteTable(
  'criteria_fields',
  {
    id: text('id').primaryKey(),
    categoryId: text('category_id')
      .notNull()
      .references(() => criteriaCategories.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['text', 'number', 'date', 'one_of', 'many_of', 'yes_no'] }).notNull(),
    /** JSON array of the allowed values of one_of / many_of fields. */
    options: text('options'),
    position: integer('position').notNull(),
    ...stamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [index('criteria_fields_by_category').on(t.categoryId, t.position)],
);

/**
 * A card's value of a criterion: one row per value (many_of fields have several).
 * text, one_of, many_of and date (YYYY-MM-DD) in value_text; number and yes_no
 * (0/1) in value_num, so segments compare numbers as numbers.
 */
export const criteriaValues = sqliteTable(
  'criteria_values',
  {
    id: text('id').primaryKey(),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    fieldId: text('field_id')
      .notNull()
      .references(() => criteriaFields.id),
    valueText: text('value_text'),
    valueNum: real('value_num'),
  },
  (t) => [
    index('criteria_values_by_card').on(t.cardId, t.fieldId),
    index('criteria_values_by_text').on(t.fieldId, t.valueText),
    index('criteria_values_by_num').on(t.fieldId, t.valueNum),
  ],
);

// ---- segments, merges, import layouts -------------------------------------------------

/** A saved query over cards (src-shared/domain/segment-query.ts), evaluated when used. */
export const segments = sqliteTable('segments', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  cardType: text('card_type', { enum: ['person', 'institution'] }).notNull(),
  /** JSON of a SegmentQuery; parsed with its zod schema on every read. */
  query: text('query').notNull(),
  ...stamps,
  deletedAt: text('deleted_at'),
});

/**
 * One merge of two cards. `moved` (JSON) lists every row that was repointed from the
 * loser to the survivor and every row that was dropped as a duplicate, so the merge
 * can be undone exactly.
 */
export const merges = sqliteTable(
  'merges',
  {
    id: text('id').primaryKey(),
    survivorId: text('survivor_id')
      .notNull()
      .references(() => cards.id),
    loserId: text('loser_id')
      .notNull()
      .references(() => cards.id),
    moved: text('moved').notNull(),
    /** JSON of both cards as they were before the merge. */
    before: text('before').notNull(),
    ...stamps,
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by').references(() => users.id),
  },
  (t) => [index('merges_by_survivor').on(t.survivorId), index('merges_by_loser').on(t.loserId)],
);

/** Pairs the user marked "not a duplicate", so detection stops proposing them. */
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    firstId: text('first_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    secondId: text('second_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.firstId, t.secondId] })],
);

/** The column mapping last used for a file layout (its header row), offered again next time. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    cardType: text('card_type', { enum: ['person', 'institution'] }).notNull(),
    /** SHA-256 of the folded header names in order. */
    layoutKey: text('layout_key').notNull(),
    mapping: text('mapping').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardType, t.layoutKey] })],
);

// ---- documents: the database is the filing cabinet ---------------------------------

/**
 * File contents, stored once per SHA-256 however often they are attached.
 * The bytes live in blob_chunks (fixed-size pieces), so a file of hundreds of MB
 * is written and read piece by piece and never held whole in memory.
 */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  chunkSize: integer('chunk_size').notNull(),
  createdAt: text('created_at').notNull(),
});

export const blobChunks = sqliteTable(
  'blob_chunks',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.seq] })],
);

/** A filed document: its current version's content, name and type; earlier versions in document_versions. */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    /** How it came in: picker, drop, paste, camera, folder, mail, cli. */
    source: text('source').notNull(),
    /** Text extraction: pending, done, failed, none (not extractable). Filled by the extraction job. */
    textStatus: text('text_status').notNull().default('pending'),
    textError: text('text_error'),
    ...stamps,
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id),
  },
  (t) => [index('documents_by_sha256').on(t.sha256), index('documents_by_text_status').on(t.textStatus)],
);

export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('document_versions_unique').on(t.documentId, t.version)],
);

/** Where a document is filed: one document can sit on several cards (later: notes, mails, tasks). */
export const documentCards = sqliteTable(
  'document_cards',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.cardId] }), index('document_cards_by_card').on(t.cardId)],
);

// ---- document text, tags, watched folders --------------------------------------------

/**
 * Text extracted from one content (SHA-256), once however many documents share
 * it: the extraction job never works on the same bytes twice. Pages are joined
 * with form feeds (\f), as pdftotext does, so a hit can name its page.
 * status: done, failed (reason says why), none (nothing to extract), locked
 * (password-protected; extracted once the user gives the password).
 */
export const blobTexts = sqliteTable('blob_texts', {
  sha256: text('sha256')
    .primaryKey()
    .references(() => blobs.sha256, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  text: text('text').notNull().default(''),
  pageCount: integer('page_count'),
  reason: text('reason'),
  /** Which extractor produced it (pdf, pdf+ocr, docx, ocr, ...), to re-run one kind after an upgrade. */
  extractor: text('extractor'),
  extractedAt: text('extracted_at').notNull(),
});

/**
 * Extraction attempts per content, written before the work starts: a file that
 * takes the whole process down is not retried for ever after restarts.
 */
export const textExtractionAttempts = sqliteTable('text_extraction_attempts', {
  sha256: text('sha256')
    .primaryKey()
    .references(() => blobs.sha256, { onDelete: 'cascade' }),
  attempts: integer('attempts').notNull(),
  lastStartedAt: text('last_started_at').notNull(),
});

/** Free tags on documents ("teklif", "sözleşme"); one spelling per Turkish-folded form, as on cards. */
export const documentTags = sqliteTable(
  'document_tags',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.tag] }), index('document_tags_by_tag').on(t.tag)],
);

/** A folder on this desk a scanner or another program writes into; new files land in the inbox to file. */
export const watchedFolders = sqliteTable(
  'watched_folders',
  {
    id: text('id').primaryKey(),
    path: text('path').notNull(),
    label: text('label'),
    ...stamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [uniqueIndex('watched_folders_by_path').on(t.path)],
);

/**
 * A file picked up from a watched folder: stored as a document at once (so the
 * original can go), waiting to be filed on a card. Once filed, the file is
 * removed from the folder; a discarded item is remembered so it is not picked up again.
 */
export const inboxItems = sqliteTable(
  'inbox_items',
  {
    id: text('id').primaryKey(),
    folderId: text('folder_id')
      .notNull()
      .references(() => watchedFolders.id),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** Where the file was found (absolute path), and its size and mtime when stored. */
    filePath: text('file_path').notNull(),
    fileSize: integer('file_size').notNull(),
    fileMtimeMs: integer('file_mtime_ms').notNull(),
    /** The card the text points at (VKN, TCKN, e-mail, name), and why; computed once the text is there. */
    suggestedCardId: text('suggested_card_id').references(() => cards.id, { onDelete: 'set null' }),
    suggestionReason: text('suggestion_reason'),
    /** filed / discarded; null while waiting. */
    state: text('state'),
    settledAt: text('settled_at'),
    settledBy: text('settled_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('inbox_items_by_state').on(t.state),
    index('inbox_items_by_file').on(t.filePath, t.fileSize, t.fileMtimeMs),
  ],
);

// ---- meeting notes --------------------------------------------------------------------

/** Why a meeting happened ("Satış görüşmesi", "Tahsilat"): an editable list, archived rather than deleted once used. */
export const noteReasons = sqliteTable(
  'note_reasons',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Turkish-folded name: one reason per spelling. */
    foldedName: text('folded_name').notNull(),
    position: integer('position').notNull(),
    archivedAt: text('archived_at'),
    ...stamps,
  },
  (t) => [uniqueIndex('note_reasons_by_folded_name').on(t.foldedName)],
);

/**
 * A meeting note (görüşme notu): what was said, with whom, when, why and how.
 * A complaint (şikayet) is a note with a status, a responsible user and a resolution.
 * body_html is sanitised in main before it is stored; body_text is its plain text for search.
 */
export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    /** meeting | complaint */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    happenedAt: text('happened_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    reasonId: text('reason_id').references(() => noteReasons.id),
    /** face_to_face | phone | video | email | visit_theirs | visit_ours | other */
    channel: text('channel').notNull(),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    /** Complaints only: open | in_progress | resolved. */
    complaintStatus: text('complaint_status'),
    complaintResponsibleId: text('complaint_responsible_id').references(() => users.id),
    complaintResolution: text('complaint_resolution'),
    ...stamps,
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id),
  },
  (t) => [
    index('notes_by_happened_at').on(t.happenedAt),
    index('notes_by_complaint_status').on(t.kind, t.complaintStatus),
    // A manager's feed starts from the notes their team wrote.
    index('notes_by_created_by').on(t.createdBy, t.happenedAt),
  ],
);

/** The cards a note concerns (persons and/or institutions); it shows on each one's timeline. */
export const noteCards = sqliteTable(
  'note_cards',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.cardId] }), index('note_cards_by_card').on(t.cardId)],
);

/** The firm's staff who took part. */
export const noteStaff = sqliteTable(
  'note_staff',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.userId] }), index('note_staff_by_user').on(t.userId)],
);

/** Files attached to a note: documents like any other (stored once, text searchable). */
export const noteDocuments = sqliteTable(
  'note_documents',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.documentId] }), index('note_documents_by_document').on(t.documentId)],
);

// ---- follow-ups, tasks, reminders ------------------------------------------------------

/**
 * A follow-up asked for by a note: on `due_date` (the firm's calendar day, optional time) the assignees are
 * reminded. Moving it changes the date; handing it over changes the assignees (both audited).
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    /** What is to be done ("Teklifi ara", "Numune gönder"). */
    description: text('description').notNull().default(''),
    /** YYYY-MM-DD in the firm's time zone. */
    dueDate: text('due_date').notNull(),
    /** HH:MM in the firm's time zone; null: reminded at the start of the working day. */
    dueTime: text('due_time'),
    /** open | done | cancelled */
    status: text('status').notNull(),
    doneAt: text('done_at'),
    doneBy: text('done_by').references(() => users.id),
    doneNote: text('done_note'),
    ...stamps,
  },
  (t) => [index('follow_ups_by_note').on(t.noteId), index('follow_ups_by_status_due').on(t.status, t.dueDate)],
);

export const followUpAssignees = sqliteTable(
  'follow_up_assignees',
  {
    followUpId: text('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.userId] }), index('follow_up_assignees_by_user').on(t.userId)],
);

/** Who has read which note (a manager following the team's notes): one row per reader. */
export const noteReads = sqliteTable(
  'note_reads',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    readAt: text('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.userId] }), index('note_reads_by_user').on(t.userId)],
);

/**
 * A task (görev). A recurring task is a series: `rrule` (RFC 5545, e.g. FREQ=MONTHLY;BYDAY=1MO) on the series'
 * first task; completing an instance creates the next one (same series_id) on the rule's next date after
 * `recurrence_date` — the date the rule gave it, so moving one instance does not shift the series.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** todo | in_progress | waiting | done | cancelled */
    status: text('status').notNull(),
    /** low | normal | high | urgent */
    priority: text('priority').notNull(),
    /** YYYY-MM-DD in the firm's time zone. */
    dueDate: text('due_date'),
    /** HH:MM in the firm's time zone. */
    dueTime: text('due_time'),
    rrule: text('rrule'),
    seriesId: text('series_id'),
    recurrenceDate: text('recurrence_date'),
    completedAt: text('completed_at'),
    completedBy: text('completed_by').references(() => users.id),
    ...stamps,
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id),
  },
  (t) => [index('tasks_by_status_due').on(t.status, t.dueDate), index('tasks_by_series').on(t.seriesId)],
);

export const taskAssignees = sqliteTable(
  'task_assignees',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_assignees_by_user').on(t.userId)],
);

export const taskChecklistItems = sqliteTable(
  'task_checklist_items',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    doneAt: text('done_at'),
    doneBy: text('done_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('task_checklist_by_task').on(t.taskId, t.position)],
);

export const taskComments = sqliteTable(
  'task_comments',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    ...stamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [index('task_comments_by_task').on(t.taskId, t.createdAt)],
);

export const taskCards = sqliteTable(
  'task_cards',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.cardId] }), index('task_cards_by_card').on(t.cardId)],
);

export const taskNotes = sqliteTable(
  'task_notes',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.noteId] }), index('task_notes_by_note').on(t.noteId)],
);

export const taskDocuments = sqliteTable(
  'task_documents',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.documentId] }), index('task_documents_by_document').on(t.documentId)],
);

/**
 * What a user is told: reminders (follow-up/task/event due) and news (a colleague's note for a manager, a task
 * assigned). A row appears once `due_at` has passed; the reminder job sets `delivered_at` (toast and desktop
 * notification) exactly once, also for rows that fell due while the app was closed. `dedupe_key` is unique, so
 * scheduling the same reminder twice writes one row.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** follow_up_due | task_due | event_starts | team_note | follow_up_assigned | task_assigned | task_comment */
    kind: text('kind').notNull(),
    /** follow_up | task | note | event */
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The thing's title when the notification was made (shown as written then). */
    subject: text('subject').notNull(),
    dueAt: text('due_at').notNull(),
    deliveredAt: text('delivered_at'),
    readAt: text('read_at'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('notifications_by_dedupe_key').on(t.dedupeKey),
    index('notifications_by_user_due').on(t.userId, t.dueAt),
    index('notifications_undelivered').on(t.deliveredAt, t.dueAt),
    index('notifications_by_entity').on(t.entityType, t.entityId),
  ],
);

/** A user's own preferences (planner's "no contact for N days", …), one row per key. */
export const userSettings = sqliteTable(
  'user_settings',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

// ---- agenda ----------------------------------------------------------------------------

/**
 * A shared calendar, one per topic. Resource calendars (room, vehicle, equipment) cannot be double-booked.
 * Who sees it: everyone, or its owner and members; who books in it: everyone, members, or only the owner.
 */
export const calendars = sqliteTable(
  'calendars',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    foldedName: text('folded_name').notNull(),
    /** general | personal | room | vehicle | equipment | holiday */
    kind: text('kind').notNull(),
    /** #rrggbb */
    color: text('color').notNull(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    /** everyone | members */
    visibility: text('visibility').notNull(),
    /** everyone | members | owner */
    booking: text('booking').notNull(),
    description: text('description'),
    ...stamps,
    archivedAt: text('archived_at'),
  },
  (t) => [uniqueIndex('calendars_by_folded_name').on(t.foldedName)],
);

export const calendarMembers = sqliteTable(
  'calendar_members',
  {
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendars.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    canBook: integer('can_book', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.userId] }), index('calendar_members_by_user').on(t.userId)],
);

/**
 * An event. Timed events store UTC instants (ISO); all-day events store dates (YYYY-MM-DD, end exclusive).
 * `time_zone` is the zone it was written in: a recurrence (RFC 5545 `rrule`, `exdates` as a JSON array of
 * instance starts) is expanded in that zone, so "every Monday 10:00" stays 10:00 across DST changes.
 * `series_ends_at` is the end of the last instance (null: endless), so a range query can skip old series.
 * A changed instance of a series is its own row with `parent_id` and `recurrence_id` (the instance's original start).
 */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendars.id),
    title: text('title').notNull(),
    location: text('location'),
    description: text('description').notNull().default(''),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    timeZone: text('time_zone').notNull(),
    rrule: text('rrule'),
    exdates: text('exdates'),
    seriesEndsAt: text('series_ends_at'),
    parentId: text('parent_id').references((): AnySQLiteColumn => events.id, { onDelete: 'cascade' }),
    recurrenceId: text('recurrence_id'),
    /** iCalendar UID (kept from an import, made for our own events) and SEQUENCE for invitations. */
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    organizerId: text('organizer_id').references(() => users.id),
    /** Remind the calendar's staff this many minutes before; null: no reminder. */
    remindMinutes: integer('remind_minutes'),
    ...stamps,
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by').references(() => users.id),
  },
  (t) => [
    index('events_by_calendar_start').on(t.calendarId, t.startsAt),
    index('events_by_series_end').on(t.seriesEndsAt),
    index('events_by_uid').on(t.uid),
    index('events_by_parent').on(t.parentId),
  ],
);

export const eventCards = sqliteTable(
  'event_cards',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.cardId] }), index('event_cards_by_card').on(t.cardId)],
);

export const eventDocuments = sqliteTable(
  'event_documents',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.documentId] }), index('event_documents_by_document').on(t.documentId)],
);

/**
 * Who is expected at an event (a person card, a staff member or an outsider by name/e-mail) and what happened:
 * invitation, response, check-in, or an uninvited walk-in (allowed or refused). `code` is the attendee's
 * personal code on the invitation's barcode and the badge, unique across all events.
 */
export const eventAttendees = sqliteTable(
  'event_attendees',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** person | staff | external */
    kind: text('kind').notNull(),
    cardId: text('card_id').references(() => cards.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    institutionName: text('institution_name'),
    roleTitle: text('role_title'),
    code: text('code').notNull(),
    /** needs_action | accepted | declined | tentative */
    response: text('response').notNull().default('needs_action'),
    respondedAt: text('responded_at'),
    invitedAt: text('invited_at'),
    /** email | sms | manual */
    invitedVia: text('invited_via'),
    checkedInAt: text('checked_in_at'),
    checkedInBy: text('checked_in_by').references(() => users.id),
    /** null: invited; allowed | refused: came without an invitation. */
    walkIn: text('walk_in'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('event_attendees_by_code').on(t.code),
    index('event_attendees_by_event').on(t.eventId),
    index('event_attendees_by_card').on(t.cardId),
  ],
);

// ───────────────────────────── Mail and SMS (issue 5) ─────────────────────────────

/**
 * An IMAP/SMTP account. The password is never stored in plain text: `secret_sealed` is what the host's
 * SecretBox made of it (Electron safeStorage = OS keychain; the web host and CLI: AES-GCM with a key file in
 * the data folder), `secret_scheme` says which, so a data folder opened by another host says why it cannot
 * read it instead of guessing.
 */
export const mailAccounts = sqliteTable(
  'mail_accounts',
  {
    id: text('id').primaryKey(),
    /** What staff call it ("Satış", "info@"). */
    name: text('name').notNull(),
    /** The From address of mail sent through it. */
    emailAddress: text('email_address').notNull(),
    displayName: text('display_name'),
    imapHost: text('imap_host').notNull(),
    imapPort: integer('imap_port').notNull(),
    /** tls | starttls | none */
    imapSecurity: text('imap_security').notNull(),
    smtpHost: text('smtp_host').notNull(),
    smtpPort: integer('smtp_port').notNull(),
    smtpSecurity: text('smtp_security').notNull(),
    username: text('username').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    secretScheme: text('secret_scheme').notNull(),
    inboxFolder: text('inbox_folder').notNull().default('INBOX'),
    sentFolder: text('sent_folder').notNull().default('Sent'),
    /** First scan fetches this many days back (newest first). */
    syncWindowDays: integer('sync_window_days').notNull().default(365),
    /** Mails a minute through SMTP (mailings and single mails alike). */
    ratePerMinute: integer('rate_per_minute').notNull().default(60),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** idle | syncing | error | disabled (what the settings screen shows), with the last problem worded. */
    status: text('status').notNull().default('idle'),
    statusDetail: text('status_detail'),
    lastSyncAt: text('last_sync_at'),
    ...stamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [index('mail_accounts_by_address').on(t.emailAddress)],
);

/**
 * How far a folder of an account has been read. UIDs only mean something with their UIDVALIDITY: when the
 * server's changes, the folder is read again and messages are matched by `content_key`, never stored twice.
 * The first scan goes newest first from `backfill_top_uid` down to the window's start; `backfill_next_below`
 * is where it continues after a crash; `last_uid` is the newest UID stored by incremental scans.
 */
export const mailFolders = sqliteTable(
  'mail_folders',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => mailAccounts.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    /** inbox | sent */
    role: text('role').notNull(),
    uidValidity: text('uid_validity'),
    lastUid: integer('last_uid').notNull().default(0),
    backfillTopUid: integer('backfill_top_uid'),
    backfillNextBelow: integer('backfill_next_below'),
    backfillDone: integer('backfill_done', { mode: 'boolean' }).notNull().default(false),
    highestModseq: text('highest_modseq'),
    windowStart: text('window_start'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mail_folders_by_account_path').on(t.accountId, t.path)],
);

/**
 * One mail, incoming or outgoing. Headers, text and the HTML part as received are stored; attachments become documents
 * (`mail_attachments`). `content_key` is the Message-ID (or a hash of the header block when there is none).
 * `thread_id` is the conversation's key: its root Message-ID (the first of References, else In-Reply-To, else the
 * mail's own), so a conversation scanned newest first is still one thread. `filed` is linked | unfiled | dismissed.
 */
export const mailMessages = sqliteTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').references(() => mailAccounts.id),
    folderId: text('folder_id').references(() => mailFolders.id),
    uidValidity: text('uid_validity'),
    uid: integer('uid'),
    /** in | out */
    direction: text('direction').notNull(),
    contentKey: text('content_key').notNull(),
    messageIdHeader: text('message_id_header'),
    inReplyTo: text('in_reply_to'),
    /** JSON array of Message-IDs. */
    referencesJson: text('references_json'),
    threadId: text('thread_id'),
    subject: text('subject').notNull().default(''),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    /** JSON arrays of { name, address }. */
    toJson: text('to_json').notNull().default('[]'),
    ccJson: text('cc_json').notNull().default('[]'),
    sentAt: text('sent_at'),
    receivedAt: text('received_at').notNull(),
    bodyText: text('body_text').notNull().default(''),
    /**
     * NOT SAFE to show: the HTML part as received (bounded, cid: images inlined by the parser). It is sanitised
     * when the mail is read (read/mail-html.ts), never when it is scanned: the scan does no DOM work for mail
     * nobody opens, and better sanitiser rules apply to old mail too. Never send it out of main as it is.
     * Whether remote content was held back is learnt from the sanitised result at read time.
     */
    bodyHtmlSource: text('body_html_source'),
    snippet: text('snippet').notNull().default(''),
    size: integer('size').notNull().default(0),
    /** The raw header block (bounded), kept for what the parser could not read. */
    headerBlock: text('header_block'),
    /** What the parser had to give up on, worded (broken MIME, too many parts…); null when clean. */
    parseProblems: text('parse_problems'),
    /** Set on delivery reports: the recipient row it marked failed. */
    bounceOf: text('bounce_of'),
    seenOnServer: integer('seen_on_server', { mode: 'boolean' }).notNull().default(false),
    filed: text('filed').notNull().default('unfiled'),
    ...stamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('mail_messages_by_uid').on(t.accountId, t.folderId, t.uidValidity, t.uid),
    index('mail_messages_by_content_key').on(t.accountId, t.contentKey),
    index('mail_messages_by_message_id').on(t.messageIdHeader),
    index('mail_messages_by_thread').on(t.threadId),
    index('mail_messages_by_filed').on(t.filed, t.receivedAt),
    index('mail_messages_by_received').on(t.receivedAt),
  ],
);

/**
 * Mail stored from a large scan before its body was read: the row, its links and its thread are written at once
 * (from the header block), the raw message waits here, and the mail body job (jobs/mail-bodies) parses it later
 * for text, HTML, attachments and the search row, then deletes it here in the same transaction. A row here is
 * what "the body is not read yet" means; after a crash the job takes up what is left.
 */
export const mailBodyQueue = sqliteTable('mail_body_queue', {
  messageId: text('message_id')
    .primaryKey()
    .references(() => mailMessages.id, { onDelete: 'cascade' }),
  raw: blob('raw', { mode: 'buffer' }).notNull(),
  queuedAt: text('queued_at').notNull(),
});

/** Which cards a mail belongs to and why: address | domain | thread | manual. */
export const mailMessageCards = sqliteTable(
  'mail_message_cards',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id, { onDelete: 'cascade' }),
    linkKind: text('link_kind').notNull(),
    address: text('address'),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.cardId] }),
    index('mail_message_cards_by_card').on(t.cardId, t.messageId),
  ],
);

export const mailAttachments = sqliteTable(
  'mail_attachments',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** The name as sent (shown), never used as a path. */
    fileName: text('file_name').notNull(),
    contentType: text('content_type'),
    size: integer('size').notNull(),
    /** Inline parts (cid:) are shown inside the HTML, not listed. */
    contentId: text('content_id'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.position] }), index('mail_attachments_by_document').on(t.documentId)],
);

/** Who has read which mail (read state is per staff member, like notes). */
export const mailReads = sqliteTable(
  'mail_reads',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    readAt: text('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index('mail_reads_by_user').on(t.userId)],
);

/** Reusable subjects and bodies with placeholders ({unvan}, {ad}, {soyad}, {kurum}, {referans}…). */
export const mailTemplates = sqliteTable('mail_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** email | sms */
  channel: text('channel').notNull(),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull(),
  ...stamps,
  deletedAt: text('deleted_at'),
});

/**
 * An SMS provider account (HTTP API). The credential is sealed like mail passwords.
 * `provider` names the implementation (netgsm | local-gateway), `api_url` where it listens.
 */
export const smsAccounts = sqliteTable('sms_accounts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  provider: text('provider').notNull(),
  apiUrl: text('api_url').notNull(),
  username: text('username').notNull(),
  secretSealed: text('secret_sealed').notNull(),
  secretScheme: text('secret_scheme').notNull(),
  /** The approved sender name (başlık) shown on the phone. */
  sender: text('sender').notNull(),
  ratePerMinute: integer('rate_per_minute').notNull().default(60),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Why its messages wait (the provider refused the login, could not be reached…); null while it sends. */
  sendProblem: text('send_problem'),
  ...stamps,
  deletedAt: text('deleted_at'),
});

/**
 * Something sent: one mail or SMS to a few people (`kind` single) or a mailing to a segment's members
 * (`kind` mailing). The recipient list is fixed when it is queued (the segment evaluated then) and kept
 * for ever in `mailing_recipients`, the outbox the send job works through.
 * status: draft | queued | sending | paused | cancelled | done
 */
export const mailings = sqliteTable(
  'mailings',
  {
    id: text('id').primaryKey(),
    /** email | sms */
    channel: text('channel').notNull(),
    /** single | mailing */
    kind: text('kind').notNull(),
    accountId: text('account_id').references(() => mailAccounts.id),
    smsAccountId: text('sms_account_id').references(() => smsAccounts.id),
    segmentId: text('segment_id').references(() => segments.id),
    /** The segment's name when it was sent (the segment may be renamed or deleted later). */
    segmentName: text('segment_name'),
    subject: text('subject').notNull().default(''),
    /** The template text with placeholders; each recipient's rendering is stored on their row. */
    body: text('body').notNull(),
    /** JSON array of document ids attached to every message. */
    documentIdsJson: text('document_ids_json').notNull().default('[]'),
    /** Add a footer naming the other recipients (names only, never addresses). */
    listOthers: integer('list_others', { mode: 'boolean' }).notNull().default(false),
    /** The mail this one answers (Message-ID), so the reply threads. */
    inReplyTo: text('in_reply_to'),
    status: text('status').notNull().default('draft'),
    total: integer('total').notNull().default(0),
    startedAt: text('started_at'),
    finishedAt: text('finished_at'),
    ...stamps,
  },
  (t) => [index('mailings_by_status').on(t.status), index('mailings_by_created').on(t.createdAt)],
);

/**
 * One recipient of a mailing: the outbox row. `message_id_header` and `reference_no` are made when the row is
 * queued, so a resend after a crash is the same message. status: pending | sending | sent | uncertain |
 * failed | cancelled. A row found in `sending` after a crash may or may not have reached the server: it
 * becomes `uncertain` and is never resent without someone saying so.
 */
export const mailingRecipients = sqliteTable(
  'mailing_recipients',
  {
    id: text('id').primaryKey(),
    mailingId: text('mailing_id')
      .notNull()
      .references(() => mailings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    cardId: text('card_id').references(() => cards.id),
    name: text('name').notNull(),
    /** An e-mail address (lower-case) or a phone number in E.164. */
    address: text('address').notNull(),
    salutation: text('salutation').notNull().default(''),
    referenceNo: text('reference_no').notNull(),
    messageIdHeader: text('message_id_header').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    sentAt: text('sent_at'),
    /** The stored copy of what was sent (mail_messages, direction out). */
    mailMessageId: text('mail_message_id').references(() => mailMessages.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('mailing_recipients_by_reference').on(t.referenceNo),
    uniqueIndex('mailing_recipients_by_message_id').on(t.messageIdHeader),
    uniqueIndex('mailing_recipients_by_address').on(t.mailingId, t.address),
    index('mailing_recipients_by_status').on(t.mailingId, t.status, t.position),
    index('mailing_recipients_by_card').on(t.cardId),
  ],
);

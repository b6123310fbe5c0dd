import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, isoDate, optionalChecked, optionalText, pageInput, pastIsoDate, requiredText } from './common';
import { ibanSchema, tcknSchema, vknSchema } from '../domain/tr-identifiers';
import { segmentQuery } from '../domain/segment-query';
import { isMailDomain, isPublicMailDomain, isPublicSuffix, normaliseMailDomain } from '../domain/mail-domains';

// ---- vocabularies ---------------------------------------------------------

export const INSTITUTION_KINDS = [
  'customer',
  'prospect',
  'supplier',
  'subcontractor',
  'bank',
  'group_company',
  'other',
] as const;
export const PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export const EMAIL_KINDS = ['work', 'personal', 'other'] as const;
export const ADDRESS_KINDS = ['work', 'home', 'billing', 'shipping', 'other'] as const;
/**
 * Institution ↔ institution relations, stored once from the "from" side and
 * shown from both sides (parent ↔ subsidiary, supplier ↔ customer, bank ↔ client).
 */
export const RELATION_KINDS = ['parent_of', 'group_company', 'supplier_of', 'bank_of', 'partner', 'other'] as const;
export const CARD_TYPES = ['person', 'institution'] as const;
export const GENDERS = ['female', 'male'] as const;

export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type RelationKind = (typeof RELATION_KINDS)[number];
export type CardType = (typeof CARD_TYPES)[number];

// ---- contact details --------------------------------------------------------

export const phoneInput = z.object({
  kind: z.enum(PHONE_KINDS).default('mobile'),
  number: requiredText(40, 'Telefon numarası'),
});
export const emailInput = z.object({
  kind: z.enum(EMAIL_KINDS).default('work'),
  address: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Geçerli bir e-posta adresi olmalı' })),
  isPrimary: z.boolean().default(false),
});
export const addressInput = z.object({
  kind: z.enum(ADDRESS_KINDS).default('work'),
  line: optionalText(300),
  district: optionalText(80),
  province: optionalText(80),
  postalCode: optionalText(10),
  country: optionalText(80),
});

export const ibanInput = z.object({
  iban: ibanSchema,
  bankName: optionalText(100),
});

const contactsInput = {
  phones: z.array(phoneInput).max(50).default([]),
  emails: z.array(emailInput).max(50).default([]),
  addresses: z.array(addressInput).max(20).default([]),
  ibans: z.array(ibanInput).max(20).default([]),
};

export const phoneOut = z.object({
  id: z.string(),
  kind: z.enum(PHONE_KINDS),
  number: z.string(),
  e164: z.string().nullable(),
  display: z.string(),
});
export const emailOut = z.object({
  id: z.string(),
  kind: z.enum(EMAIL_KINDS),
  address: z.string(),
  isPrimary: z.boolean(),
});
export const addressOut = z.object({
  id: z.string(),
  kind: z.enum(ADDRESS_KINDS),
  line: z.string().nullable(),
  district: z.string().nullable(),
  province: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
});

export const ibanOut = z.object({
  id: z.string(),
  /** Without spaces, upper-case. */
  iban: z.string(),
  /** In groups of four, as printed on statements. */
  display: z.string(),
  bankName: z.string().nullable(),
});

/** An institution's own mail domain: never a public provider (mail linking relies on it). */
export const mailDomainInput = z
  .string()
  .transform(normaliseMailDomain)
  .refine(isMailDomain, { message: 'Geçerli bir alan adı olmalı (ör. firma.com.tr)' })
  .refine((d) => !isPublicMailDomain(d), {
    message: 'Herkese açık e-posta sağlayıcıları (gmail.com, hotmail.com …) kurum alan adı olamaz',
  })
  .refine((d) => !isPublicSuffix(d), {
    message: 'com.tr, gov.tr gibi herkesin altında alan adı aldığı uzantılar kurum alan adı olamaz (ör. firma.com.tr)',
  });

const stamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
  /** Set on the tombstone of a merge: the card that absorbed this one. */
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
};

/**
 * The card's owner ("sorumlu"), a row of users. Left out: the creator on create,
 * unchanged on update (so callers that know nothing of owners keep them); null: nobody.
 */
const ownerIdInput = idSchema.nullable().optional();
const ownerOut = { ownerId: z.string().nullable(), ownerName: z.string().nullable() };

// ---- persons ------------------------------------------------------------------

export const personFields = z.object({
  honorific: optionalText(40),
  firstName: requiredText(100, 'Ad'),
  lastName: requiredText(100, 'Soyad'),
  gender: z.enum(GENDERS).optional(),
  birthDate: optionalChecked(pastIsoDate('Doğum tarihi')),
  tckn: optionalChecked(tcknSchema),
  source: optionalText(100),
  notes: optionalText(10_000),
  ownerId: ownerIdInput,
  ...contactsInput,
});
export type PersonFields = z.input<typeof personFields>;

export const affiliationOut = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  institutionId: z.string(),
  institutionTitle: z.string(),
  role: z.string().nullable(),
  department: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const personOut = z.object({
  id: z.string(),
  type: z.literal('person'),
  displayName: z.string(),
  honorific: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  /** Full number: the UI shows it masked. */
  tckn: z.string().nullable(),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  phones: z.array(phoneOut),
  emails: z.array(emailOut),
  addresses: z.array(addressOut),
  ibans: z.array(ibanOut),
  affiliations: z.array(affiliationOut),
  ...ownerOut,
  ...stamps,
});
export type Person = z.infer<typeof personOut>;

// ---- institutions ----------------------------------------------------------------

export const institutionFields = z.object({
  title: requiredText(300, 'Unvan'),
  shortName: optionalText(100),
  kinds: z
    .array(z.enum(INSTITUTION_KINDS))
    .max(INSTITUTION_KINDS.length)
    .default([])
    .transform((k) => [...new Set(k)]),
  sector: optionalText(100),
  taxOffice: optionalText(100),
  vkn: optionalChecked(vknSchema),
  tradeRegistryNo: optionalText(50),
  website: optionalText(200),
  emailDomains: z
    .array(mailDomainInput)
    .max(20)
    .default([])
    .transform((d) => [...new Set(d)]),
  source: optionalText(100),
  notes: optionalText(10_000),
  ownerId: ownerIdInput,
  ...contactsInput,
});
export type InstitutionFields = z.input<typeof institutionFields>;

export const relationOut = z.object({
  id: z.string(),
  kind: z.enum(RELATION_KINDS),
  /** 'out': this institution is the "from" side (e.g. parent_of → it is the parent). */
  direction: z.enum(['out', 'in']),
  otherId: z.string(),
  otherTitle: z.string(),
  note: z.string().nullable(),
});

export const institutionOut = z.object({
  id: z.string(),
  type: z.literal('institution'),
  displayName: z.string(),
  title: z.string(),
  shortName: z.string().nullable(),
  kinds: z.array(z.enum(INSTITUTION_KINDS)),
  sector: z.string().nullable(),
  taxOffice: z.string().nullable(),
  vkn: z.string().nullable(),
  tradeRegistryNo: z.string().nullable(),
  website: z.string().nullable(),
  emailDomains: z.array(z.string()),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  phones: z.array(phoneOut),
  emails: z.array(emailOut),
  addresses: z.array(addressOut),
  ibans: z.array(ibanOut),
  affiliations: z.array(affiliationOut),
  relations: z.array(relationOut),
  ...ownerOut,
  ...stamps,
});
export type Institution = z.infer<typeof institutionOut>;

// ---- lists -------------------------------------------------------------------------

export const LIST_SORTS = ['name', 'createdAt', 'updatedAt'] as const;

const listInput = {
  /** Folded search over the card's text (names, phones, e-mails, addresses, links). */
  q: z.string().max(200).optional(),
  sort: z.enum(LIST_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** true: the recycle bin (soft-deleted cards) instead of the live ones. */
  deleted: z.boolean().default(false),
  province: optionalText(80),
  /** Only the members of a saved segment … */
  segmentId: idSchema.optional(),
  /** … or of a query being built (the segment builder's preview). */
  query: segmentQuery.optional(),
  ...pageInput,
};

export const personRow = z.object({
  id: z.string(),
  displayName: z.string(),
  institutions: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type PersonRow = z.infer<typeof personRow>;

export const institutionRow = z.object({
  id: z.string(),
  displayName: z.string(),
  kinds: z.array(z.enum(INSTITUTION_KINDS)),
  sector: z.string().nullable(),
  phone: z.string().nullable(),
  province: z.string().nullable(),
  personCount: z.number(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type InstitutionRow = z.infer<typeof institutionRow>;

const page = <T extends z.ZodType>(row: T) => z.object({ total: z.number(), rows: z.array(row) });

// ---- links ---------------------------------------------------------------------------

const affiliationFields = {
  role: optionalText(150),
  department: optionalText(150),
  startDate: optionalChecked(isoDate('Başlangıç tarihi')),
  endDate: optionalChecked(isoDate('Bitiş tarihi')),
  isPrimary: z.boolean().default(false),
};

/** A role cannot end before it began. */
const datesInOrder = <T extends { startDate?: string | undefined; endDate?: string | undefined }>(v: T) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
const DATES_IN_ORDER = { message: 'Bitiş tarihi başlangıçtan önce olamaz', path: ['endDate'] };

// ---- the calls -------------------------------------------------------------------------

const idInput = z.object({ id: idSchema });
/**
 * The card's updatedAt when the form was opened: when given and the card has
 * changed since (another window, another user), the update is refused with
 * CONFLICT instead of silently overwriting the newer data.
 */
const expectedUpdatedAt = z.string().max(40).optional();
const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES) });

export const cardsCalls = {
  'cards.createPerson': defineCall({
    summary: 'Create a person card with its phones, e-mails and addresses.',
    input: personFields,
    output: personOut,
  }),
  'cards.updatePerson': defineCall({
    summary: 'Replace the fields and contact details of a person card.',
    input: personFields.extend({ id: idSchema, expectedUpdatedAt }),
    output: personOut,
  }),
  'cards.getPerson': defineCall({ summary: 'Read one person card in full.', input: idInput, output: personOut }),
  'cards.listPersons': defineCall({
    summary: 'One page of person cards, sorted and filtered.',
    input: z.object({ ...listInput, institutionId: idSchema.optional() }),
    output: page(personRow),
  }),
  'cards.createInstitution': defineCall({
    summary: 'Create an institution card.',
    input: institutionFields,
    output: institutionOut,
  }),
  'cards.updateInstitution': defineCall({
    summary: 'Replace the fields and contact details of an institution card.',
    input: institutionFields.extend({ id: idSchema, expectedUpdatedAt }),
    output: institutionOut,
  }),
  'cards.getInstitution': defineCall({
    summary: 'Read one institution card in full.',
    input: idInput,
    output: institutionOut,
  }),
  'cards.listInstitutions': defineCall({
    summary: 'One page of institution cards, sorted and filtered.',
    input: z.object({ ...listInput, kind: z.enum(INSTITUTION_KINDS).optional() }),
    output: page(institutionRow),
  }),
  'cards.delete': defineCall({
    summary: 'Move a card to the recycle bin (soft delete, can be restored).',
    input: idInput,
    output: cardRef,
  }),
  'cards.restore': defineCall({ summary: 'Bring a card back from the recycle bin.', input: idInput, output: cardRef }),
  'cards.link': defineCall({
    summary: 'Link a person to an institution with a role.',
    input: z
      .object({ personId: idSchema, institutionId: idSchema, ...affiliationFields })
      .refine(datesInOrder, DATES_IN_ORDER),
    output: affiliationOut,
  }),
  'cards.updateLink': defineCall({
    summary: 'Change the role, department or primary flag of a person–institution link.',
    input: z.object({ id: idSchema, ...affiliationFields }).refine(datesInOrder, DATES_IN_ORDER),
    output: affiliationOut,
  }),
  'cards.unlink': defineCall({
    summary: 'Remove a person–institution link.',
    input: idInput,
    output: z.object({ id: z.string() }),
  }),
  'cards.relate': defineCall({
    summary: 'Relate two institutions (parent of, group company, supplier of, bank of …).',
    input: z.object({ fromId: idSchema, toId: idSchema, kind: z.enum(RELATION_KINDS), note: optionalText(300) }),
    output: relationOut,
  }),
  'cards.unrelate': defineCall({
    summary: 'Remove a relation between two institutions.',
    input: idInput,
    output: z.object({ id: z.string() }),
  }),
  'cards.appendNote': defineCall({
    summary: "Add a dated line signed by the user to the end of a card's notes (until the notes module).",
    input: z.object({ id: idSchema, text: requiredText(2000, 'Not') }),
    output: z.object({ id: z.string(), type: z.enum(CARD_TYPES), notes: z.string(), updatedAt: z.string() }),
  }),
};

export const cardsEvents = {
  'cards.changed': defineEvent({
    summary: 'A card was created, changed, deleted or restored.',
    payload: z.object({
      id: z.string(),
      type: z.enum(CARD_TYPES),
      action: z.enum(['created', 'updated', 'deleted', 'restored', 'linked', 'merged', 'unmerged']),
    }),
  }),
};

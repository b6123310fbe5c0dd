/**
 * The transfer slice of the contract: import of person and institution cards
 * from .csv, .xlsx and .vcf files, and export of lists and segments.
 *
 * Files cross the boundary in base64 chunks (the web host refuses bodies over
 * 10 MB): `transfer.upload` appends to a temp file in main and answers an
 * upload id; `inspect` and `import` refer to it. Exports are written to a temp
 * file in main and fetched back with `transfer.download`, chunk by chunk.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, optionalText } from './common';
import { ADDRESS_KINDS, CARD_TYPES, EMAIL_KINDS, INSTITUTION_KINDS, PHONE_KINDS, type CardType } from './cards';

// ---- limits ------------------------------------------------------------------

/** One upload or download chunk: 4 MB of bytes, about 5.6 MB of base64, well under the 10 MB body limit. */
export const TRANSFER_CHUNK_BYTES = 4 * 1024 * 1024;
const CHUNK_BASE64_CHARS = Math.ceil(TRANSFER_CHUNK_BYTES / 3) * 4;
/** The largest file an upload may grow to. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_COLUMNS = 500;

// ---- vocabularies ------------------------------------------------------------

export const TRANSFER_FORMATS = ['csv', 'xlsx', 'vcf'] as const;
export type TransferFormat = (typeof TRANSFER_FORMATS)[number];

/** What an import does with a row that matches an existing card (see the rule in services/transfer/duplicates.ts). */
export const DUPLICATE_ACTIONS = ['skip', 'update', 'create'] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

export const TRANSFER_PHASES = ['reading', 'validating', 'writing', 'exporting', 'done'] as const;

/**
 * Scalar targets of a column. `fullName` is split into first and last name at
 * the last space; `middleName` is added to the first name (Outlook and Google
 * have a column for it, the card has none).
 */
export const PERSON_SCALARS = [
  'honorific',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'gender',
  'birthDate',
  'tckn',
  'source',
  'notes',
] as const;
export const INSTITUTION_SCALARS = [
  'title',
  'shortName',
  'kinds',
  'sector',
  'taxOffice',
  'vkn',
  'tradeRegistryNo',
  'website',
  'emailDomains',
  'source',
  'notes',
] as const;
export const ADDRESS_PARTS = ['line', 'district', 'province', 'postalCode', 'country'] as const;
export const IBAN_PARTS = ['iban', 'bankName'] as const;
export const AFFILIATION_PARTS = ['institution', 'role', 'department'] as const;
/** Groups of columns (an address, an IBAN, an institution with a role) a row may carry per kind. */
export const MAX_SLOTS = 3;

export type PersonScalar = (typeof PERSON_SCALARS)[number];
export type InstitutionScalar = (typeof INSTITUTION_SCALARS)[number];
export type AddressPart = (typeof ADDRESS_PARTS)[number];
export type IbanPart = (typeof IBAN_PARTS)[number];
export type AffiliationPart = (typeof AFFILIATION_PARTS)[number];

/** The card's owner ("Sorumlu"): a user named by name or e-mail. */
export const OWNER_TARGET = 'owner';
/** The card's tags, several in a cell (split on , or ;). */
export const TAGS_TARGET = 'tags';
const CRITERION_PREFIX = 'criteria.';
const CRITERION_TARGET = /^criteria\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A user-defined criteria field as a target: `criteria.<field id>`; which fields exist is main's to check. */
export const criterionTarget = (fieldId: string) => `${CRITERION_PREFIX}${fieldId}`;
export const isCriterionTarget = (target: string) => CRITERION_TARGET.test(target);

/**
 * Where a column goes, parsed from its target name:
 * `firstName` · `phone.mobile` · `email.work` · `address.home.2.province` ·
 * `iban.1.bankName` · `affiliation.1.role` (persons only) · `owner` · `tags` ·
 * `criteria.<field id>` (a criteria field the admin defined).
 * Phone and e-mail targets may be chosen for several columns (each adds one);
 * every other target for one column only.
 */
export type ImportTarget =
  | { group: 'scalar'; field: PersonScalar | InstitutionScalar }
  | { group: 'phone'; kind: (typeof PHONE_KINDS)[number] }
  | { group: 'email'; kind: (typeof EMAIL_KINDS)[number] }
  | { group: 'address'; kind: (typeof ADDRESS_KINDS)[number]; slot: number; part: AddressPart }
  | { group: 'iban'; slot: number; part: IbanPart }
  | { group: 'affiliation'; slot: number; part: AffiliationPart }
  | { group: 'owner' }
  | { group: 'tags' }
  | { group: 'criterion'; fieldId: string };

const slots = Array.from({ length: MAX_SLOTS }, (_, i) => i + 1);

function buildTargets(cardType: CardType): string[] {
  const scalars: readonly string[] = cardType === 'person' ? PERSON_SCALARS : INSTITUTION_SCALARS;
  return [
    ...scalars,
    ...PHONE_KINDS.map((k) => `phone.${k}`),
    ...EMAIL_KINDS.map((k) => `email.${k}`),
    ...ADDRESS_KINDS.flatMap((k) => slots.flatMap((n) => ADDRESS_PARTS.map((p) => `address.${k}.${n}.${p}`))),
    ...slots.flatMap((n) => IBAN_PARTS.map((p) => `iban.${n}.${p}`)),
    ...(cardType === 'person' ? slots.flatMap((n) => AFFILIATION_PARTS.map((p) => `affiliation.${n}.${p}`)) : []),
    OWNER_TARGET,
    TAGS_TARGET,
  ];
}

const TARGETS: Record<CardType, readonly string[]> = {
  person: buildTargets('person'),
  institution: buildTargets('institution'),
};
const TARGET_SETS: Record<CardType, ReadonlySet<string>> = {
  person: new Set(TARGETS.person),
  institution: new Set(TARGETS.institution),
};

/**
 * Every fixed target a column of this card type can be mapped to, in the order
 * the mapping select lists them; criteria fields come on top (they are data).
 */
export const importTargets = (cardType: CardType): readonly string[] => TARGETS[cardType];
/** A fixed target of the card type, or a criteria target (whether that field is live is checked in main). */
export const isImportTarget = (cardType: CardType, target: string): boolean =>
  TARGET_SETS[cardType].has(target) || isCriterionTarget(target);

/** The structure of a target name (assumed valid: check with isImportTarget first). */
export function parseTarget(target: string): ImportTarget {
  const [head, a, b, c] = target.split('.') as [string, string?, string?, string?];
  switch (head) {
    case 'phone':
      return { group: 'phone', kind: a as (typeof PHONE_KINDS)[number] };
    case 'email':
      return { group: 'email', kind: a as (typeof EMAIL_KINDS)[number] };
    case 'address':
      return { group: 'address', kind: a as (typeof ADDRESS_KINDS)[number], slot: Number(b), part: c as AddressPart };
    case 'iban':
      return { group: 'iban', slot: Number(a), part: b as IbanPart };
    case 'affiliation':
      return { group: 'affiliation', slot: Number(a), part: b as AffiliationPart };
    case OWNER_TARGET:
      return { group: 'owner' };
    case TAGS_TARGET:
      return { group: 'tags' };
    case 'criteria':
      return { group: 'criterion', fieldId: a! };
    default:
      return { group: 'scalar', field: head as PersonScalar | InstitutionScalar };
  }
}

/** Phone, e-mail and tag columns each add entries, so several columns may share those targets. */
export const isRepeatableTarget = (target: string): boolean =>
  target.startsWith('phone.') || target.startsWith('email.') || target === 'notes' || target === TAGS_TARGET;

// ---- the calls ---------------------------------------------------------------

const uploadId = idSchema;
const jobId = idSchema.optional();
const cardType = z.enum(CARD_TYPES);

/** One column's target or null (not imported); one entry per column of the file, in order. */
const mappingSchema = z.array(z.string().max(60).nullable()).max(MAX_IMPORT_COLUMNS);

const rowError = z.object({
  /** The row as the user sees it in the file (header = row 1); for vCard files, the card's number. */
  row: z.number(),
  /** The column's header in the file ('' when the problem is not one column's). */
  column: z.string(),
  message: z.string(),
});
export type TransferRowError = z.infer<typeof rowError>;

export const exportFilter = z.object({
  q: z.string().max(200).optional(),
  province: optionalText(80),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  /** A saved segment instead of the list filters. */
  segmentId: idSchema.optional(),
});
export type ExportFilter = z.input<typeof exportFilter>;

const inspection = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  format: z.enum(TRANSFER_FORMATS),
  /** The text encoding read (csv, vcf): utf-8, windows-1254, utf-16le … */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows, one string per column. */
  sample: z.array(z.array(z.string())),
  rowCount: z.number(),
  mapping: z.array(z.string().nullable()),
  /** 'remembered': the mapping last used for files with these headers. */
  mappingSource: z.enum(['remembered', 'suggested']),
  warnings: z.array(z.string()),
});
export type TransferInspection = z.infer<typeof inspection>;

const importReport = z.object({
  jobId: z.string(),
  dryRun: z.boolean(),
  /** True when the cards were written. */
  committed: z.boolean(),
  cancelled: z.boolean(),
  /** Data rows read (empty rows not counted). */
  rowCount: z.number(),
  /**
   * Rows that created, updated or were skipped as duplicates: what was written,
   * or in a dry run what would be. All zero when nothing was written because of errors.
   */
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  /** Institutions created for persons' "institution" columns that matched no existing one. */
  institutionsCreated: z.number(),
  /** Rows with at least one error (left out when importing only the valid rows). */
  errorRows: z.number(),
  errors: z.array(rowError),
  /** More errors were found than `errors` holds. */
  errorsTruncated: z.boolean(),
  warnings: z.array(z.string()),
});
export type TransferImportReport = z.infer<typeof importReport>;

export const transferCalls = {
  'transfer.upload': defineCall({
    summary: 'Append a base64 chunk (≤ 4 MB) to an uploaded file; without uploadId a new upload starts.',
    input: z.object({
      uploadId: uploadId.optional(),
      fileName: z.string().trim().min(1).max(255),
      /** Where this chunk starts: the size received so far (a repeated or skipped chunk is refused). */
      offset: z.number().int().min(0),
      data: z
        .base64({ message: 'Parça base64 olmalı' })
        .max(CHUNK_BASE64_CHARS, { message: 'Parça en çok 4 MB olabilir' }),
    }),
    output: z.object({ uploadId: z.string(), size: z.number() }),
  }),
  'transfer.inspect': defineCall({
    summary: 'Read an uploaded file: format, encoding, headers, first rows, row count and a suggested mapping.',
    input: z.object({ uploadId, cardType }),
    output: inspection,
  }),
  'transfer.import': defineCall({
    summary: 'Validate and import the rows of an uploaded file (dry run: validate only); all or nothing by default.',
    input: z
      .object({
        uploadId,
        cardType,
        mapping: mappingSchema,
        onDuplicate: z.enum(DUPLICATE_ACTIONS).default('skip'),
        dryRun: z.boolean().default(false),
        /** Import the valid rows and report the others, instead of importing nothing when any row fails. */
        validRowsOnly: z.boolean().default(false),
        /** Chosen by the caller so it can follow progress and cancel before the answer arrives. */
        jobId,
      })
      .superRefine((v, ctx) => {
        v.mapping.forEach((t, i) => {
          if (t !== null && !isImportTarget(v.cardType, t))
            ctx.addIssue({ code: 'custom', path: ['mapping', i], message: `Bilinmeyen hedef alan: ${t}` });
        });
      }),
    output: importReport,
  }),
  'transfer.cancel': defineCall({
    summary: 'Cancel a running import or export.',
    input: z.object({ jobId: idSchema }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'transfer.discard': defineCall({
    summary: 'Delete an uploaded file that will not be imported.',
    input: z.object({ uploadId }),
    output: z.object({ discarded: z.boolean() }),
  }),
  'transfer.export': defineCall({
    summary: 'Write the cards of a list (its filters) or of a segment to an .xlsx, .csv or .vcf file for download.',
    input: z.object({
      cardType,
      format: z.enum(TRANSFER_FORMATS),
      filter: exportFilter.default({ province: undefined }),
      jobId,
    }),
    output: z.object({
      downloadId: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      rowCount: z.number(),
    }),
  }),
  'transfer.download': defineCall({
    summary: 'One chunk (≤ 4 MB, base64) of an exported file; the file is deleted after its last chunk.',
    input: z.object({ downloadId: idSchema, offset: z.number().int().min(0) }),
    output: z.object({ data: z.string(), size: z.number(), done: z.boolean() }),
  }),
};

export const transferEvents = {
  'transfer.progress': defineEvent({
    summary: 'Progress of an import or export job.',
    payload: z.object({
      jobId: z.string(),
      phase: z.enum(TRANSFER_PHASES),
      done: z.number(),
      /** null while the total is not known. */
      total: z.number().nullable(),
    }),
  }),
  'transfer.imported': defineEvent({
    summary: 'An import wrote cards (one event for the whole import).',
    /** cardType, created and updated are about the file's cards; institutionsCreated about those made for links. */
    payload: z.object({ cardType, created: z.number(), updated: z.number(), institutionsCreated: z.number() }),
  }),
};

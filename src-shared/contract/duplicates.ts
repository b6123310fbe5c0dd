/** The duplicates slice of the contract: find likely duplicate cards, merge two into one, undo a merge. */
import { z } from 'zod';
import { defineCall } from './define';
import { idSchema, pageInput } from './common';
import { CARD_TYPES, institutionOut, personOut } from './cards';

/** Why two cards look like one, strongest first: an official number, then e-mail, phone, name. */
export const DUPLICATE_REASONS = ['tckn', 'vkn', 'email', 'phone', 'name'] as const;
export type DuplicateReasonKind = (typeof DUPLICATE_REASONS)[number];

/** The scalar fields a merge chooses between; lists (phones, links …) are combined instead. */
export const PERSON_MERGE_FIELDS = [
  'honorific',
  'firstName',
  'lastName',
  'gender',
  'birthDate',
  'tckn',
  'source',
  'notes',
] as const;
export const INSTITUTION_MERGE_FIELDS = [
  'title',
  'shortName',
  'sector',
  'taxOffice',
  'vkn',
  'tradeRegistryNo',
  'website',
  'source',
  'notes',
] as const;
export type MergeField = (typeof PERSON_MERGE_FIELDS)[number] | (typeof INSTITUTION_MERGE_FIELDS)[number];

/** Whose value a field keeps; 'both' (notes only) keeps the survivor's text followed by the loser's. */
export const MERGE_CHOICES = ['survivor', 'loser', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];

const cardType = z.enum(CARD_TYPES);

export const duplicateReason = z.object({
  kind: z.enum(DUPLICATE_REASONS),
  /** What the two share (the e-mail, the phone, the VKN, the folded name); null for a T.C. Kimlik No. */
  value: z.string().nullable(),
});
export type DuplicateReason = z.infer<typeof duplicateReason>;

/** What a list row shows of each card of a pair. */
export const duplicateCard = z.object({
  id: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  province: z.string().nullable(),
  /** Persons: their institutions with roles. */
  institutions: z.string().nullable(),
  createdAt: z.string(),
});
export type DuplicateCard = z.infer<typeof duplicateCard>;

export const duplicatePair = z.object({
  /** first.id < second.id: one spelling per pair. */
  first: duplicateCard,
  second: duplicateCard,
  reasons: z.array(duplicateReason),
});
export type DuplicatePair = z.infer<typeof duplicatePair>;

/** One scalar field of both cards side by side. */
export const comparedField = z.object({
  field: z.string(),
  first: z.string().nullable(),
  second: z.string().nullable(),
});

/** How many rows of each kind point at a card (phones, tags, profile items …), keyed by table name. */
const rowCounts = z.record(z.string(), z.number());

export const comparison = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('person'),
    first: personOut,
    second: personOut,
    fields: z.array(comparedField),
    counts: z.object({ first: rowCounts, second: rowCounts }),
    reasons: z.array(duplicateReason),
  }),
  z.object({
    type: z.literal('institution'),
    first: institutionOut,
    second: institutionOut,
    fields: z.array(comparedField),
    counts: z.object({ first: rowCounts, second: rowCounts }),
    reasons: z.array(duplicateReason),
  }),
]);
export type Comparison = z.infer<typeof comparison>;

const cardName = z.object({ id: z.string(), displayName: z.string() });

export const mergeOut = z.object({
  id: z.string(),
  type: cardType,
  survivor: cardName,
  loser: cardName,
  at: z.string(),
  userName: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** null when the merge can be undone now; otherwise why not, in words a person can act on. */
  undoBlockedBy: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof mergeOut>;

const pairIds = z.object({ firstId: idSchema, secondId: idSchema });

export const duplicatesCalls = {
  'duplicates.list': defineCall({
    summary: 'Likely duplicate pairs of live cards of one type with every reason, strongest first.',
    input: z.object({ type: cardType, ...pageInput }),
    output: z.object({ total: z.number(), rows: z.array(duplicatePair) }),
  }),
  'duplicates.compare': defineCall({
    summary: 'Two cards of one type side by side, with what they share.',
    input: pairIds,
    output: comparison,
  }),
  'duplicates.merge': defineCall({
    summary: 'Merge the loser into the survivor: every row moves, the loser stays as a tombstone; undoable.',
    input: z.object({
      survivorId: idSchema,
      loserId: idSchema,
      /** Per differing field; unset: the survivor's value, or the loser's where the survivor has none. */
      choices: z.record(z.string(), z.enum(MERGE_CHOICES)).default({}),
    }),
    output: mergeOut,
  }),
  'duplicates.undoMerge': defineCall({
    summary: 'Undo a merge: both cards back exactly as they were.',
    input: z.object({ id: idSchema }),
    output: mergeOut,
  }),
  'duplicates.dismiss': defineCall({
    summary: 'Mark a pair as different cards, so it is not proposed again.',
    input: pairIds,
    output: pairIds,
  }),
  'duplicates.undismiss': defineCall({
    summary: 'Propose a dismissed pair again (the undo of dismiss).',
    input: pairIds,
    output: pairIds,
  }),
  'duplicates.merges': defineCall({
    summary: 'Merges, newest first, with whether each can be undone.',
    input: z.object({ type: cardType.optional(), ...pageInput }),
    output: z.object({ total: z.number(), rows: z.array(mergeOut) }),
  }),
};

export const duplicatesEvents = {};

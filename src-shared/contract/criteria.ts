/**
 * The criteria slice of the contract: user-defined criteria (categories of
 * fields an admin defines per card type) with each card's values, and free tags.
 *
 * Stored shape, read directly by segments (keep it exactly):
 *   criteria_values(card_id, field_id, value_text, value_num), one row per value:
 *   text, one_of, date (YYYY-MM-DD) → value_text; many_of → one row per chosen
 *   option in value_text; number → value_num; yes_no → value_num 1 or 0.
 *   card_tags(card_id, tag): one spelling per tag across all cards (the first one used).
 */
import { z } from 'zod';
import { defineCall } from './define';
import { idSchema, requiredText } from './common';
import { CARD_TYPES } from './cards';

export const CRITERION_KINDS = ['text', 'number', 'date', 'one_of', 'many_of', 'yes_no'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
/** Kinds whose values come from the field's own list of options. */
export const CHOICE_KINDS: readonly CriterionKind[] = ['one_of', 'many_of'];

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_CARD = 30;
export const MAX_OPTIONS = 100;
export const MAX_CRITERION_TEXT = 1000;

// ---- definitions ------------------------------------------------------------------

export const criteriaFieldOut = z.object({
  id: z.string(),
  categoryId: z.string(),
  name: z.string(),
  kind: z.enum(CRITERION_KINDS),
  /** The allowed values of one_of / many_of fields, in their order; empty for other kinds. */
  options: z.array(z.string()),
  position: z.number(),
  /**
   * How many cards (the recycle bin included) hold a value of this field, for the
   * admin page's warnings; null when not asked for (it costs a pass over the values).
   */
  cardCount: z.number().nullable(),
});
export type CriteriaField = z.infer<typeof criteriaFieldOut>;

export const criteriaCategoryOut = z.object({
  id: z.string(),
  cardType: z.enum(CARD_TYPES),
  name: z.string(),
  position: z.number(),
  fields: z.array(criteriaFieldOut),
});
export type CriteriaCategory = z.infer<typeof criteriaCategoryOut>;

/** Where an item goes among its siblings (0 = first); left out: stays, or last when new. */
const position = z.number().int().min(0).max(10_000).optional();

export const categoryInput = z.object({
  id: idSchema.optional(),
  cardType: z.enum(CARD_TYPES),
  name: requiredText(100, 'Kategori adı'),
  position,
});

export const optionText = z
  .string()
  .trim()
  .min(1, { message: 'Seçenek boş olamaz' })
  .max(100, { message: 'Seçenek en fazla 100 karakter olabilir' });

export const fieldInput = z.object({
  id: idSchema.optional(),
  categoryId: idSchema,
  name: requiredText(100, 'Alan adı'),
  kind: z.enum(CRITERION_KINDS, { message: 'Alan türü seçilmeli' }),
  options: z
    .array(optionText)
    .max(MAX_OPTIONS, { message: `En fazla ${MAX_OPTIONS} seçenek olabilir` })
    .default([]),
  position,
});
export type FieldInput = z.input<typeof fieldInput>;

// ---- values -----------------------------------------------------------------------------

/**
 * One field's value as it crosses the boundary: text / date / one_of a string,
 * number a number, many_of a list, yes_no a boolean; null, '' or [] clears it.
 * The kind-specific check happens in main against the field's definition.
 */
export const criterionValue = z.union([
  z.string().max(MAX_CRITERION_TEXT, { message: `En fazla ${MAX_CRITERION_TEXT} karakter olabilir` }),
  z.number(),
  z.boolean(),
  z.array(z.string().max(100)).max(MAX_OPTIONS),
  z.null(),
]);
export type CriterionValue = z.infer<typeof criterionValue>;

/** A card's values by field id; fields without a value are left out. */
export const criteriaValuesOut = z.object({
  cardId: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});
export type CriteriaValues = z.infer<typeof criteriaValuesOut>;

export const tagInput = z.string().max(200);

// ---- the calls ------------------------------------------------------------------------------

const idInput = z.object({ id: idSchema });
const cardInput = z.object({ cardId: idSchema });

export const criteriaCalls = {
  'criteria.listDefinitions': defineCall({
    summary: 'The live categories of one card type with their fields, in order.',
    input: z.object({ cardType: z.enum(CARD_TYPES), withCounts: z.boolean().default(false) }),
    output: z.object({ categories: z.array(criteriaCategoryOut) }),
  }),
  'criteria.saveCategory': defineCall({
    summary: 'Create (no id) or rename / move a criteria category (admins only).',
    input: categoryInput,
    output: criteriaCategoryOut,
  }),
  'criteria.deleteCategory': defineCall({
    summary: 'Remove a category with its fields (admins only; soft delete, values are kept).',
    input: idInput,
    output: z.object({ id: z.string() }),
  }),
  'criteria.saveField': defineCall({
    summary: 'Create (no id) or change a criteria field: name, kind, options, place (admins only).',
    input: fieldInput,
    output: criteriaFieldOut,
  }),
  'criteria.deleteField': defineCall({
    summary: 'Remove a criteria field (admins only; soft delete, values are kept).',
    input: idInput,
    output: z.object({ id: z.string() }),
  }),
  'criteria.getValues': defineCall({
    summary: 'A card’s values of its live criteria fields.',
    input: cardInput,
    output: criteriaValuesOut,
  }),
  'criteria.setValues': defineCall({
    summary: 'Set the given fields of a card (others stay); null, empty text or an empty list clears one.',
    input: cardInput.extend({ values: z.record(z.string().max(64), criterionValue) }),
    output: criteriaValuesOut,
  }),
  'criteria.getTags': defineCall({
    summary: 'A card’s tags in Turkish alphabetical order.',
    input: cardInput,
    output: z.object({ cardId: z.string(), tags: z.array(z.string()) }),
  }),
  'criteria.setTags': defineCall({
    summary: 'Replace a card’s tags (trimmed, one per Turkish-folded spelling, 40 characters, 30 a card).',
    input: cardInput.extend({ tags: z.array(tagInput).max(200) }),
    output: z.object({ cardId: z.string(), tags: z.array(z.string()) }),
  }),
  'criteria.listTags': defineCall({
    summary: 'Every tag in use on live cards (of one type if given) with how many cards carry it.',
    input: z.object({ cardType: z.enum(CARD_TYPES).optional() }).default({}),
    output: z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) }),
  }),
};

export const criteriaEvents = {};

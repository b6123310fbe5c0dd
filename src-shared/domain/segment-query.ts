/**
 * A segment is a saved query over cards ("general managers over 35 of food-sector
 * institutions in the Karadeniz or Marmara regions"), stored as data, never as SQL
 * and never as a frozen list of ids: main compiles it to SQL each time it is used
 * (src-main/services/segments/compile-segment.ts), so lists, exports, mailings and
 * reports all see today's members.
 *
 * The shape is a tree: groups (all / any, optionally negated) of conditions. A
 * `link` condition looks across the person ↔ institution links and carries a group
 * of conditions about the card on the other side, so "role contains 'genel müdür'
 * at an institution whose sector contains 'gıda'" is one link, not two unrelated facts.
 */
import { z } from 'zod';

export const SEGMENT_CARD_TYPES = ['person', 'institution'] as const;
export type SegmentCardType = (typeof SEGMENT_CARD_TYPES)[number];

/** Free-text fields, compared after Turkish folding (so "gida" matches "Gıda"). */
export const TEXT_FIELDS = {
  person: ['fullName', 'firstName', 'lastName', 'honorific', 'source', 'email', 'phone', 'district'],
  institution: ['title', 'shortName', 'sector', 'taxOffice', 'website', 'source', 'email', 'phone', 'district'],
} as const;
export type TextField = (typeof TEXT_FIELDS)[SegmentCardType][number];
const ALL_TEXT_FIELDS = [...new Set([...TEXT_FIELDS.person, ...TEXT_FIELDS.institution])] as [
  TextField,
  ...TextField[],
];

export const TEXT_OPS = ['contains', 'notContains', 'equals', 'startsWith', 'empty', 'notEmpty'] as const;
export const NUMBER_OPS = ['eq', 'gte', 'lte', 'between', 'empty', 'notEmpty'] as const;
export const DATE_OPS = ['on', 'onOrAfter', 'onOrBefore', 'between', 'empty', 'notEmpty'] as const;
export const CHOICE_OPS = ['anyOf', 'noneOf', 'allOf', 'empty', 'notEmpty'] as const;

/** Choice fields: the value is one or more items of a known list (il names, user ids, tags …). */
export const CHOICE_FIELDS = {
  person: ['gender', 'province', 'region', 'owner', 'tag', 'birthMonth'],
  institution: ['kind', 'province', 'region', 'owner', 'tag'],
} as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[SegmentCardType][number];
const ALL_CHOICE_FIELDS = [...new Set([...CHOICE_FIELDS.person, ...CHOICE_FIELDS.institution])] as [
  ChoiceField,
  ...ChoiceField[],
];

export const NUMBER_FIELDS = { person: ['age'], institution: ['personCount'] } as const;
export type NumberField = (typeof NUMBER_FIELDS)[SegmentCardType][number];

export const DATE_FIELDS = {
  person: ['birthDate', 'createdAt', 'updatedAt'],
  institution: ['createdAt', 'updatedAt'],
} as const;
export type DateField = (typeof DATE_FIELDS)[SegmentCardType][number];

const text = z.string().trim().max(200);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tarih YYYY-AA-GG biçiminde olmalı');

export const textCondition = z.object({
  type: z.literal('text'),
  field: z.enum(ALL_TEXT_FIELDS),
  op: z.enum(TEXT_OPS),
  value: text.default(''),
});
export const numberCondition = z.object({
  type: z.literal('number'),
  field: z.enum(['age', 'personCount']),
  op: z.enum(NUMBER_OPS),
  value: z.number().finite().optional(),
  /** The upper bound of `between` (inclusive). */
  value2: z.number().finite().optional(),
});
export const dateCondition = z.object({
  type: z.literal('date'),
  field: z.enum(['birthDate', 'createdAt', 'updatedAt']),
  op: z.enum(DATE_OPS),
  value: isoDay.optional(),
  value2: isoDay.optional(),
});
export const choiceCondition = z.object({
  type: z.literal('choice'),
  field: z.enum(ALL_CHOICE_FIELDS),
  op: z.enum(CHOICE_OPS),
  values: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});
/** A user-defined criterion (criteria_fields); which ops make sense depends on its kind. */
export const criterionCondition = z.object({
  type: z.literal('criterion'),
  fieldId: z.string().min(1).max(64),
  op: z.enum([...new Set([...TEXT_OPS, ...NUMBER_OPS, ...DATE_OPS, ...CHOICE_OPS, 'yes', 'no'])] as [
    string,
    ...string[],
  ]),
  value: z.union([z.string().max(200), z.number().finite()]).optional(),
  value2: z.union([z.string().max(200), z.number().finite()]).optional(),
  values: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});

export interface SegmentGroup {
  type: 'group';
  match: 'all' | 'any';
  /** true: the group's members are excluded ("none of"). */
  not?: boolean | undefined;
  children: SegmentNode[];
}

export interface LinkCondition {
  type: 'link';
  /** Has no such link (e.g. persons with no institution in Karadeniz). */
  not?: boolean | undefined;
  role?: { op: (typeof TEXT_OPS)[number]; value?: string | undefined } | undefined;
  /** Only links without an end date, or ending today or later. */
  current?: boolean | undefined;
  /** Conditions on the card at the other end of the link. */
  where?: SegmentGroup | undefined;
}

/** Input shapes: a query written by hand (tests, defaults of the builder) may leave out empty values. */
export type SegmentCondition =
  | z.input<typeof textCondition>
  | z.input<typeof numberCondition>
  | z.input<typeof dateCondition>
  | z.input<typeof choiceCondition>
  | z.input<typeof criterionCondition>
  | LinkCondition;
export type SegmentNode = SegmentGroup | SegmentCondition;

export const MAX_SEGMENT_DEPTH = 6;
export const MAX_SEGMENT_CONDITIONS = 100;

export const segmentGroup: z.ZodType<SegmentGroup> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    match: z.enum(['all', 'any']),
    not: z.boolean().optional(),
    children: z.array(segmentNode).max(MAX_SEGMENT_CONDITIONS),
  }),
);

export const linkCondition: z.ZodType<LinkCondition> = z.lazy(() =>
  z.object({
    type: z.literal('link'),
    not: z.boolean().optional(),
    role: z.object({ op: z.enum(TEXT_OPS), value: text.optional() }).optional(),
    current: z.boolean().optional(),
    where: segmentGroup.optional(),
  }),
);

export const segmentNode: z.ZodType<SegmentNode> = z.lazy(() =>
  z.union([
    segmentGroup,
    textCondition,
    numberCondition,
    dateCondition,
    choiceCondition,
    criterionCondition,
    linkCondition,
  ]),
);

/** The stored form of a segment's query: its root is always a group. */
export const segmentQuery = segmentGroup;
export type SegmentQuery = SegmentGroup;

export const emptySegmentQuery = (): SegmentQuery => ({ type: 'group', match: 'all', children: [] });

/** Where a condition sits, for error messages: "2. koşul › 1. koşul". */
export const describePath = (path: number[]): string => path.map((i) => `${i + 1}. koşul`).join(' › ') || 'sorgu';

/** Counts the conditions and the depth, so a hostile query cannot make a monster SQL statement. */
export function measureSegment(node: SegmentNode, depth = 1): { conditions: number; depth: number } {
  if (node.type === 'group' || (node.type === 'link' && node.where)) {
    const children = node.type === 'group' ? node.children : node.where!.children;
    let conditions = node.type === 'link' ? 1 : 0;
    let maxDepth = depth;
    for (const child of children) {
      const m = measureSegment(child, depth + 1);
      conditions += m.conditions;
      maxDepth = Math.max(maxDepth, m.depth);
    }
    return { conditions, depth: maxDepth };
  }
  return { conditions: 1, depth };
}

/** Which fields a card type offers, so the builder and the compiler agree. */
export function fieldsFor(cardType: SegmentCardType) {
  return {
    text: TEXT_FIELDS[cardType] as readonly TextField[],
    choice: CHOICE_FIELDS[cardType] as readonly ChoiceField[],
    number: NUMBER_FIELDS[cardType] as readonly NumberField[],
    date: DATE_FIELDS[cardType] as readonly DateField[],
  };
}

/** The other end of a person ↔ institution link. */
export const otherSide = (cardType: SegmentCardType): SegmentCardType =>
  cardType === 'person' ? 'institution' : 'person';

/**
 * The latest birth date of someone who is at least `years` old on `today` (both
 * YYYY-MM-DD): age ≥ N exactly when birthDate ≤ this string. It compares like
 * ageOn in dates.ts (year, then month-day), so a 29 February birthday counts from
 * 1 March in common years; the result may be a day that does not exist (2023-02-29),
 * which is fine for a string comparison.
 */
export function latestBirthDateForAge(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * What the builder offers for a card type: every field as a key the "add
 * condition" menu lists, the node a new condition starts as, and the operators
 * each kind of condition takes. Field lists come from the domain module, so the
 * builder never offers what the compiler would refuse.
 */
import type { CriteriaCategory, CriteriaField } from '../../../src-shared/contract/criteria';
import {
  CHOICE_OPS,
  DATE_OPS,
  fieldsFor,
  NUMBER_OPS,
  TEXT_OPS,
  type SegmentCardType,
  type SegmentNode,
} from '../../../src-shared/domain/segment-query';

export type FieldGroup = 'card' | 'contact' | 'dates' | 'links' | 'criteria' | 'structure';

export interface CatalogEntry {
  key: string;
  group: FieldGroup;
  /** i18n key of the label, or the criterion's own name. */
  labelKey?: string;
  label?: string;
  create: () => SegmentNode;
}

const CONTACT_FIELDS = new Set(['email', 'phone', 'district', 'province', 'region']);

export function catalogFor(cardType: SegmentCardType, criteria: CriteriaCategory[]): CatalogEntry[] {
  const f = fieldsFor(cardType);
  const entries: CatalogEntry[] = [];
  const groupOf = (field: string): FieldGroup => (CONTACT_FIELDS.has(field) ? 'contact' : 'card');
  for (const field of f.text)
    entries.push({
      key: `text:${field}`,
      group: groupOf(field),
      labelKey: `segments.fields.${field}`,
      create: () => ({ type: 'text', field, op: 'contains', value: '' }),
    });
  for (const field of f.choice)
    entries.push({
      key: `choice:${field}`,
      group: groupOf(field),
      labelKey: `segments.fields.${field}`,
      create: () => ({ type: 'choice', field, op: 'anyOf', values: [] }),
    });
  for (const field of f.number)
    entries.push({
      key: `number:${field}`,
      group: 'card',
      labelKey: `segments.fields.${field}`,
      create: () => ({ type: 'number', field, op: 'gte' }),
    });
  for (const field of f.date)
    entries.push({
      key: `date:${field}`,
      group: 'dates',
      labelKey: `segments.fields.${field}`,
      create: () => ({ type: 'date', field, op: 'onOrAfter' }),
    });
  entries.push({
    key: 'link',
    group: 'links',
    labelKey: 'segments.fields.link',
    create: () => ({
      type: 'link',
      role: { op: 'contains', value: '' },
      current: true,
      where: { type: 'group', match: 'all', children: [] },
    }),
  });
  for (const category of criteria)
    for (const field of category.fields)
      entries.push({
        key: `criterion:${field.id}`,
        group: 'criteria',
        label: `${category.name} › ${field.name}`,
        create: () => ({ type: 'criterion', fieldId: field.id, op: criterionOps(field.kind)[0]!, values: [] }),
      });
  entries.push({
    key: 'group',
    group: 'structure',
    labelKey: 'segments.addGroup',
    create: () => ({ type: 'group', match: 'any', children: [] }),
  });
  return entries;
}

/** The key of the catalog entry a node was made from (for the field select of a row). */
export function keyOf(node: SegmentNode): string {
  switch (node.type) {
    case 'group':
      return 'group';
    case 'link':
      return 'link';
    case 'criterion':
      return `criterion:${node.fieldId}`;
    default:
      return `${node.type}:${node.field}`;
  }
}

export function criterionOps(kind: CriteriaField['kind']): readonly string[] {
  switch (kind) {
    case 'text':
      return TEXT_OPS;
    case 'number':
      return NUMBER_OPS;
    case 'date':
      return DATE_OPS;
    case 'one_of':
      return ['anyOf', 'noneOf', 'empty', 'notEmpty'];
    case 'many_of':
      return CHOICE_OPS;
    case 'yes_no':
      return ['yes', 'no', 'empty'];
  }
}

export const opsOf = (type: 'text' | 'number' | 'date' | 'choice'): readonly string[] =>
  ({ text: TEXT_OPS, number: NUMBER_OPS, date: DATE_OPS, choice: CHOICE_OPS })[type];

/** Operators that compare with nothing (no value input shown). */
export const NO_VALUE_OPS = new Set(['empty', 'notEmpty', 'yes', 'no']);

/**
 * Demo criteria: a few categories an admin of a Turkish firm would define
 * (workwear sizes and interests of persons, sales data of institutions), their
 * values on a good share of the demo cards, and some tags. Written through the
 * criteria services, so checks, rows and audit are what a user's input gives.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriterionKind, CriterionValue } from '../../../src-shared/contract/criteria';
import type { CardStamp } from '../cards/card-rows';
import { saveCategory, saveField } from '../criteria/definitions';
import { setValues } from '../criteria/values';
import { setTags } from '../criteria/tags';
import { Random } from './random';

type ValueMaker = (rng: Random) => CriterionValue | undefined;

interface DemoField {
  name: string;
  kind: CriterionKind;
  options?: string[];
  /** A value for one card, or undefined to leave the field empty there. */
  value: ValueMaker;
}

interface DemoCategory {
  cardType: CardType;
  name: string;
  /** Share of cards of the type that get values in this category. */
  share: number;
  fields: DemoField[];
}

const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];
const INTERESTS = ['Teknoloji', 'Spor', 'Sanat', 'Gastronomi', 'Seyahat', 'Doğa', 'Otomobil'];
const TWO_DIGITS = (n: number) => String(n).padStart(2, '0');

const CATEGORIES: readonly DemoCategory[] = [
  {
    cardType: 'person',
    name: 'Kıyafet',
    share: 0.55,
    fields: [
      {
        name: 'Beden',
        kind: 'one_of',
        options: SIZES,
        value: (r) => r.weighted(SIZES.map((s, i) => [s, [1, 3, 4, 3, 1][i]!] as const)),
      },
      { name: 'Ayakkabı numarası', kind: 'number', value: (r) => (r.chance(0.7) ? r.int(36, 46) : undefined) },
    ],
  },
  {
    cardType: 'person',
    name: 'İlgi',
    share: 0.4,
    fields: [
      { name: 'İlgi alanları', kind: 'many_of', options: INTERESTS, value: (r) => r.sample(INTERESTS, r.int(1, 3)) },
      { name: 'Bülten istiyor', kind: 'yes_no', value: (r) => r.chance(0.6) },
    ],
  },
  {
    cardType: 'institution',
    name: 'Satış',
    share: 0.7,
    fields: [
      { name: 'Yıllık ciro (TL)', kind: 'number', value: (r) => r.int(5, 2_000) * 100_000 },
      {
        name: 'Segment',
        kind: 'one_of',
        options: ['A', 'B', 'C'],
        value: (r) =>
          r.weighted([
            ['A', 1],
            ['B', 2],
            ['C', 3],
          ]),
      },
      { name: 'E-fatura', kind: 'yes_no', value: (r) => r.chance(0.8) },
      {
        name: 'Sözleşme bitişi',
        kind: 'date',
        value: (r) =>
          r.chance(0.6) ? `${r.int(2025, 2027)}-${TWO_DIGITS(r.int(1, 12))}-${TWO_DIGITS(r.int(1, 28))}` : undefined,
      },
      {
        name: 'Ödeme koşulu',
        kind: 'text',
        value: (r) => r.pick(['Peşin', '30 gün vadeli', '45 gün vadeli', '60 gün vadeli, çek', 'Açık hesap']),
      },
    ],
  },
];

const TAGS: Record<CardType, readonly (readonly [string, number])[]> = {
  person: [
    ['VIP', 0.05],
    ['Fuar 2026', 0.08],
    ['Referans', 0.03],
  ],
  institution: [
    ['VIP', 0.08],
    ['Fuar 2026', 0.1],
    ['Bayi', 0.12],
  ],
};

/** Defines the demo categories (unless an admin already defined some for the type) and fills values and tags. */
export function fillDemoCriteria(db: Db, stamp: CardStamp, seed: number, cards: Record<CardType, readonly string[]>) {
  const rng = new Random(seed ^ 0x6c1e7e1a);
  for (const cardType of ['person', 'institution'] as const) {
    const defined = stmt(
      db,
      'select 1 from criteria_categories where card_type = ? and deleted_at is null limit 1',
    ).get(cardType);
    const categories = defined
      ? []
      : CATEGORIES.filter((c) => c.cardType === cardType).map((c) => define(db, c, stamp));
    for (const cardId of cards[cardType]) {
      const values: Record<string, CriterionValue> = {};
      for (const { category, fieldIds } of categories) {
        if (!rng.chance(category.share)) continue;
        category.fields.forEach((field, i) => {
          const value = field.value(rng);
          if (value !== undefined) values[fieldIds[i]!] = value;
        });
      }
      if (Object.keys(values).length) setValues(db, cardId, values, stamp);
      const tags = TAGS[cardType].filter(([, share]) => rng.chance(share)).map(([tag]) => tag);
      if (tags.length) setTags(db, cardId, tags, stamp);
    }
  }
}

function define(db: Db, category: DemoCategory, stamp: CardStamp) {
  const { id } = saveCategory(db, { cardType: category.cardType, name: category.name }, stamp);
  const fieldIds = category.fields.map(
    (f) => saveField(db, { categoryId: id, name: f.name, kind: f.kind, options: f.options ?? [] }, stamp).id,
  );
  return { category, fieldIds };
}

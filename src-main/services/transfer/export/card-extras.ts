import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { turkishSortKey } from '../../../../src-shared/domain/turkish-text';
import { readValue, type StoredValue, type ValueRow } from '../../criteria/value-rules';
import type { CriteriaField } from '../card-extras';

/** A card's tags (Turkish alphabetical, as the card shows them) and its values of live criteria fields. */
export interface CardExtras {
  tags: string[];
  values: Map<string, StoredValue>;
}

const none = (): CardExtras => ({ tags: [], values: new Map() });

/**
 * The tags and criteria values of a page of cards in two queries (not two per
 * card: an export of 100k cards would spend most of its time on them).
 * `fields` are the live criteria fields of the card type; values of deleted
 * fields are not exported, as the card does not show them.
 */
export function extrasOfCards(
  db: Db,
  ids: readonly string[],
  fields: readonly CriteriaField[],
  withValues: boolean,
): Map<string, CardExtras> {
  const byCard = new Map<string, CardExtras>(ids.map((id) => [id, none()]));
  const idList = JSON.stringify(ids);
  const tagRows = stmt(
    db,
    'select card_id as cardId, tag from card_tags where card_id in (select value from json_each(?))',
  ).all(idList) as { cardId: string; tag: string }[];
  for (const r of tagRows) byCard.get(r.cardId)?.tags.push(r.tag);
  for (const extras of byCard.values()) {
    if (extras.tags.length > 1) {
      extras.tags = extras.tags
        .map((tag) => ({ tag, key: turkishSortKey(tag) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((t) => t.tag);
    }
  }
  if (!withValues || fields.length === 0) return byCard;

  const valueRows = stmt(
    db,
    `select card_id as cardId, field_id as fieldId, value_text as text, value_num as num
     from criteria_values where card_id in (select value from json_each(?))`,
  ).all(idList) as (ValueRow & { cardId: string; fieldId: string })[];
  const grouped = new Map<string, ValueRow[]>();
  for (const r of valueRows) {
    const key = `${r.cardId}|${r.fieldId}`;
    const rows = grouped.get(key);
    if (rows) rows.push(r);
    else grouped.set(key, [r]);
  }
  const live = new Map(fields.map((f) => [f.id, f]));
  for (const [key, rows] of grouped) {
    const [cardId, fieldId] = key.split('|') as [string, string];
    const field = live.get(fieldId);
    const value = field && readValue(field, rows);
    if (value !== undefined) byCard.get(cardId)?.values.set(fieldId, value);
  }
  return byCard;
}

/**
 * Which fields of a card an update changed, from the before/after copies the
 * audit log keeps: top-level keys whose values differ, in the card's own order.
 * Row ids inside lists are left out of the comparison because contact details
 * are rewritten on every save: the same phone under a new id is no change.
 */
const NOT_FIELDS = new Set([
  'id',
  'type',
  // Follow from fields that are listed themselves: the names or the title, the owner's id.
  'displayName',
  'ownerName',
  'createdAt',
  'updatedAt',
  'createdBy',
  'deletedAt',
  'deletedBy',
  'mergedInto',
  // Links have their own entries (link, relate …); here they change only with the other card's name.
  'affiliations',
  'relations',
]);

export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter(
    (key) => !NOT_FIELDS.has(key) && JSON.stringify(withoutIds(before[key])) !== JSON.stringify(withoutIds(after[key])),
  );
}

function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!isRecord(value)) return value ?? null;
  // A phone is its E.164 number: "0212 555 12 34" saved again as "(0212) 555 12 34" is no change.
  const asTyped = typeof value.e164 === 'string' ? 'number' : undefined;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id' && key !== asTyped)
      .map(([key, v]) => [key, withoutIds(v)]),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

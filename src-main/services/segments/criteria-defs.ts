import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CriterionDef } from './compile-segment';

/**
 * The live criteria fields, as the segment compiler needs them. Read by the
 * documented shape of criteria_fields (options: JSON array of strings).
 */
export function loadCriteriaDefs(db: Db): Map<string, CriterionDef> {
  const rows = stmt(
    db,
    `select f.id, f.name, f.kind, f.options, k.card_type as cardType
       from criteria_fields f join criteria_categories k on k.id = f.category_id
      where f.deleted_at is null and k.deleted_at is null`,
  ).all() as {
    id: string;
    name: string;
    kind: CriterionDef['kind'];
    options: string | null;
    cardType: CriterionDef['cardType'];
  }[];
  return new Map(rows.map((r) => [r.id, { ...r, options: parseOptions(r.options) }]));
}

function parseOptions(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriterionValue } from '../../../src-shared/contract/criteria';
import { invalidInput } from '../../../src-shared/contract/errors';
import { foldForSearch, turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { liveFields } from '../criteria/definitions';
import { tagsOf } from '../criteria/tags';
import { checkValue, readValue, type StoredValue, type ValueRow } from '../criteria/value-rules';
import { setValues } from '../criteria/values';
import { criterionHeader } from './columns';
import type { CriteriaField } from './card-extras';

/** A card's tags and criteria values as an import writes them (checked already, see card-extras.ts). */
export interface PlannedExtras {
  tags: string[];
  /** False when no row gave tags: an update then leaves the card's tags alone. */
  tagsGiven: boolean;
  criteria: Map<string, { value: CriterionValue; rows: ValueRow[] }>;
}

const byTurkishName = (a: string, b: string) => {
  const ka = turkishSortKey(a);
  const kb = turkishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * Writes the tags and criteria values of an import's cards inside its
 * transaction. New cards get their rows by prepared inserts (the values were
 * made by the criteria module's own rules while checking); updates of existing
 * cards set their criteria through the criteria module's setValues (audit,
 * before and after). Tags keep the criteria module's rule of one spelling per
 * tag across all cards ("vip" joins the "VIP" in use), from one map read once:
 * setTags reads every tag in the database per call, which for 100k rows would
 * take hours.
 */
export class ExtrasWriter {
  private spellings: Map<string, string> | null = null;
  private readonly fields: Map<string, CriteriaField>;

  constructor(
    private readonly db: Db,
    cardType: CardType,
  ) {
    this.fields = new Map(liveFields(db, cardType).map((f) => [f.id, f]));
  }

  private spelling(tag: string): string {
    if (!this.spellings) {
      this.spellings = new Map();
      for (const { tag: t } of stmt(this.db, 'select distinct tag from card_tags').all() as { tag: string }[]) {
        this.spellings.set(foldForSearch(t), t);
      }
    }
    const folded = foldForSearch(tag);
    const known = this.spellings.get(folded);
    if (known) return known;
    this.spellings.set(folded, tag);
    return tag;
  }

  private insertTags(cardId: string, tags: readonly string[]): string[] {
    const spelled = [...new Set(tags.map((t) => this.spelling(t)))].sort(byTurkishName);
    const insert = stmt(this.db, 'insert into card_tags (card_id, tag) values (?, ?)');
    for (const tag of spelled) insert.run(cardId, tag);
    return spelled;
  }

  /**
   * A new card's tags and values; answers them as the card's import audit row
   * records them (values by "Kategori › Alan", as the criteria module's audit does).
   */
  writeNew(cardId: string, extras: PlannedExtras): { tags?: string[]; criteria?: Record<string, StoredValue> } {
    const recorded: { tags?: string[]; criteria?: Record<string, StoredValue> } = {};
    if (extras.tags.length) recorded.tags = this.insertTags(cardId, extras.tags);
    if (extras.criteria.size) {
      const insert = stmt(
        this.db,
        'insert into criteria_values (id, card_id, field_id, value_text, value_num) values (?, ?, ?, ?, ?)',
      );
      const values: Record<string, StoredValue> = {};
      for (const [fieldId, { value: given }] of extras.criteria) {
        // Checked against the fields as they were before checking's pauses: checked again against the
        // fields now, so a field deleted meanwhile is left out (as checking does) and a changed one holds.
        const field = this.fields.get(fieldId);
        if (!field) continue;
        const checked = checkValue(field, given);
        if ('error' in checked) {
          throw invalidInput(
            `"${criterionHeader(field.categoryName, field.name)}" değeri artık geçersiz: ${checked.error}.`,
          );
        }
        for (const row of checked.rows) insert.run(newId(), cardId, fieldId, row.text, row.num);
        const value = readValue(field, checked.rows);
        if (value !== undefined) values[criterionHeader(field.categoryName, field.name)] = value;
      }
      recorded.criteria = values;
    }
    return recorded;
  }

  /** An existing card: the file's criteria values set, its tags added to the card's (merged when planning). */
  writeUpdate(cardId: string, cardType: CardType, extras: PlannedExtras, stamp: CardStamp): void {
    // A field deleted since checking is left out, as checking leaves it out; setValues checks the rest anew.
    const live = [...extras.criteria].filter(([id]) => this.fields.has(id));
    if (live.length) setValues(this.db, cardId, Object.fromEntries(live.map(([id, c]) => [id, c.value])), stamp);
    if (!extras.tagsGiven) return;
    const before = tagsOf(this.db, cardId);
    const wanted = [...new Set(extras.tags.map((t) => this.spelling(t)))].sort(byTurkishName);
    if (JSON.stringify(before) === JSON.stringify(wanted)) return;
    stmt(this.db, 'delete from card_tags where card_id = ?').run(cardId);
    const after = this.insertTags(cardId, wanted);
    stmt(this.db, 'update cards set updated_at = ? where id = ?').run(stamp.at, cardId);
    writeAudit(this.db, { ...stamp, action: 'set_tags', entityType: cardType, entityId: cardId, before, after });
  }
}

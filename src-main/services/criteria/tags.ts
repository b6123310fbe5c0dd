/**
 * Free labels on cards ("VIP", "Fuar 2026"). A tag has one spelling across the
 * database: "istanbul" typed on a second card joins the "İstanbul" already in use,
 * so lists, counts and segments see one tag, not two.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import type { CardType } from '../../../src-shared/contract/cards';
import { MAX_TAGS_PER_CARD, MAX_TAG_LENGTH } from '../../../src-shared/contract/criteria';
import { invalidInput } from '../../../src-shared/contract/errors';
import { foldForSearch, turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import { loadCard, loadLiveCard, type CardStamp } from '../cards/card-rows';

const byTurkishName = (a: string, b: string) => {
  const ka = turkishSortKey(a);
  const kb = turkishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function tagsOf(db: Db, cardId: string): string[] {
  return (stmt(db, 'select tag from card_tags where card_id = ?').all(cardId) as { tag: string }[])
    .map((r) => r.tag)
    .sort(byTurkishName);
}

export function getTags(db: Db, cardId: string) {
  loadCard(db, cardId);
  return { cardId, tags: tagsOf(db, cardId) };
}

/** Trimmed, inner spaces collapsed, blanks dropped, one per Turkish-folded spelling (the first typed). */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (!tag) continue;
    if (tag.length > MAX_TAG_LENGTH) {
      throw invalidInput(`"${tag.slice(0, 50)}…" etiketi çok uzun: en fazla ${MAX_TAG_LENGTH} karakter olabilir.`, {
        tags: `En fazla ${MAX_TAG_LENGTH} karakter`,
      });
    }
    const folded = foldForSearch(tag);
    if (seen.has(folded)) continue;
    seen.add(folded);
    kept.push(tag);
  }
  if (kept.length > MAX_TAGS_PER_CARD) {
    throw invalidInput(`Bir kartta en fazla ${MAX_TAGS_PER_CARD} etiket olabilir (${kept.length} verildi).`, {
      tags: `En fazla ${MAX_TAGS_PER_CARD} etiket`,
    });
  }
  return kept;
}

/** The spelling other cards already use for each tag, so one tag is never stored two ways. */
function canonicalSpellings(db: Db, cardId: string, tags: string[]): string[] {
  const existing = new Map<string, string>();
  const rows = stmt(db, 'select distinct tag from card_tags where card_id <> ?').all(cardId) as { tag: string }[];
  for (const { tag } of rows) existing.set(foldForSearch(tag), tag);
  return tags.map((t) => existing.get(foldForSearch(t)) ?? t);
}

export function setTags(db: Db, cardId: string, input: readonly string[], stamp: CardStamp) {
  const wanted = normaliseTags(input);
  return writeTransaction(db, () => {
    const card = loadLiveCard(db, cardId);
    const before = tagsOf(db, cardId);
    const tags = canonicalSpellings(db, cardId, wanted).sort(byTurkishName);
    if (JSON.stringify(before) !== JSON.stringify(tags)) {
      stmt(db, 'delete from card_tags where card_id = ?').run(cardId);
      const insert = stmt(db, 'insert into card_tags (card_id, tag) values (?, ?)');
      for (const tag of tags) insert.run(cardId, tag);
      stmt(db, 'update cards set updated_at = ? where id = ?').run(stamp.at, cardId);
      writeAudit(db, { ...stamp, action: 'set_tags', entityType: card.type, entityId: cardId, before, after: tags });
    }
    return { cardId, tags };
  });
}

/** Every tag on live cards (of one type if given) with its count, for autocomplete and filters. */
export function listTags(db: Db, cardType: CardType | undefined) {
  const rows = (
    cardType
      ? stmt(
          db,
          `select t.tag, count(*) as count from card_tags t join cards c on c.id = t.card_id
           where c.deleted_at is null and c.type = ? group by t.tag`,
        ).all(cardType)
      : stmt(
          db,
          `select t.tag, count(*) as count from card_tags t join cards c on c.id = t.card_id
           where c.deleted_at is null group by t.tag`,
        ).all()
  ) as { tag: string; count: number }[];
  return { tags: rows.sort((a, b) => byTurkishName(a.tag, b.tag)) };
}

/**
 * Free tags have one spelling per Turkish-folded form: "istanbul" typed after
 * "İstanbul" is the same tag, so counts, filters and suggestions see one tag.
 * Shared by main (which stores them) and the renderer (which edits them).
 */
import { foldForSearch, turkishSortKey } from './turkish-text';

/** Inner runs of spaces collapsed, ends trimmed: "  Fuar   2026 " → "Fuar 2026". */
export const tidyTag = (tag: string): string => tag.replace(/\s+/g, ' ').trim();

/** The first spelling of each folded form, in the order given; blanks dropped. */
export function uniqueByFold(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = tidyTag(raw);
    const folded = foldForSearch(tag);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    kept.push(tag);
  }
  return kept;
}

/** Each tag as `existing` already spells it when it folds the same (the earlier spelling wins). */
export function spellAsExisting(tags: readonly string[], existing: Iterable<string>): string[] {
  const byFold = new Map<string, string>();
  for (const tag of existing) {
    const folded = foldForSearch(tag);
    if (!byFold.has(folded)) byFold.set(folded, tag);
  }
  return tags.map((tag) => byFold.get(foldForSearch(tag)) ?? tag);
}

/** Turkish alphabetical order (Ç after C, İ after I), for showing tags. */
export const byTurkishName = (a: string, b: string): number => {
  const ka = turkishSortKey(a);
  const kb = turkishSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

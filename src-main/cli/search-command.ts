import type { SearchGroup, SearchHit } from '../../src-shared/contract/search';

const GROUP_TITLES: Record<SearchGroup['type'], string> = {
  person: 'Kişiler',
  institution: 'Kurumlar',
  document: 'Belgeler',
  note: 'Görüşme notları',
  task: 'Görevler',
  event: 'Ajanda',
  mail: 'E-posta',
};

/** `kartotek search --json`: every hit, groups one after the other (persons, institutions, documents). */
export const searchHitsJson = (groups: SearchGroup[]): SearchHit[] => groups.flatMap((g) => g.hits);

/**
 * `kartotek search` for people: a block per type, each hit with its id, a
 * document's page and the cards it is on, and the snippet with the matched words in [ ].
 */
export function searchText(groups: SearchGroup[]): string {
  if (groups.length === 0) return 'Sonuç yok.';
  return groups
    .map((group) => {
      const lines = [`${GROUP_TITLES[group.type]} (${group.hits.length}${group.more ? '+' : ''})`];
      for (const hit of group.hits) {
        const page = hit.page ? `  s. ${hit.page}` : '';
        const cards = hit.cards.length ? `  — ${hit.cards.map((c) => c.displayName).join(', ')}` : '';
        lines.push(`  ${hit.title}${page}${cards}  ${hit.id}`);
        if (hit.snippet) lines.push(`      ${hit.snippet}`);
      }
      return lines.join('\n');
    })
    .join('\n\n');
}

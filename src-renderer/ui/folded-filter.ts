import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../../src-shared/domain/turkish-text';

/**
 * The option filter of Mantine's Select / MultiSelect with Turkish folding, so
 * typing "istanbul" offers "İstanbul" and "cankaya" offers "Çankaya" (the default
 * filter lower-cases the English way and knows no ı or ş).
 */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldForSearch(search).trim();
  if (!needle) return options;
  const matches = (item: ComboboxItem) => foldForSearch(item.label).includes(needle);
  return options
    .map((entry: ComboboxParsedItem) =>
      'group' in entry ? { ...entry, items: entry.items.filter(matches) } : matches(entry) ? entry : null,
    )
    .filter((entry): entry is ComboboxParsedItem => entry !== null && (!('group' in entry) || entry.items.length > 0));
};

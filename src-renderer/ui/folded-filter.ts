import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldForSearch } from '../../src-shared/domain/turkish-text';

/**
 * The option filter of Mantine's Select / MultiSelect / TagsInput with Turkish
 * folding: Mantine's own lower-cases with the browser's rules, so "istanbul" would
 * miss "İSTANBUL" and "cakir" "Çakır"; this one folds both sides the Turkish way.
 */
export const foldedFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = foldForSearch(search).trim();
  const matches = (item: ComboboxItem) => foldForSearch(item.label).includes(needle);
  const out: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (out.length >= limit) break;
    if ('group' in option) {
      const items = option.items.filter(matches);
      if (items.length) out.push({ ...option, items });
    } else if (matches(option)) out.push(option);
  }
  return out;
};

import { useState } from 'react';
import { Spotlight } from '@mantine/spotlight';
import { Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCall } from './contract-hooks';
import { HitContent } from '../modules/search/HitContent';
import { SearchFilters } from '../modules/search/SearchFilters';
import {
  hitPath,
  NO_FILTERS,
  searchCallInput,
  searchPagePath,
  type SearchFilterState,
} from '../modules/search/search-paths';

/** Hits per type in the palette; the search page shows more. */
const PALETTE_LIMIT = 5;

/**
 * Ctrl/Cmd+K from anywhere: folded search over cards and documents, grouped by
 * type, with type, owner and date filters, and a way on to the full search page.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilterState>(NO_FILTERS);
  const [debounced] = useDebouncedValue(query, 150);
  const q = debounced.trim();
  const { data, isFetching } = useCall('search.query', searchCallInput(q, filters, PALETTE_LIMIT), {
    enabled: q.length > 0,
    keepPrevious: true,
  });
  const groups = q ? (data?.groups ?? []) : [];

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      size={680}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={isFetching ? <Loader size={14} /> : null}
        data-testid="global-search-input"
      />
      <div style={{ padding: '8px 12px', borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <SearchFilters value={filters} onChange={setFilters} />
      </div>
      <Spotlight.ActionsList>
        {groups.map((group) => (
          <Spotlight.ActionsGroup key={group.type} label={t(`search.groups.${group.type}`)}>
            {group.hits.map((hit) => (
              <Spotlight.Action key={hit.id} onClick={() => void navigate(hitPath(hit, q))}>
                <HitContent hit={hit} />
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {q && groups.length > 0 && (
          <Spotlight.Action onClick={() => void navigate(searchPagePath(q, filters))} data-testid="search-all-results">
            <Group gap="xs" wrap="nowrap" p={2}>
              <IconArrowRight size={16} />
              <Text size="sm" fw={500} c="blue">
                {t('search.allResults')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('search.allResultsHint')}
              </Text>
            </Group>
          </Spotlight.Action>
        )}
        {q && data && groups.length === 0 && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

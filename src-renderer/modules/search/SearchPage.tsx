import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Alert, Group, Loader, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchHit } from '../../../src-shared/contract/search';
import { useCall } from '../../app/contract-hooks';
import { HitContent } from './HitContent';
import { SearchFilters } from './SearchFilters';
import { filtersFromParams, hitPath, searchCallInput, searchPagePath, type SearchFilterState } from './search-paths';

/** Hits per type on the full page. */
const PAGE_LIMIT = 50;

/**
 * The full search page (`/search?q=…`, opened from the palette's "Tüm sonuçlar"):
 * the same query and filters, more hits per type, and the keyboard to move
 * through them (↑ ↓, Enter opens) without leaving the search box.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(query, 200);
  const q = debounced.trim();
  const [active, setActive] = useState(0);

  // The URL follows the box and the filters, so back/forward and a copied link give the same search.
  const replaceUrl = (nextQ: string, nextFilters: SearchFilterState) =>
    setParams(new URLSearchParams(searchPagePath(nextQ, nextFilters).split('?')[1]), { replace: true });
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) replaceUrl(q, filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const { data, isFetching } = useCall('search.query', searchCallInput(q, filters, PAGE_LIMIT), {
    enabled: q.length > 0,
    keepPrevious: true,
  });
  const groups = q ? (data?.groups ?? []) : [];
  const hits = groups.flatMap((g) => g.hits);
  useEffect(() => setActive(0), [data]);

  const open = (hit: SearchHit) => void navigate(hitPath(hit, q));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      open(hits[active]);
    }
  };
  useEffect(() => {
    document.querySelector(`[data-hit-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="search-page">
      <Title order={3}>{t('search.title')}</Title>
      <TextInput
        autoFocus
        size="md"
        aria-label={t('search.input')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        rightSection={isFetching ? <Loader size={16} /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        description={t('search.hint')}
        data-testid="search-page-input"
      />
      <SearchFilters value={filters} onChange={(next) => replaceUrl(q, next)} />
      {!q && <Text c="dimmed">{t('search.startTyping')}</Text>}
      {q && data && groups.length === 0 && <Text c="dimmed">{t('search.nothing')}</Text>}
      {hits.length > 0 && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('search.results', { count: hits.length })} ·
          </Text>
          <Text size="xs" c="dimmed">
            {t('search.keyboard')}
          </Text>
        </Group>
      )}
      <Stack gap="md" style={{ overflowY: 'auto', minHeight: 0 }}>
        {groups.map((group) => (
          <Paper key={group.type} withBorder p="xs" data-testid={`search-group-${group.type}`}>
            <Text size="sm" fw={600} c="dimmed" px="xs" mb={4}>
              {t(`search.groups.${group.type}`)} ({group.hits.length}
              {group.more ? '+' : ''})
            </Text>
            <Stack gap={2}>
              {group.hits.map((hit) => {
                const index = hits.indexOf(hit);
                return (
                  <UnstyledButton
                    key={hit.id}
                    data-hit-index={index}
                    aria-selected={index === active}
                    onClick={() => open(hit)}
                    onMouseEnter={() => setActive(index)}
                    px="xs"
                    py={6}
                    style={{
                      borderRadius: 6,
                      background: index === active ? 'var(--mantine-color-blue-light)' : undefined,
                    }}
                  >
                    <HitContent hit={hit} wrapSnippet />
                  </UnstyledButton>
                );
              })}
            </Stack>
            {group.more && (
              <Alert variant="transparent" p="xs" mt={4}>
                <Text size="xs" c="dimmed">
                  {t('search.more')}
                </Text>
              </Alert>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

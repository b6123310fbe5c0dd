import { useState } from 'react';
import { Spotlight } from '@mantine/spotlight';
import { Badge, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCall } from './contract-hooks';
import { cardPath } from '../modules/cards/card-paths';

/** Ctrl/Cmd+K from anywhere: folded search over everything, grouped by type. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const { data } = useCall(
    'search.query',
    { q: debounced, limit: 30 },
    { enabled: debounced.trim().length > 0, keepPrevious: true },
  );
  const hits = debounced.trim() ? (data?.hits ?? []) : [];
  const groups = (['person', 'institution'] as const)
    .map((type) => ({ type, hits: hits.filter((h) => h.type === type) }))
    .filter((g) => g.hits.length > 0);

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search placeholder={t('search.placeholder')} leftSection={<IconSearch size={18} />} />
      <Spotlight.ActionsList>
        {groups.map((group) => (
          <Spotlight.ActionsGroup key={group.type} label={t(`search.types.${group.type}`)}>
            {group.hits.map((hit) => (
              <Spotlight.Action key={hit.id} onClick={() => void navigate(cardPath(hit.type as 'person' | 'institution', hit.id))}>
                <Group wrap="nowrap" w="100%" p={4}>
                  {hit.type === 'person' ? <IconUser size={18} /> : <IconBuilding size={18} />}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {hit.title}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      <Snippet text={hit.snippet} />
                    </Text>
                  </div>
                  <Badge variant="light" size="sm">
                    {t(`search.types.${hit.type}`)}
                  </Badge>
                </Group>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {debounced.trim() && data && hits.length === 0 && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

/** Snippets mark matches with [ ]: shown as highlighted text, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('[') && part.endsWith(']') ? (
          <mark key={i}>{part.slice(1, -1)}</mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

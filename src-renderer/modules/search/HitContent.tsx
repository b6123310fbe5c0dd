import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../src-shared/contract/search';
import { HitIcon } from './HitIcon';
import { Snippet } from './Snippet';

/**
 * One hit as the palette and the search page show it: icon, name, for a document
 * the page of the match and the cards it is filed on, then the highlighted snippet.
 */
export function HitContent({ hit, wrapSnippet = false }: { hit: SearchHit; wrapSnippet?: boolean }) {
  const { t } = useTranslation();
  const filedOn = hit.cards.map((c) => c.displayName).join(', ');
  return (
    <Group wrap="nowrap" w="100%" gap="sm" align="flex-start" data-testid="search-hit" data-hit-type={hit.type}>
      <div style={{ paddingTop: 2 }}>
        <HitIcon hit={hit} />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" fw={500} truncate data-testid="search-hit-title">
            {hit.title}
          </Text>
          {hit.page && (
            <Badge
              size="xs"
              variant="light"
              color="gray"
              tt="none"
              style={{ flexShrink: 0 }}
              data-testid="search-hit-page"
            >
              {t('search.page', { page: hit.page })}
            </Badge>
          )}
        </Group>
        {filedOn && (
          <Text size="xs" c="dimmed" truncate data-testid="search-hit-cards">
            {filedOn}
          </Text>
        )}
        {hit.snippet && (
          <Text size="xs" c="dimmed" lineClamp={wrapSnippet ? 2 : 1} data-testid="search-hit-snippet">
            <Snippet text={hit.snippet} />
          </Text>
        )}
      </div>
    </Group>
  );
}

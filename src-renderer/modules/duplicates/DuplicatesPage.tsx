import { Grid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBuilding, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { MergeView } from './MergeView';
import { PairList } from './PairList';
import { RecentMerges } from './RecentMerges';

/**
 * Likely duplicates per card type with the latest merges beside them; a pair opens
 * side by side. Where you are lives in the address (?type, ?a, ?b), so the card's
 * "Birleştir…" action can open a pair here and "back" returns to the list.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const type: CardType = params.get('type') === 'institution' ? 'institution' : 'person';
  const first = params.get('a');
  const second = params.get('b');
  const showList = () => setParams({ type });

  if (first && second) {
    return (
      <Stack style={{ overflow: 'auto' }}>
        <MergeView firstId={first} secondId={second} onDone={showList} />
      </Stack>
    );
  }
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Stack gap={4}>
        <Title order={2}>{t('duplicates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('duplicates.intro')}
        </Text>
      </Stack>
      <Tabs value={type} onChange={(value) => setParams({ type: value === 'institution' ? 'institution' : 'person' })}>
        <Tabs.List>
          <Tabs.Tab value="person" leftSection={<IconUsers size={16} />}>
            {t('duplicates.tabs.person')}
          </Tabs.Tab>
          <Tabs.Tab value="institution" leftSection={<IconBuilding size={16} />}>
            {t('duplicates.tabs.institution')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <PairList key={type} type={type} onOpen={(a, b) => setParams({ type, a, b })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RecentMerges type={type} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

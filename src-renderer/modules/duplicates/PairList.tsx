import { useState } from 'react';
import { ActionIcon, Center, Group, Loader, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { DuplicateCard } from '../../../src-shared/contract/duplicates';
import { useCall } from '../../app/contract-hooks';
import { ReasonBadges } from './ReasonBadges';

const PAGE = 50;

function CardCell({ card }: { card: DuplicateCard }) {
  const details = [card.institutions, card.phone, card.email, card.province].filter(Boolean).join(' · ');
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={500} truncate>
        {card.displayName}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {details || '—'}
      </Text>
    </Stack>
  );
}

/** One page after another of likely pairs, strongest first; a row opens the pair side by side. */
export function PairList({ type, onOpen }: { type: CardType; onOpen: (first: string, second: string) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isLoading } = useCall(
    'duplicates.list',
    { type, offset: (page - 1) * PAGE, limit: PAGE },
    { keepPrevious: true },
  );
  if (isLoading)
    return (
      <Center h={160}>
        <Loader />
      </Center>
    );
  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <Paper withBorder>
      <Group justify="space-between" px="md" py="xs">
        <Text size="sm" c="dimmed" data-testid="pair-count">
          {t('duplicates.pairs', { count: total })}
        </Text>
        {pages > 1 && <Pagination size="sm" total={pages} value={Math.min(page, pages)} onChange={setPage} />}
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" p="md" data-testid="no-pairs">
          {t('duplicates.none')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" layout="fixed">
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr
                key={`${p.first.id}|${p.second.id}`}
                style={{ cursor: 'pointer' }}
                onClick={() => onOpen(p.first.id, p.second.id)}
                data-testid="pair"
              >
                <Table.Td>
                  <CardCell card={p.first} />
                </Table.Td>
                <Table.Td>
                  <CardCell card={p.second} />
                </Table.Td>
                <Table.Td w={210}>
                  <ReasonBadges reasons={p.reasons} />
                </Table.Td>
                <Table.Td w={44}>
                  <ActionIcon variant="subtle" aria-label={t('duplicates.open')} title={t('duplicates.open')}>
                    <IconArrowsLeftRight size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

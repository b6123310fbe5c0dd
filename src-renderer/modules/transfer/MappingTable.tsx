import { useMemo } from 'react';
import { Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { TransferInspection } from '../../../src-shared/contract/transfer';
import { useCall } from '../../app/contract-hooks';
import { targetOptions } from './target-labels';

const IGNORE = '__ignore';
const PREVIEW_ROWS = 3;

export interface MappingTableProps {
  cardType: CardType;
  inspection: TransferInspection;
  mapping: (string | null)[];
  onChange: (mapping: (string | null)[]) => void;
  disabled?: boolean;
}

/**
 * One row per column of the file: its header, its first values, and the card
 * field it goes to (the card's own fields, owner and tags, then the criteria
 * fields grouped under their category).
 */
export function MappingTable({ cardType, inspection, mapping, onChange, disabled }: MappingTableProps) {
  const { t } = useTranslation();
  const definitions = useCall('criteria.listDefinitions', { cardType });
  const categories = definitions.data?.categories;
  const options = useMemo(
    () => [
      { group: '', items: [{ value: IGNORE, label: t('transfer.mapping.ignore') }] },
      ...targetOptions(t, cardType, categories),
    ],
    [t, cardType, categories],
  );
  return (
    <Table striped withTableBorder verticalSpacing={6} data-testid="mapping-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="26%">{t('transfer.mapping.column')}</Table.Th>
          <Table.Th>{t('transfer.mapping.preview')}</Table.Th>
          <Table.Th w="32%">{t('transfer.mapping.target')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {inspection.headers.map((header, i) => {
          const values = inspection.sample
            .slice(0, PREVIEW_ROWS)
            .map((row) => row[i] ?? '')
            .filter((v) => v.trim() !== '');
          return (
            <Table.Tr key={i} data-testid={`mapping-row-${i}`}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {header}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {values.map((v, j) => (
                    <Text key={j} size="xs" c="dimmed" truncate maw={360} title={v}>
                      {v}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('transfer.mapping.target')}: ${header}`}
                  size="xs"
                  searchable
                  data={options}
                  value={mapping[i] ?? IGNORE}
                  onChange={(v) => {
                    const next = [...mapping];
                    next[i] = !v || v === IGNORE ? null : v;
                    onChange(next);
                  }}
                  disabled={disabled}
                  allowDeselect={false}
                  maxDropdownHeight={320}
                  comboboxProps={{ withinPortal: true }}
                  styles={mapping[i] ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

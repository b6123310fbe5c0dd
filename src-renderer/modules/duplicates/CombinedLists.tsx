import type { ReactNode } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../../src-shared/contract/duplicates';
import type { Side } from './merge-choices';

type Card = Comparison['first'];

/** Tables whose rows are listed one by one below; the rest are counted. */
const LISTED = new Set([
  'phones',
  'emails',
  'addresses',
  'ibans',
  'affiliations',
  'institution_domains',
  'institution_kinds',
  'institution_relations',
]);

function Items({ items }: { items: string[] }) {
  if (items.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2}>
      {items.map((item, i) => (
        <Text key={i} size="sm">
          {item}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * What each card brings to the merged card: contacts and links item by item, other
 * records (tags, criteria, profile lists …) as counts. All of it is combined.
 */
export function CombinedLists({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const lists: { label: string; of: (card: Card) => string[] }[] = [
    { label: t('cards.sections.phones'), of: (c) => c.phones.map((p) => p.display) },
    { label: t('cards.sections.emails'), of: (c) => c.emails.map((e) => e.address) },
    {
      label: t('cards.sections.addresses'),
      of: (c) =>
        c.addresses.map((a) =>
          [a.line, [a.postalCode, a.district, a.province].filter(Boolean).join(' '), a.country]
            .filter(Boolean)
            .join(', '),
        ),
    },
    { label: t('cards.sections.ibans'), of: (c) => c.ibans.map((b) => b.display) },
    {
      label: comparison.type === 'person' ? t('cards.sections.affiliations') : t('cards.sections.people'),
      of: (c) =>
        c.affiliations.map((a) => {
          const name = c.type === 'person' ? a.institutionTitle : a.personName;
          return a.role ? `${name} (${a.role})` : name;
        }),
    },
  ];
  if (comparison.type === 'institution') {
    lists.push(
      {
        label: t('cards.fields.kinds'),
        of: (c) => (c.type === 'institution' ? c.kinds : []).map((k) => t(`cards.kinds.${k}`)),
      },
      { label: t('cards.fields.emailDomains'), of: (c) => (c.type === 'institution' ? c.emailDomains : []) },
      {
        label: t('cards.sections.relations'),
        of: (c) =>
          (c.type === 'institution' ? c.relations : []).map(
            (r) => `${r.otherTitle} (${t(`cards.relations.${r.kind}.${r.direction}`)})`,
          ),
      },
    );
  }
  const counted = (side: Side) =>
    Object.entries(comparison.counts[side])
      .filter(([table]) => !LISTED.has(table))
      .map(([table, n]) => `${t(`duplicates.rows.${table}`, { defaultValue: table })}: ${n}`);

  const row = (label: string, first: ReactNode, second: ReactNode) => (
    <Table.Tr key={label}>
      <Table.Th w={180} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ verticalAlign: 'top' }}>{first}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>{second}</Table.Td>
    </Table.Tr>
  );
  const rows = lists
    .map((l) => ({ label: l.label, first: l.of(comparison.first), second: l.of(comparison.second) }))
    .filter((l) => l.first.length + l.second.length > 0);
  const others = { first: counted('first'), second: counted('second') };
  return (
    <Table layout="fixed" data-testid="combined-lists">
      <Table.Tbody>
        {rows.map((l) => row(l.label, <Items items={l.first} />, <Items items={l.second} />))}
        {others.first.length + others.second.length > 0 &&
          row(t('duplicates.compare.otherRows'), <Items items={others.first} />, <Items items={others.second} />)}
      </Table.Tbody>
    </Table>
  );
}

import type { ReactNode } from 'react';
import { Paper, Table, Title } from '@mantine/core';

/** A titled list of label/value rows; rows without a value are left out, and so is an empty panel. */
export function DetailsPanel({ title, rows }: { title: string; rows: [label: string, value: ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {shown.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Td c="dimmed" w="40%" fz="sm">
                {label}
              </Table.Td>
              <Table.Td fz="sm">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

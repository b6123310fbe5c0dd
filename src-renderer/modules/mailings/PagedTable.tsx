import { useState, type ReactNode } from 'react';
import { Pagination, Paper, Table, Text, type MantineSize } from '@mantine/core';

/** Page state of a server-side list: the window to ask for and, once the total is known, how many pages. */
export function usePaging(size: number) {
  const [page, setPage] = useState(1);
  return {
    page,
    setPage,
    window: { offset: (page - 1) * size, limit: size },
    pageCount: (total: number | undefined) => Math.max(1, Math.ceil((total ?? 0) / size)),
  };
}

/**
 * The sending screens' lists (mailings, a mailing's recipients, a card's sent messages): a bordered table with a
 * header row, one line across it when there is nothing to show, and pages under it when there are more than one.
 */
export function PagedTable(props: {
  columns: string[];
  testId: string;
  verticalSpacing: MantineSize;
  highlightOnHover?: boolean;
  /** The line shown instead of rows (an error in red); null shows none, e.g. while loading. */
  empty: { text: string; error: boolean; py: MantineSize } | null;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  paginationSize?: MantineSize;
  children: ReactNode;
}) {
  const { empty } = props;
  return (
    <>
      <Paper withBorder>
        <Table
          verticalSpacing={props.verticalSpacing}
          highlightOnHover={props.highlightOnHover ?? false}
          data-testid={props.testId}
        >
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((label) => (
                <Table.Th key={label}>{label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {empty && (
              <Table.Tr>
                <Table.Td colSpan={props.columns.length}>
                  <Text c={empty.error ? 'red' : 'dimmed'} size="sm" ta="center" py={empty.py}>
                    {empty.text}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {props.children}
          </Table.Tbody>
        </Table>
      </Paper>
      {props.pages > 1 && (
        <Pagination
          value={props.page}
          onChange={props.onPage}
          total={props.pages}
          {...(props.paginationSize ? { size: props.paginationSize } : {})}
        />
      )}
    </>
  );
}

import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CallInput, CallOutput } from '../../src-shared/contract';
import { useClient } from '../app/contract-hooks';

export type PagedMethod = 'cards.listPersons' | 'cards.listInstitutions';
type Row<M extends PagedMethod> = CallOutput<M>['rows'][number];

export const BLOCK_SIZE = 100;

/**
 * Rows of a server-side list, fetched in blocks of 100 around what is on screen,
 * so that scrolling anywhere in 100k cards loads only the rows that are visible.
 */
export function usePagedRows<M extends PagedMethod>(
  method: M,
  filter: Omit<CallInput<M>, 'offset' | 'limit'>,
  visible: { start: number; end: number },
) {
  const client = useClient();
  const firstBlock = Math.floor(visible.start / BLOCK_SIZE);
  const lastBlock = Math.max(firstBlock, Math.floor(visible.end / BLOCK_SIZE));
  const blocks = Array.from({ length: lastBlock - firstBlock + 1 }, (_, i) => firstBlock + i);
  const results = useQueries({
    queries: blocks.map((block) => {
      const input = { ...filter, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE } as CallInput<M>;
      return {
        queryKey: [method, input],
        queryFn: () => client.call(method, input),
        placeholderData: keepPreviousData,
      };
    }),
  });
  const lastTotal = useRef<number | null>(null);
  const total = results.find((r) => r.data)?.data?.total;
  if (total !== undefined) lastTotal.current = total;
  const getRow = (index: number): Row<M> | undefined => {
    const block = Math.floor(index / BLOCK_SIZE) - firstBlock;
    const data = results[block]?.data as CallOutput<M> | undefined;
    return data?.rows[index % BLOCK_SIZE] as Row<M> | undefined;
  };
  return {
    total: lastTotal.current,
    getRow,
    isLoading: results.some((r) => r.isLoading),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

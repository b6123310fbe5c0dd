import { useRef } from 'react';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { CallInput, CallOutput } from '../../../src-shared/contract';
import type { MailSummary } from '../../../src-shared/contract/mail';
import { useClient } from '../../app/contract-hooks';

const BLOCK = 100;
type Filter = Omit<CallInput<'mail.list'>, 'offset' | 'limit'>;

/**
 * A mail list fetched in blocks of 100 around the rows on screen (the same idea as ui/usePagedRows,
 * which is typed for the card lists), so years of mail scroll without loading them all.
 */
export function useMailPages(filter: Filter, visible: { start: number; end: number }) {
  const client = useClient();
  const first = Math.floor(visible.start / BLOCK);
  const last = Math.max(first, Math.floor(visible.end / BLOCK));
  const blocks = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const results = useQueries({
    queries: blocks.map((block) => {
      const input: CallInput<'mail.list'> = { ...filter, offset: block * BLOCK, limit: BLOCK };
      return {
        queryKey: ['mail.list', input],
        queryFn: () => client.call('mail.list', input),
        placeholderData: keepPreviousData,
      };
    }),
  });
  const lastTotal = useRef<number | null>(null);
  const answered = results.find((r) => r.data)?.data as CallOutput<'mail.list'> | undefined;
  if (answered) lastTotal.current = answered.total;
  const getRow = (index: number): MailSummary | undefined => {
    const data = results[Math.floor(index / BLOCK) - first]?.data as CallOutput<'mail.list'> | undefined;
    return data?.rows[index % BLOCK];
  };
  return {
    total: lastTotal.current,
    unread: answered?.unread ?? 0,
    getRow,
    isLoading: results.some((r) => r.isLoading),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

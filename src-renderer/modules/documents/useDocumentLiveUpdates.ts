import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallOutput, ContractEvent } from '../../../src-shared/contract';
import { useClient } from '../../app/contract-hooks';

/** The calls whose answers change when a document's text does (status badges, text, search hits). */
const TEXT_DEPENDENT = ['documents.forCard', 'documents.get', 'documents.text', 'search.query'];

/**
 * Keeps document screens live while the extraction job works in main: a finished
 * extraction refetches status badges, the document page and search; progress
 * events update the shell's indicator in place. Mounted once, in the shell.
 */
export function useDocumentLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name === 'documents.textChanged') {
          for (const method of TEXT_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
          void queryClient.invalidateQueries({ queryKey: ['documents.extraction'] });
        } else if (event.name === 'documents.extraction') {
          const { pending, running } = (event as ContractEvent<'documents.extraction'>).payload;
          queryClient.setQueriesData<CallOutput<'documents.extraction'>>(
            { queryKey: ['documents.extraction'] },
            (old) => ({ failed: old?.failed ?? 0, pending, running }),
          );
          // The failure count is not in the event: ask again once the queue drains.
          if (pending === 0 && !running) void queryClient.invalidateQueries({ queryKey: ['documents.extraction'] });
        }
      }),
    [client, queryClient],
  );
}

import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

const INBOX_CALLS = ['inbox.list', 'inbox.count', 'inbox.folders.list'];

/**
 * Keeps the inbox live: files arriving from the watched folders (the polling job
 * in main), filing and discarding from another window, suggestions found once a
 * text is extracted. Mounted once, in the shell, by the menu's count badge.
 */
export function useInboxLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name === 'inbox.changed' || event.name === 'documents.textChanged') {
          for (const method of INBOX_CALLS) void queryClient.invalidateQueries({ queryKey: [method] });
        }
      }),
    [client, queryClient],
  );
}

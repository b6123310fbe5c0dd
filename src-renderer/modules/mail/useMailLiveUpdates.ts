import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/** What a stored, filed, read or sent mail can change on screen: lists, the reader, badges, card timelines. */
const MAIL_CALLS = ['mail.list', 'mail.get', 'mail.counts', 'mail.accounts.list', 'timeline.forCard'];

/**
 * Keeps mail live: the scan job storing new mail, filing from another window, an account's status.
 * Mounted once, in the shell, by the menu's badge.
 */
export function useMailLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name === 'mail.changed') {
          for (const method of MAIL_CALLS) void queryClient.invalidateQueries({ queryKey: [method] });
        } else if (event.name === 'mail.accountStatus') {
          void queryClient.invalidateQueries({ queryKey: ['mail.accounts.list'] });
        }
      }),
    [client, queryClient],
  );
}

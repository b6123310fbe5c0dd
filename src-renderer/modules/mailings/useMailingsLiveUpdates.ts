import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/**
 * The calls whose answers move while the outbox works (lists, one mailing, its recipients, a card's sends, and the
 * SMS accounts, whose send problem the outbox notes before it says where a mailing stands).
 */
const MAILING_DEPENDENT = [
  'mailings.list',
  'mailings.get',
  'mailings.recipients',
  'mailings.ofCard',
  'sms.accounts.list',
];

/** Keeps the sending screens live: each `mailings.progress` refetches what is on screen. Mounted once, in the shell. */
export function useMailingsLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'mailings.progress') return;
        for (const method of MAILING_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
      }),
    [client, queryClient],
  );
}

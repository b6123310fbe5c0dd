import { useEffect, useState } from 'react';
import type { ContractEvent } from '../../../src-shared/contract';
import { useClient } from '../../app/contract-hooks';

export type SyncProgress = ContractEvent<'mail.syncProgress'>['payload'];

/** The scan job's latest word per account (folder, phase, done of total), while the settings page is open. */
export function useSyncProgress(): Record<string, SyncProgress> {
  const client = useClient();
  const [progress, setProgress] = useState<Record<string, SyncProgress>>({});
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'mail.syncProgress') return;
        const payload = (event as ContractEvent<'mail.syncProgress'>).payload;
        setProgress((previous) => ({ ...previous, [payload.accountId]: payload }));
      }),
    [client],
  );
  return progress;
}

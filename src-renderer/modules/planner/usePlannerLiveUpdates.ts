import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EventName } from '../../../src-shared/contract';
import { useClient } from '../../app/contract-hooks';

/** Everything the day is built from: a change in any of them (from another window, the CLI, a job) refetches it. */
const DAY_SOURCES: readonly EventName[] = [
  'followUps.changed',
  'tasks.changed',
  'notes.changed',
  'agenda.changed',
  'notifications.changed',
];

/** Keeps the "Bugün" screen fresh while it is open. */
export function usePlannerLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (DAY_SOURCES.includes(event.name)) void queryClient.invalidateQueries({ queryKey: ['planner.today'] });
      }),
    [client, queryClient],
  );
}

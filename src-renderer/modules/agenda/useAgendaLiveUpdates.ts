import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/** The calls whose answers change with calendars, events or attendees (a check-in at the door included). */
const AGENDA_DEPENDENT = ['agenda.calendars', 'agenda.range', 'agenda.getEvent', 'planner.today', 'search.query'];

/**
 * Keeps agenda screens fresh when another window, a colleague's desk or the door screen changes something.
 * Mounted by each agenda page (the shell is shared by every module).
 */
export function useAgendaLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'agenda.changed') return;
        for (const method of AGENDA_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
      }),
    [client, queryClient],
  );
}

import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/** The calls whose answers change when a note does (lists, the note itself, timelines, search, counts). */
const NOTE_DEPENDENT = ['notes.list', 'notes.get', 'notes.reasons', 'timeline.forCard', 'search.query'];

/** Keeps note screens fresh when another window (or the CLI) writes a note. Mounted once, in the shell. */
export function useNotesLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'notes.changed') return;
        for (const method of NOTE_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
      }),
    [client, queryClient],
  );
}

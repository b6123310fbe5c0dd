import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/** The calls whose answers change when a note or a follow-up does (lists, the note, feeds, timelines, search, counts). */
const NOTE_DEPENDENT = [
  'notes.list',
  'notes.get',
  'notes.team',
  'notes.reasons',
  'followUps.list',
  'followUps.get',
  'timeline.forCard',
  'search.query',
];

/** Keeps note screens fresh when another window (or the CLI) writes a note or a follow-up. Mounted once, in the shell. */
export function useNotesLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'notes.changed' && event.name !== 'followUps.changed') return;
        for (const method of NOTE_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
      }),
    [client, queryClient],
  );
}

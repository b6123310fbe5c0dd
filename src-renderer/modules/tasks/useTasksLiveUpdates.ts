import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../app/contract-hooks';

/** The calls whose answers change when a task does (lists, the board, the task, the planner, timelines, search). */
const TASK_DEPENDENT = ['tasks.list', 'tasks.get', 'planner.today', 'timeline.forCard', 'search.query'];

/** Keeps task screens fresh when another window (or the CLI) changes a task. Mounted once, in the shell. */
export function useTasksLiveUpdates(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name !== 'tasks.changed') return;
        for (const method of TASK_DEPENDENT) void queryClient.invalidateQueries({ queryKey: [method] });
      }),
    [client, queryClient],
  );
}

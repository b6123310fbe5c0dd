import type { CallInput } from '../../../src-shared/contract';
import type { TaskOut } from '../../../src-shared/contract/tasks';

/**
 * tasks.update replaces every field: a change of one link from the task's page sends the rest as the page shows
 * it, with the page's updatedAt, so a change made meanwhile by someone else is refused instead of undone.
 */
export function updateFrom(
  task: TaskOut,
  patch: Partial<Pick<CallInput<'tasks.update'>, 'cardIds' | 'noteIds' | 'documentIds'>>,
): CallInput<'tasks.update'> {
  return {
    id: task.id,
    expectedUpdatedAt: task.updatedAt,
    title: task.title,
    description: task.description,
    assigneeIds: task.assignees.map((a) => a.id),
    dueDate: task.dueDate,
    dueTime: task.dueTime,
    priority: task.priority,
    status: task.status,
    rrule: task.rrule,
    cardIds: task.cards.map((c) => c.id),
    noteIds: task.notes.map((n) => n.id),
    documentIds: task.documents.map((d) => d.id),
    ...patch,
  };
}

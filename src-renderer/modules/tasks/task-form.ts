import type { FieldErrors, Resolver } from 'react-hook-form';
import { taskFields, type TaskFields, type TaskOut, type TaskPriority } from '../../../src-shared/contract/tasks';
import { presetOf, presetRule, type RecurrencePreset } from './recurrence';

export interface TaskFormValues {
  title: string;
  description: string;
  assigneeIds: string[];
  /** YYYY-MM-DD or '' */
  dueDate: string;
  /** HH:MM or '' */
  dueTime: string;
  priority: TaskPriority;
  recurrence: RecurrencePreset;
  customRule: string;
  cardIds: string[];
  /** New tasks only: the task screen keeps the lines of an existing one. */
  checklist: string[];
}

/** A new task: for the user at this desk, about the card it was started from. */
export function newTaskValues(meId: string | undefined, cardIds: string[]): TaskFormValues {
  return {
    title: '',
    description: '',
    assigneeIds: meId ? [meId] : [],
    dueDate: '',
    dueTime: '',
    priority: 'normal',
    recurrence: 'none',
    customRule: '',
    cardIds,
    checklist: [],
  };
}

export function taskValues(task: TaskOut): TaskFormValues {
  const recurrence = presetOf(task.rrule, task.dueDate);
  return {
    title: task.title,
    description: task.description,
    assigneeIds: task.assignees.map((a) => a.id),
    dueDate: task.dueDate ?? '',
    dueTime: task.dueTime ?? '',
    priority: task.priority,
    recurrence,
    customRule: recurrence === 'custom' ? (task.rrule ?? '') : '',
    cardIds: task.cards.map((c) => c.id),
    checklist: [],
  };
}

/** The rule the picker stands for; null when the task does not repeat (or a preset has no date to go by yet). */
export function ruleOf(v: Pick<TaskFormValues, 'recurrence' | 'customRule' | 'dueDate'>): string | null {
  if (v.recurrence === 'none') return null;
  if (v.recurrence === 'custom') return v.customRule.trim() || null;
  return v.dueDate ? presetRule(v.recurrence, v.dueDate) : null;
}

/** The contract's fields; on an existing task its status, notes and documents go back as they are. */
export function toTaskInput(v: TaskFormValues, task?: TaskOut): TaskFields {
  return {
    title: v.title,
    description: v.description,
    assigneeIds: v.assigneeIds,
    dueDate: v.dueDate || null,
    dueTime: v.dueDate && v.dueTime ? v.dueTime : null,
    priority: v.priority,
    status: task?.status ?? 'todo',
    rrule: ruleOf(v),
    cardIds: v.cardIds,
    noteIds: task?.notes.map((n) => n.id) ?? [],
    documentIds: task?.documents.map((d) => d.id) ?? [],
    checklist: task ? [] : v.checklist,
  };
}

/** Where a contract field's message goes on the form. */
export function formField(path: string, values: Pick<TaskFormValues, 'recurrence'>): keyof TaskFormValues {
  const top = path.split('.')[0] ?? path;
  if (top === 'rrule') return values.recurrence === 'custom' ? 'customRule' : 'recurrence';
  return top as keyof TaskFormValues;
}

/**
 * Checks the form with the contract's own schema, so the screen refuses what main would; a repeat without a
 * date is refused here with main's own reason.
 */
export function taskResolver(words: { needsDate: string; needsRule: string }): Resolver<TaskFormValues> {
  return (values) => {
    const errors: FieldErrors<TaskFormValues> = {};
    const put = (field: keyof TaskFormValues, message: string) => {
      if (!errors[field]) errors[field] = { type: 'validate', message };
    };
    const parsed = taskFields.safeParse(toTaskInput(values));
    if (!parsed.success)
      for (const issue of parsed.error.issues) put(formField(issue.path.map(String).join('.'), values), issue.message);
    if (values.recurrence !== 'none' && !values.dueDate) put('dueDate', words.needsDate);
    if (values.recurrence === 'custom' && !values.customRule.trim()) put('customRule', words.needsRule);
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

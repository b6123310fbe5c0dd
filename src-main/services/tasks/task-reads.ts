import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import type { TaskOut, TaskStatus, TaskSummary, tasksCalls } from '../../../src-shared/contract/tasks';
import { foldForSearch, turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { nextOccurrences } from './task-recurrence';

export type TaskListInput = z.output<(typeof tasksCalls)['tasks.list']['input']>;

/** How many coming dates of a series the task screen and the form preview show. */
const PREVIEW_DATES = 5;

/** Statuses a task is finished in: never overdue, never reminded. */
export const CLOSED_STATUSES: readonly TaskStatus[] = ['done', 'cancelled'];

export interface TaskRow {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskSummary['priority'];
  dueDate: string | null;
  dueTime: string | null;
  rrule: string | null;
  seriesId: string | null;
  recurrenceDate: string | null;
  completedAt: string | null;
  completedById: string | null;
  completedByName: string | null;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

const SELECT_TASK = `select t.id, t.title, t.description, t.status, t.priority, t.due_date as dueDate,
    t.due_time as dueTime, t.rrule, t.series_id as seriesId, t.recurrence_date as recurrenceDate,
    t.completed_at as completedAt, t.completed_by as completedById, cu.name as completedByName,
    t.created_at as createdAt, t.created_by as createdById, au.name as createdByName, t.updated_at as updatedAt,
    t.deleted_at as deletedAt
  from tasks t
  left join users cu on cu.id = t.completed_by
  left join users au on au.id = t.created_by`;

export function taskRow(db: Db, id: string): TaskRow {
  const row = stmt(db, `${SELECT_TASK} where t.id = ?`).get(id) as TaskRow | undefined;
  if (!row) throw notFound(`Görev (${id})`);
  return row;
}

export const isOverdue = (row: Pick<TaskRow, 'dueDate' | 'status'>, today: string): boolean =>
  row.dueDate !== null && row.dueDate < today && !CLOSED_STATUSES.includes(row.status);

const byName = (a: { name: string }, b: { name: string }) => (turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1);

/** What list rows show besides the task's own columns, read for a whole page at once. */
function summariesOf(db: Db, rows: TaskRow[], today: string): TaskSummary[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const assignees = new Map<string, { id: string; name: string }[]>();
  for (const a of stmt(
    db,
    `select ta.task_id as taskId, u.id, u.name from task_assignees ta join users u on u.id = ta.user_id
     where ta.task_id in (select value from json_each(?))`,
  ).all(ids) as { taskId: string; id: string; name: string }[]) {
    const list = assignees.get(a.taskId) ?? [];
    list.push({ id: a.id, name: a.name });
    assignees.set(a.taskId, list);
  }
  const cards = new Map<string, TaskSummary['cards']>();
  // Merged-away cards are left out: a merge moves the link to the survivor.
  for (const c of stmt(
    db,
    `select tc.task_id as taskId, c.id, c.type, c.display_name as displayName
     from task_cards tc join cards c on c.id = tc.card_id
     where tc.task_id in (select value from json_each(?)) and c.merged_into is null order by c.sort_key`,
  ).all(ids) as ({ taskId: string } & TaskSummary['cards'][number])[]) {
    const { taskId, ...card } = c;
    cards.set(taskId, [...(cards.get(taskId) ?? []), card]);
  }
  const counts = new Map<string, { done: number; total: number; comments: number }>();
  for (const c of stmt(
    db,
    `select j.value as taskId,
       (select count(*) from task_checklist_items i where i.task_id = j.value and i.done_at is not null) as done,
       (select count(*) from task_checklist_items i where i.task_id = j.value) as total,
       (select count(*) from task_comments m where m.task_id = j.value and m.deleted_at is null) as comments
     from json_each(?) j`,
  ).all(ids) as { taskId: string; done: number; total: number; comments: number }[])
    counts.set(c.taskId, c);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    priority: row.priority,
    dueDate: row.dueDate,
    dueTime: row.dueTime,
    overdue: isOverdue(row, today),
    rrule: row.rrule,
    assignees: (assignees.get(row.id) ?? []).sort(byName),
    cards: cards.get(row.id) ?? [],
    checklistDone: counts.get(row.id)?.done ?? 0,
    checklistTotal: counts.get(row.id)?.total ?? 0,
    commentCount: counts.get(row.id)?.comments ?? 0,
    updatedAt: row.updatedAt,
  }));
}

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** The first date of the task's series: recurrences are counted from it (COUNT) and walked from it. */
export function seriesStart(db: Db, row: Pick<TaskRow, 'seriesId' | 'recurrenceDate'>): string | null {
  if (!row.seriesId) return row.recurrenceDate;
  const first = stmt(db, 'select min(recurrence_date) from tasks where series_id = ?').pluck().get(row.seriesId) as
    string | null;
  return first ?? row.recurrenceDate;
}

function comingDates(db: Db, row: TaskRow): string[] {
  const start = seriesStart(db, row);
  const from = row.recurrenceDate ?? row.dueDate;
  if (!row.rrule || !start || !from) return [];
  try {
    return nextOccurrences(row.rrule, start, from, PREVIEW_DATES);
  } catch {
    // A rule stored before a check was tightened still shows its task; the form refuses it on the next save.
    return [];
  }
}

/** A task in full, also from the recycle bin (the screen shows it as deleted there). */
export function getTask(db: Db, id: string, today: string): TaskOut {
  const row = taskRow(db, id);
  const [summary] = summariesOf(db, [row], today) as [TaskSummary];
  const checklist = stmt(
    db,
    `select i.id, i.text, i.done_at as doneAt, i.done_by as doneById, u.name as doneByName
     from task_checklist_items i left join users u on u.id = i.done_by
     where i.task_id = ? order by i.position, i.id`,
  ).all(id) as {
    id: string;
    text: string;
    doneAt: string | null;
    doneById: string | null;
    doneByName: string | null;
  }[];
  const comments = stmt(
    db,
    `select m.id, m.body, m.created_at as createdAt, m.created_by as byId, u.name as byName
     from task_comments m left join users u on u.id = m.created_by
     where m.task_id = ? and m.deleted_at is null order by m.created_at, m.id`,
  ).all(id) as { id: string; body: string; createdAt: string; byId: string | null; byName: string | null }[];
  return {
    ...summary,
    description: row.description,
    seriesId: row.seriesId,
    notes: stmt(
      db,
      `select n.id, n.title, n.happened_at as happenedAt from task_notes tn join notes n on n.id = tn.note_id
       where tn.task_id = ? and n.deleted_at is null order by n.happened_at desc`,
    ).all(id) as TaskOut['notes'],
    documents: stmt(
      db,
      `select d.id, d.name, d.mime_type as mimeType, d.size from task_documents td join documents d on d.id = td.document_id
       where td.task_id = ? and d.deleted_at is null order by d.created_at, d.id`,
    ).all(id) as TaskOut['documents'],
    checklist: checklist.map((i) => ({
      id: i.id,
      text: i.text,
      done: i.doneAt !== null,
      doneAt: i.doneAt,
      doneBy: ref(i.doneById, i.doneByName),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      createdBy: ref(c.byId, c.byName),
    })),
    nextOccurrences: comingDates(db, row),
    completedAt: row.completedAt,
    completedBy: ref(row.completedById, row.completedByName),
    createdAt: row.createdAt,
    createdBy: ref(row.createdById, row.createdByName),
    deleted: row.deletedAt !== null,
  };
}

/** Open tasks first, by due date and time (no date last); then finished ones, most recently changed first. */
const ORDER = `order by (t.status in ('done', 'cancelled')),
  case when t.status in ('done', 'cancelled') then null else t.due_date is null end,
  case when t.status in ('done', 'cancelled') then null else t.due_date end,
  case when t.status in ('done', 'cancelled') then null else coalesce(t.due_time, '99:99') end,
  t.updated_at desc, t.id desc`;

/** Tasks as tasks.list answers them, for the acting user `userId`; `today` is the firm's date (overdue). */
export function listTasks(
  db: Db,
  userId: string,
  today: string,
  input: TaskListInput,
): { tasks: TaskSummary[]; total: number } {
  const where = ['t.deleted_at is null'];
  const params: (string | number)[] = [];
  // Mine: assigned to me, or written by me for nobody in particular (it would be nobody's otherwise).
  const mine = `(exists (select 1 from task_assignees a where a.task_id = t.id and a.user_id = ?)
    or (t.created_by = ? and not exists (select 1 from task_assignees a where a.task_id = t.id)))`;
  const team = `exists (select 1 from task_assignees a join users u on u.id = a.user_id
    where a.task_id = t.id and u.manager_id = ?)`;
  if (input.view === 'mine') {
    where.push(mine);
    params.push(userId, userId);
  } else if (input.view === 'team') {
    where.push(team);
    params.push(userId);
  } else if (input.view === 'overdue') {
    where.push(`(${mine} or ${team})`, `t.due_date < ?`, `t.status not in ('done', 'cancelled')`);
    params.push(userId, userId, userId, today);
  }
  if (input.cardId) {
    where.push('exists (select 1 from task_cards tc where tc.task_id = t.id and tc.card_id = ?)');
    params.push(input.cardId);
  }
  if (input.statuses) {
    where.push('t.status in (select value from json_each(?))');
    params.push(JSON.stringify(input.statuses));
  }
  if (input.dueOnOrBefore) {
    where.push('t.due_date <= ?');
    params.push(input.dueOnOrBefore);
  }
  if (input.query) {
    where.push('instr(kartotek_fold(t.title), ?) > 0');
    params.push(foldForSearch(input.query));
  }
  const filter = where.join(' and ');
  const total = stmt(db, `select count(*) from tasks t where ${filter}`)
    .pluck()
    .get(...params) as number;
  const rows = stmt(db, `${SELECT_TASK} where ${filter} ${ORDER} limit ? offset ?`).all(
    ...params,
    input.limit,
    input.offset,
  ) as TaskRow[];
  return { tasks: summariesOf(db, rows, today), total };
}

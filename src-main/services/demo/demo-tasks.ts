/**
 * The demo staff's tasks: about 30 one-off jobs in every state (a few overdue, several due today for different
 * people, some waiting on someone, some done), many handed out by the managers to their teams, with checklists
 * ticked as the work went, a comment here and there, the cards and notes they are about; and two routines that
 * have been running for a while: the weekly sales report every Monday and the collection check on the first
 * Monday of each month (each past occurrence done on its day, which is how the next one came about).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { taskFields, type TaskPriority, type TaskStatus } from '../../../src-shared/contract/tasks';
import { addComment } from '../tasks/task-comments';
import { updateChecklistItem } from '../tasks/task-checklist';
import { createTask, setTaskStatus, type TaskActor } from '../tasks/task-writes';
import { clock, officeTime } from './demo-clock';
import type { DemoNote } from './demo-notes';
import { MONTHLY_COLLECTION, TASK_COMMENTS, TASK_TEMPLATES, WEEKLY_REPORT, type TaskTemplate } from './demo-task-text';
import type { DemoStaffMember, DemoWorld } from './demo-world';
import type { Random } from './random';

type Timing = 'overdue' | 'today' | 'upcoming' | 'undated' | 'done' | 'cancelled';

/** The one-off tasks: how many of each kind. */
const TIMINGS: readonly (readonly [Timing, number])[] = [
  ['overdue', 4],
  ['today', 6],
  ['upcoming', 10],
  ['undated', 3],
  ['done', 6],
  ['cancelled', 1],
];

const PRIORITIES: readonly (readonly [TaskPriority, number])[] = [
  ['low', 2],
  ['normal', 6],
  ['high', 3],
  ['urgent', 1],
];

const OPEN_STATUSES: readonly (readonly [TaskStatus, number])[] = [
  ['todo', 5],
  ['in_progress', 3],
  ['waiting', 1],
];

class TaskWriter {
  private readonly notesByCard = new Map<string, DemoNote[]>();

  constructor(
    private readonly db: Db,
    private readonly world: DemoWorld,
    private readonly rng: Random,
    notes: readonly DemoNote[],
  ) {
    for (const note of notes) {
      for (const cardId of [note.person.id, note.institution?.id]) {
        if (!cardId) continue;
        const list = this.notesByCard.get(cardId) ?? [];
        list.push(note);
        this.notesByCard.set(cardId, list);
      }
    }
  }

  actor(userId: string, day: string, time: string): TaskActor {
    const c = this.world.clock;
    const at = c.notAfterNow(c.at(day, time));
    return { userId, at, today: c.dayOf(at) };
  }

  /** Tasks are handed out by managers to their team about half the time; others write their own. */
  private creatorOf(assignee: DemoStaffMember): string {
    return assignee.managerId && this.rng.chance(0.5) ? assignee.managerId : assignee.id;
  }

  /** The card a task is about, and the note on it that started it (written before the task). */
  private cardsFor(template: TaskTemplate, assigneeId: string, createdAt: string) {
    if (!template.kinds) return { words: {}, cardIds: [], noteIds: [] };
    const person = this.world.pickContact(this.rng, assigneeId, template.kinds);
    const institution = person?.institution;
    if (!person || !institution) return undefined;
    const cardIds = [institution.id, ...(this.rng.chance(0.5) ? [person.id] : [])];
    const note = [...(this.notesByCard.get(institution.id) ?? []), ...(this.notesByCard.get(person.id) ?? [])].find(
      (n) => n.reason === template.noteReason && n.happenedAt < createdAt,
    );
    return { words: { kurum: institution.shortName }, cardIds, noteIds: note ? [note.id] : [] };
  }

  /** One task of a kind of timing, with what happened to it since it was written. */
  oneOff(timing: Timing, assignee: DemoStaffMember, template: TaskTemplate): boolean {
    const { rng, world } = this;
    const c = world.clock;
    const dueDate = {
      overdue: () => c.workdayBefore(rng.int(1, 6)),
      today: () => c.today,
      upcoming: () => c.workdayFrom(c.day(rng.int(1, 16))),
      undated: () => null,
      done: () => c.workdayBefore(rng.int(2, 40)),
      cancelled: () => c.workdayBefore(rng.int(3, 20)),
    }[timing]();
    const base = dueDate !== null && dueDate < c.today ? dueDate : c.today;
    const createdDay = c.workdaysBefore(base, rng.int(1, 8));
    const creatorId = this.creatorOf(assignee);
    const created = this.actor(creatorId, createdDay, officeTime(rng));
    const cards = this.cardsFor(template, assignee.id, created.at);
    if (!cards) return false;
    const title = template.title.replace('{kurum}', cards.words.kurum ?? '');
    const assigneeIds = [assignee.id, ...(rng.chance(0.15) ? [world.colleagueOf(rng, assignee.id).id] : [])];
    const input = taskFields.parse({
      title,
      description: template.description,
      assigneeIds,
      dueDate,
      dueTime: dueDate && rng.chance(0.3) ? officeTime(rng, 10 * 60, 17 * 60) : null,
      priority: timing === 'overdue' && rng.chance(0.5) ? 'high' : rng.weighted(PRIORITIES),
      cardIds: cards.cardIds,
      noteIds: cards.noteIds,
      checklist: template.checklist ?? [],
    });
    const taskId = createTask(this.db, created, input).taskId;

    const startDay = c.workdayFrom(addDays(createdDay, 1));
    const status: TaskStatus =
      timing === 'done' ? 'done' : timing === 'cancelled' ? 'cancelled' : rng.weighted(OPEN_STATUSES);
    if (status === 'in_progress' || status === 'waiting' || status === 'done') {
      setTaskStatus(this.db, this.actor(assignee.id, startDay, '09:40'), taskId, 'in_progress');
    }
    // Ticked as the work went: all of a done task's lines, some of one under way.
    const lines = stmt(this.db, 'select id from task_checklist_items where task_id = ? order by position')
      .pluck()
      .all(taskId) as string[];
    const ticked = status === 'done' ? lines.length : status === 'todo' ? 0 : rng.int(0, lines.length - 1);
    lines.slice(0, Math.max(0, ticked)).forEach((id, i) => {
      updateChecklistItem(this.db, this.actor(assignee.id, startDay, clock(10 * 60 + 20 * i)), { id, done: true });
    });
    if (rng.chance(0.35) || status === 'waiting') {
      const body = status === 'waiting' ? 'Karşı taraftan dönüş bekleniyor.' : rng.pick(TASK_COMMENTS);
      addComment(this.db, this.actor(assignee.id, startDay, '15:10'), { taskId, body });
      if (creatorId !== assignee.id && rng.chance(0.5)) {
        addComment(this.db, this.actor(creatorId, startDay, '16:25'), { taskId, body: 'Teşekkürler, takipteyim.' });
      }
    }
    if (status === 'waiting') setTaskStatus(this.db, this.actor(assignee.id, startDay, '15:15'), taskId, 'waiting');
    if (status === 'done' || status === 'cancelled') {
      const endDay = dueDate && dueDate > startDay ? dueDate : startDay;
      const who = status === 'done' ? assignee.id : creatorId;
      setTaskStatus(this.db, this.actor(who, endDay, officeTime(rng, 11 * 60)), taskId, status);
    }
    return true;
  }

  /**
   * A routine started `first` (its first due date), every past occurrence done on its day by the assignee; the
   * open one is today's or the next. Answers how many task rows it left.
   */
  routine(
    spec: typeof WEEKLY_REPORT | typeof MONTHLY_COLLECTION,
    creatorId: string,
    assigneeId: string,
    first: string,
  ): number {
    const c = this.world.clock;
    const input = taskFields.parse({
      title: spec.title,
      description: spec.description,
      assigneeIds: [assigneeId],
      dueDate: first,
      dueTime: spec.dueTime,
      priority: 'normal',
      rrule: spec.rrule,
      checklist: spec.checklist,
    });
    let taskId = createTask(this.db, this.actor(creatorId, c.workdaysBefore(first, 2), '16:00'), input).taskId;
    const dueOf = stmt(this.db, 'select due_date from tasks where id = ?').pluck();
    const lines = stmt(this.db, 'select id from task_checklist_items where task_id = ? order by position').pluck();
    let rows = 1;
    for (let due = dueOf.get(taskId) as string; due < c.today; due = dueOf.get(taskId) as string) {
      (lines.all(taskId) as string[]).forEach((id, i) =>
        updateChecklistItem(this.db, this.actor(assigneeId, due, clock(9 * 60 + 30 + 25 * i)), { id, done: true }),
      );
      const next = setTaskStatus(this.db, this.actor(assigneeId, due, '11:45'), taskId, 'done').nextTaskId;
      if (!next) break;
      taskId = next;
      rows++;
    }
    return rows;
  }
}

/** The first Monday of the month `monthsBack` months before the date's month. */
function firstMonday(world: DemoWorld, date: string, monthsBack: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsBack;
  let day = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  while (world.clock.weekday(day) !== 1) day = addDays(day, 1);
  return day;
}

/** Writes the tasks; answers how many task rows there are (each done occurrence of a routine is one). */
export function writeDemoTasks(db: Db, world: DemoWorld, rng: Random, notes: readonly DemoNote[]): number {
  const writer = new TaskWriter(db, world, rng, notes);
  const c = world.clock;
  let rows = 0;
  const managers = world.staff.filter((s) => s.role === 'manager');
  const teamOf = (m: DemoStaffMember) => world.staff.filter((s) => s.managerId === m.id);
  const [sales, office] = [managers[0] ?? world.staff[0]!, managers[1] ?? world.staff[0]!];
  rows += writer.routine(WEEKLY_REPORT, sales.id, (teamOf(sales)[0] ?? sales).id, addDays(c.mondayOf(c.today), -42));
  rows += writer.routine(
    MONTHLY_COLLECTION,
    office.id,
    (teamOf(office)[0] ?? office).id,
    firstMonday(world, c.today, 4),
  );

  // Office jobs come up once; jobs about a card again for another firm.
  const officeJobs = rng.sample(
    TASK_TEMPLATES.filter((t) => !t.kinds),
    TASK_TEMPLATES.length,
  );
  const cardJobs = TASK_TEMPLATES.filter((t) => t.kinds);
  const nextTemplate = () => (officeJobs.length > 0 && rng.chance(0.5) ? officeJobs.pop()! : rng.pick(cardJobs));
  // Everyone has something due today; the rest goes by how busy people are.
  let todayIndex = 0;
  for (const [timing, count] of TIMINGS) {
    for (let i = 0; i < count; i++) {
      const assignee = timing === 'today' ? world.staff[todayIndex++ % world.staff.length]! : world.pickStaff(rng);
      for (let attempt = 0; attempt < 6; attempt++) {
        if (writer.oneOff(timing, assignee, nextTemplate())) {
          rows++;
          break;
        }
      }
    }
  }
  return rows;
}

/**
 * Six months of meeting notes by the demo staff on the persons they look after (and their firms), about 30 of
 * them asking for a follow-up: done ones in the past, a few overdue, at least one due today for every staff
 * member, some ahead; one handed over to a colleague, one moved. Written through the notes and follow-up
 * services with the author's stamp at the time the note was written, so audit rows, reminders and team news
 * are what the staff's own typing would have produced.
 */
import type { Db } from '../../db/connection';
import { noteCreateInput } from '../../../src-shared/contract/notes';
import type { Actor } from '../documents/document-writes';
import { createNote } from '../notes/note-writes';
import { listReasons } from '../notes/reasons';
import { cancelFollowUp, completeFollowUp, handOverFollowUp, moveFollowUp } from '../followups/followup-writes';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { officeTime } from './demo-clock';
import { MONTHS, NOTE_TEMPLATES, WEEKDAYS, fill, noteHtml, type NoteTemplate } from './demo-note-text';
import type { DemoInstitutionRef, DemoPersonRef, DemoWorld } from './demo-world';
import type { Random } from './random';

/** What later parts of the demo (tasks, read state) need of a written note. */
export interface DemoNote {
  id: string;
  authorId: string;
  person: DemoPersonRef;
  institution: DemoInstitutionRef | undefined;
  reason: string;
  happenedAt: string;
  /** Managers told of it (they read the older ones). */
  notifiedUserIds: string[];
}

/** Meeting notes in all, complaints included. */
export const NOTE_COUNT = 150;
/** About half a year of working days. */
const HISTORY_WORKDAYS = 125;

type FollowUpPlan =
  | { kind: 'today' | 'upcoming' | 'overdue' | 'moved'; dueDate: string; handOver?: boolean }
  | { kind: 'done' | 'cancelled'; dueDate: string };

interface NoteSpec {
  authorId: string;
  day: string;
  followUp?: FollowUpPlan;
}

const money = (rng: Random) => `${(rng.int(12, 480) * 500).toLocaleString('tr-TR')} TL`;

/** The words of one note: everything a template may ask for, drawn once. */
export function noteWords(rng: Random, world: DemoWorld, person: DemoPersonRef, day: string): Record<string, string> {
  const month = Number(day.slice(5, 7));
  return {
    kisi: person.address,
    kurum: person.institution?.shortName ?? person.name,
    tutar: money(rng),
    oran: String(rng.int(3, 18)),
    adet: String(rng.int(3, 40)),
    ekip: String(rng.int(3, 50) * 5),
    ay: MONTHS[(month + rng.int(0, 1)) % 12]!,
    yil: day.slice(0, 4),
    // A working day later this week or early next: when something will be done.
    gun: WEEKDAYS[world.clock.weekday(world.clock.workdayFrom(addDays(day, rng.int(1, 3)))) - 1]!,
    teklif: `TK-${day.slice(0, 4)}-${String(rng.int(40, 999)).padStart(4, '0')}`,
  };
}

/** The follow-ups the staff's planners should show: every colleague has something due today. */
function followUpSpecs(world: DemoWorld, rng: Random): NoteSpec[] {
  const c = world.clock;
  const specs: NoteSpec[] = [];
  const add = (authorId: string, noteIdx: number, followUp: FollowUpPlan) =>
    specs.push({ authorId, day: c.workdayBefore(noteIdx), followUp });
  for (const s of world.staff) add(s.id, rng.int(2, 8), { kind: 'today', dueDate: c.today });
  for (let i = 0; i < 2; i++) add(world.pickStaff(rng).id, rng.int(2, 8), { kind: 'today', dueDate: c.today });
  for (let i = 0; i < 6; i++) {
    const dueIdx = rng.int(1, 6);
    add(world.pickStaff(rng).id, dueIdx + rng.int(2, 8), { kind: 'overdue', dueDate: c.workdayBefore(dueIdx) });
  }
  for (let i = 0; i < 6; i++) {
    add(world.pickStaff(rng).id, rng.int(1, 6), {
      kind: i === 0 ? 'moved' : 'upcoming',
      dueDate: i === 0 ? c.workdayBefore(1) : c.workdayFrom(c.day(rng.int(1, 14))),
      handOver: i === 1,
    });
  }
  for (let i = 0; i < 10; i++) {
    const noteIdx = rng.int(12, HISTORY_WORKDAYS);
    add(world.pickStaff(rng).id, noteIdx, {
      kind: i === 0 ? 'cancelled' : 'done',
      dueDate: c.workdayBefore(noteIdx - rng.int(2, 8)),
    });
  }
  return specs;
}

function bulkSpecs(world: DemoWorld, rng: Random, count: number): NoteSpec[] {
  // More of the recent past than of five months ago: people write more about what is going on.
  return Array.from({ length: count }, () => ({
    authorId: world.pickStaff(rng).id,
    day: world.clock.workdayBefore(1 + Math.floor(HISTORY_WORKDAYS * rng.next() ** 1.3)),
  }));
}

const TEMPLATE_PICKS = NOTE_TEMPLATES.map(
  (t) => [t, t.kinds.some((k) => k === 'bank' || k === 'other' || k === 'supplier') ? 0.4 : 1] as const,
);

/** A template and someone it fits, preferably among the author's own cards. */
function subject(world: DemoWorld, rng: Random, authorId: string) {
  for (let attempt = 0; attempt < 12; attempt++) {
    const template = rng.weighted(TEMPLATE_PICKS);
    const person = world.pickContact(rng, authorId, template.kinds);
    if (person) return { template, person };
  }
  return undefined;
}

export class DemoNoteWriter {
  private readonly reasonIds: Map<string, string>;

  constructor(
    private readonly db: Db,
    private readonly world: DemoWorld,
    private readonly rng: Random,
  ) {
    this.reasonIds = new Map(listReasons(db).map((r) => [r.name, r.id]));
  }

  reasonId(name: string): string | null {
    return this.reasonIds.get(name) ?? null;
  }

  /** The meeting's start on its day and the stamp of writing it up afterwards (never after now). */
  times(day: string, minutes: number): { happenedAt: string; actor: (userId: string) => Actor } {
    const { clock: c } = this.world;
    const happenedAt = c.at(day, officeTime(this.rng, 9 * 60, 17 * 60));
    const written = c.notAfterNow(
      new Date(Date.parse(happenedAt) + (minutes + this.rng.int(10, 90)) * 60_000).toISOString(),
    );
    return { happenedAt, actor: (userId) => ({ userId, at: written }) };
  }

  /** Writes one meeting note (with its follow-up, if planned); undefined when the demo has nobody to write about. */
  write(spec: NoteSpec): { note: DemoNote; template: NoteTemplate; followUpId: string | undefined } | undefined {
    const { rng, world } = this;
    const found = subject(world, rng, spec.authorId);
    if (!found) return undefined;
    const { template, person } = found;
    const words = noteWords(rng, world, person, spec.day);
    const minutes = rng.int(template.minutes[0], template.minutes[1]);
    const { happenedAt, actor } = this.times(spec.day, minutes);
    const withInstitution = person.institution !== undefined && rng.chance(0.7);
    const staffIds = [spec.authorId, ...(rng.chance(0.2) ? [world.colleagueOf(rng, spec.authorId).id] : [])];
    const plan = spec.followUp;
    const assigneeIds =
      plan && rng.chance(0.2) ? [world.colleagueOf(rng, spec.authorId).id, spec.authorId] : [spec.authorId];
    const input = noteCreateInput.parse({
      title: fill(template.title, words),
      happenedAt,
      durationMinutes: minutes,
      reasonId: this.reasonId(template.reason),
      channel: rng.pick(template.channels),
      bodyHtml: noteHtml(template.body, words),
      cardIds: [person.id, ...(withInstitution ? [person.institution!.id] : [])],
      staffIds,
      followUp: plan
        ? {
            description: template.followUp,
            dueDate: plan.dueDate,
            dueTime: rng.chance(0.4) ? officeTime(rng, 9 * 60, 16 * 60 + 30) : null,
            // A follow-up handed over later starts with its author alone.
            assigneeIds: 'handOver' in plan && plan.handOver ? [spec.authorId] : assigneeIds,
          }
        : null,
    });
    const change = createNote(this.db, actor(spec.authorId), input);
    return {
      note: {
        id: change.noteId,
        authorId: spec.authorId,
        person,
        institution: withInstitution ? person.institution : undefined,
        reason: template.reason,
        happenedAt,
        notifiedUserIds: change.notifiedUserIds ?? [],
      },
      template,
      followUpId: change.followUp?.followUpId,
    };
  }
}

/** What happened to a follow-up after it was written: done on its day, handed over, moved to a later day. */
function settleFollowUp(
  db: Db,
  world: DemoWorld,
  rng: Random,
  id: string,
  plan: FollowUpPlan,
  note: DemoNote,
  template: NoteTemplate,
) {
  const c = world.clock;
  const by = (userId: string, day: string, time: string): Actor => ({ userId, at: c.notAfterNow(c.at(day, time)) });
  switch (plan.kind) {
    case 'done':
      completeFollowUp(db, by(note.authorId, plan.dueDate, officeTime(rng, 10 * 60)), { id, doneNote: template.done });
      return;
    case 'cancelled':
      cancelFollowUp(db, by(note.authorId, plan.dueDate, officeTime(rng, 10 * 60)), {
        id,
        doneNote: 'Müşteri projeyi bir sonraki yıla erteledi; şimdilik takibe gerek yok.',
      });
      return;
    case 'moved':
      // Yesterday's follow-up, put off this morning to a day next week.
      moveFollowUp(db, by(note.authorId, c.today, '08:45'), {
        id,
        dueDate: c.workdayFrom(c.day(rng.int(3, 7))),
        dueTime: null,
        confirmPast: false,
      });
      return;
    default:
      if ('handOver' in plan && plan.handOver) {
        // The next morning: the author finds a colleague better placed to do it.
        const nextDay = c.workdayFrom(addDays(c.dayOf(note.happenedAt), 1));
        handOverFollowUp(db, by(note.authorId, nextDay, '09:30'), {
          id,
          assigneeIds: [world.colleagueOf(rng, note.authorId).id],
        });
      }
  }
}

export interface NotesResult {
  notes: DemoNote[];
  followUps: number;
}

/** Writes the meeting notes and their follow-ups (complaints: demo-complaints.ts). */
export function writeDemoNotes(db: Db, world: DemoWorld, rng: Random, count: number): NotesResult {
  const writer = new DemoNoteWriter(db, world, rng);
  const withFollowUps = followUpSpecs(world, rng);
  const specs = [...withFollowUps, ...bulkSpecs(world, rng, Math.max(0, count - withFollowUps.length))];
  // In the order they happened: the history (audit, team news) reads like a diary.
  specs.sort((a, b) => a.day.localeCompare(b.day));
  const notes: DemoNote[] = [];
  const later: (() => void)[] = [];
  for (const spec of specs) {
    const written = writer.write(spec);
    if (!written) continue;
    notes.push(written.note);
    const { followUpId } = written;
    const plan = spec.followUp;
    if (followUpId && plan)
      later.push(() => settleFollowUp(db, world, rng, followUpId, plan, written.note, written.template));
  }
  for (const step of later) step();
  return { notes, followUps: later.length };
}

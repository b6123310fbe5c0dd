/**
 * What a firm that has been at work for months looks like on the morning the demo is opened: managers have read
 * their team's notes except the last couple of days' ones, the bell holds only today's news (older reminders
 * were seen when they came), and a couple of the staff's contacts have their birthday today.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { personFields } from '../../../src-shared/contract/cards';
import { updatePerson } from '../cards/persons';
import { markNoteRead } from '../notes/note-read-state';
import type { DemoNote } from './demo-notes';
import type { PlannedPerson } from './demo-persons';
import type { DemoWorld } from './demo-world';
import type { Random } from './random';

/** Managers read what their team wrote, the morning after; the last two working days' notes are still new. */
export function readTeamNotes(db: Db, world: DemoWorld, notes: readonly DemoNote[]): void {
  const c = world.clock;
  const recent = c.at(c.workdayBefore(2), '00:00');
  for (const note of notes) {
    if (note.happenedAt >= recent) continue;
    const nextMorning = c.at(
      c.workdayFrom(c.dayOf(new Date(Date.parse(note.happenedAt) + 86_400_000).toISOString())),
      '09:10',
    );
    for (const managerId of note.notifiedUserIds) {
      markNoteRead(db, { userId: managerId, at: c.notAfterNow(nextMorning) }, { id: note.id, read: true });
    }
  }
}

/**
 * The reminder job delivers what falls due while the app runs; the demo's past did not run, so its reminders
 * and news are marked as they would be: delivered when due, and read unless they came today.
 */
export function deliverPastNotifications(db: Db, world: DemoWorld): void {
  const c = world.clock;
  const startOfToday = c.at(c.today, '00:00');
  stmt(
    db,
    `update notifications set delivered_at = due_at, read_at = coalesce(read_at, due_at)
      where delivered_at is null and due_at < ?`,
  ).run(startOfToday);
  stmt(db, 'update notifications set delivered_at = due_at where delivered_at is null and due_at <= ?').run(c.nowIso);
}

/** Persons of the staff with their birthday on the demo's day: how many there are now. */
function birthdaysToday(world: DemoWorld, persons: readonly PlannedPerson[]): number {
  const monthDay = world.clock.today.slice(5);
  const staff = new Set(world.staff.map((s) => s.id));
  return world.persons.filter(
    (p) => p.ownerId && staff.has(p.ownerId) && persons[p.planIndex]!.fields.birthDate?.slice(5) === monthDay,
  ).length;
}

/**
 * Makes sure at least two persons the staff look after have their birthday today. Planned birth dates are never
 * changed: when the plan has too few such birthdays, persons without a birth date get one (through the card
 * service, as their owner would type it). Answers how many staff-owned persons have their birthday today.
 */
export function birthdaysOnDemoDay(
  db: Db,
  world: DemoWorld,
  rng: Random,
  persons: readonly PlannedPerson[],
  wanted = 2,
): number {
  const already = birthdaysToday(world, persons);
  if (already >= wanted) return already;
  const monthDay = world.clock.today.slice(5);
  const staff = new Set(world.staff.map((s) => s.id));
  const candidates = world.persons.filter(
    (p) => p.ownerId && staff.has(p.ownerId) && !persons[p.planIndex]!.fields.birthDate,
  );
  const chosen = rng.sample(candidates, wanted - already);
  for (const p of chosen) {
    // 29 February needs a leap year.
    const year = monthDay === '02-29' ? 1964 + 4 * rng.int(0, 7) : rng.int(1962, 1994);
    const fields = personFields.parse({
      ...persons[p.planIndex]!.fields,
      birthDate: `${year}-${monthDay}`,
      ownerId: p.ownerId,
    });
    updatePerson(db, { ...fields, id: p.id }, { userId: p.ownerId!, at: world.clock.nowIso });
  }
  return already + chosen.length;
}

/**
 * The demo firm's working life, written after its cards: six months of meeting notes and complaints with their
 * follow-ups, the staff's tasks, the calendars and the next weeks' agenda, and the small things of the day
 * (birthdays, what has been read). Everything is dated around the demo's "now" (the stamp's `at`) on the firm's
 * calendar, written by the demo staff themselves through the modules' services, and drawn from random streams
 * of its own, so a seed gives the same cards as before and the same activity every time.
 */
import type { Db } from '../../db/connection';
import type { CardStamp } from '../cards/card-rows';
import { DemoClock } from './demo-clock';
import { writeDemoComplaints } from './demo-complaints';
import { writeDemoAgenda } from './demo-agenda';
import { birthdaysOnDemoDay, deliverPastNotifications, readTeamNotes } from './demo-history';
import { DemoNoteWriter, NOTE_COUNT, writeDemoNotes } from './demo-notes';
import { writeDemoTasks } from './demo-tasks';
import { writeDemoMail } from './demo-mail';
import type { SecretBox } from '../../core/secret-box';
import { DemoWorld, type DemoCardsInput } from './demo-world';
import { Random } from './random';

export interface ActivityCounts {
  notes: number;
  complaints: number;
  followUps: number;
  tasks: number;
  calendars: number;
  events: number;
  attendees: number;
  /** Persons of the staff whose birthday is the demo's day. */
  birthdays: number;
  /** Mails stored (incoming and sent); 0 when the fill had no secret box to seal the demo account's password. */
  mails: number;
}

/** Each part draws from its own stream: changing one leaves the others as they were. */
const STREAMS = {
  notes: 0x0e7e5001,
  complaints: 0x0c0ffee2,
  tasks: 0x7a5c0003,
  agenda: 0x0a9e0da4,
  days: 0x0b1d7005,
  mail: 0x0a11b0c5,
};

export function fillDemoActivity(
  db: Db,
  stamp: CardStamp,
  seed: number,
  staff: readonly (readonly [string, number])[],
  cards: DemoCardsInput,
  secrets?: SecretBox,
): ActivityCounts {
  const world = new DemoWorld(db, new DemoClock(db, stamp.at), staff, cards);
  const stream = (key: keyof typeof STREAMS) => new Random(seed ^ STREAMS[key]);

  const complaintsRng = stream('complaints');
  const complaints = writeDemoComplaints(db, world, complaintsRng, new DemoNoteWriter(db, world, complaintsRng));
  const notes = writeDemoNotes(db, world, stream('notes'), NOTE_COUNT - complaints.length);
  const allNotes = [...notes.notes, ...complaints];
  const tasks = writeDemoTasks(db, world, stream('tasks'), allNotes);
  const agenda = writeDemoAgenda(db, world, stream('agenda'));
  const birthdays = birthdaysOnDemoDay(db, world, stream('days'), cards.persons);
  readTeamNotes(db, world, allNotes);
  const mails = secrets ? writeDemoMail(db, world, stream('mail'), secrets, stamp) : 0;
  deliverPastNotifications(db, world);
  return {
    notes: allNotes.length,
    complaints: complaints.length,
    followUps: notes.followUps,
    tasks,
    ...agenda,
    birthdays,
    mails,
  };
}

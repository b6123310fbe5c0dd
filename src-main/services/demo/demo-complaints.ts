/**
 * A handful of customer complaints in every state: resolved ones from the past months (taken in hand the next
 * day, closed with their resolution a few days later), some being worked on, a few still open. Each change is
 * made by the person responsible, on its day, through the notes service.
 */
import type { Db } from '../../db/connection';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { noteCreateInput, noteInput, type COMPLAINT_STATUSES } from '../../../src-shared/contract/notes';
import { createNote, updateNote } from '../notes/note-writes';
import { COMPLAINT_TEMPLATES, fill, noteHtml } from './demo-note-text';
import { officeTime } from './demo-clock';
import { noteWords, type DemoNote, type DemoNoteWriter } from './demo-notes';
import type { DemoWorld } from './demo-world';
import type { Random } from './random';

type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Complaints are rare: three closed, two in hand, three new. */
const STATUSES: readonly ComplaintStatus[] = [
  'resolved',
  'resolved',
  'resolved',
  'in_progress',
  'in_progress',
  'open',
  'open',
  'open',
];

/** How many working days back a complaint in each state came in. */
const AGE: Record<ComplaintStatus, readonly [number, number]> = {
  resolved: [15, 110],
  in_progress: [3, 10],
  open: [1, 4],
};

export function writeDemoComplaints(db: Db, world: DemoWorld, rng: Random, writer: DemoNoteWriter): DemoNote[] {
  const c = world.clock;
  const templates = rng.sample(COMPLAINT_TEMPLATES, STATUSES.length);
  const notes: DemoNote[] = [];
  STATUSES.forEach((status, i) => {
    const template = templates[i % templates.length]!;
    const author = world.pickStaff(rng);
    const person = world.pickContact(rng, author.id, ['customer', 'group_company']);
    if (!person) return;
    const day = c.workdayBefore(rng.int(AGE[status][0], AGE[status][1]));
    const words = noteWords(rng, world, person, day);
    const minutes = rng.int(5, 25);
    const { happenedAt, actor } = writer.times(day, minutes);
    const responsibleId = author.managerId && rng.chance(0.5) ? author.managerId : author.id;
    const fields = {
      kind: 'complaint' as const,
      title: fill(template.title, words),
      happenedAt,
      durationMinutes: minutes,
      reasonId: writer.reasonId('Şikayet'),
      channel: rng.pick(['phone', 'email', 'face_to_face'] as const),
      bodyHtml: noteHtml(template.body, words),
      cardIds: [person.id, ...(person.institution ? [person.institution.id] : [])],
      staffIds: [author.id],
      complaintStatus: 'open' as const,
      complaintResponsibleId: responsibleId,
    };
    const change = createNote(db, actor(author.id), noteCreateInput.parse(fields));
    notes.push({
      id: change.noteId,
      authorId: author.id,
      person,
      institution: person.institution,
      reason: 'Şikayet',
      happenedAt,
      notifiedUserIds: change.notifiedUserIds ?? [],
    });
    if (status === 'open') return;

    // The next working day the responsible person takes it in hand and says what is being done.
    const by = (date: string) => ({
      userId: responsibleId,
      at: c.notAfterNow(c.at(date, officeTime(rng, 9 * 60 + 30))),
    });
    const inHand = { ...fields, complaintStatus: 'in_progress' as const };
    inHand.bodyHtml += noteHtml([`Güncelleme: ${template.progress}`], {});
    const taken = c.workdayFrom(addDays(day, 1));
    updateNote(db, by(taken), { ...noteInput.parse(inHand), id: change.noteId });
    if (status !== 'resolved') return;
    const closed = { ...inHand, complaintStatus: 'resolved' as const, complaintResolution: template.resolution };
    updateNote(db, by(c.workdayFrom(addDays(taken, rng.int(1, 5)))), { ...noteInput.parse(closed), id: change.noteId });
  });
  return notes;
}

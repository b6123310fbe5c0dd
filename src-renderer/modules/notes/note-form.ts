import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  noteInput,
  type COMPLAINT_STATUSES,
  type NOTE_CHANNELS,
  type NoteInput,
  type NoteOut,
} from '../../../src-shared/contract/notes';
import { istanbulToIso, istanbulWallClock } from './note-time';

export interface NoteFormValues {
  title: string;
  /** Istanbul date YYYY-MM-DD and time HH:mm; joined into happenedAt. */
  date: string;
  time: string;
  durationMinutes: number | null;
  reasonId: string | null;
  channel: (typeof NOTE_CHANNELS)[number];
  bodyHtml: string;
  cardIds: string[];
  staffIds: string[];
  isComplaint: boolean;
  complaintStatus: (typeof COMPLAINT_STATUSES)[number];
  complaintResponsibleId: string | null;
  complaintResolution: string;
}

/** A new note: now, face to face, with the card it was started from and the user at this desk. */
export function newNoteValues(cardIds: string[], meId: string | undefined, now = new Date()): NoteFormValues {
  const { date, time } = istanbulWallClock(now);
  return {
    title: '',
    date,
    time,
    durationMinutes: null,
    reasonId: null,
    channel: 'face_to_face',
    bodyHtml: '',
    cardIds,
    staffIds: meId ? [meId] : [],
    isComplaint: false,
    complaintStatus: 'open',
    // Whoever notes a complaint is responsible for it until it is handed on.
    complaintResponsibleId: meId ?? null,
    complaintResolution: '',
  };
}

export function noteValues(note: NoteOut, meId: string | undefined): NoteFormValues {
  const { date, time } = istanbulWallClock(new Date(note.happenedAt));
  return {
    title: note.title,
    date,
    time,
    durationMinutes: note.durationMinutes,
    reasonId: note.reason?.id ?? null,
    channel: note.channel,
    bodyHtml: note.bodyHtml,
    cardIds: note.cards.map((c) => c.id),
    staffIds: note.staff.map((s) => s.id),
    isComplaint: note.kind === 'complaint',
    complaintStatus: note.complaintStatus ?? 'open',
    complaintResponsibleId: note.complaintResponsible?.id ?? meId ?? null,
    complaintResolution: note.complaintResolution ?? '',
  };
}

/** The contract's input; a meeting carries no complaint fields. */
export function toNoteInput(v: NoteFormValues): NoteInput {
  const complaint = v.isComplaint;
  return {
    kind: complaint ? 'complaint' : 'meeting',
    title: v.title,
    happenedAt: istanbulToIso(v.date, v.time) ?? '',
    durationMinutes: v.durationMinutes,
    reasonId: v.reasonId,
    channel: v.channel,
    bodyHtml: v.bodyHtml,
    cardIds: v.cardIds,
    staffIds: v.staffIds,
    complaintStatus: complaint ? v.complaintStatus : null,
    complaintResponsibleId: complaint ? v.complaintResponsibleId : null,
    complaintResolution: complaint ? v.complaintResolution : '',
  };
}

/** Where a contract field's message goes on the form (happenedAt is two fields here). */
export function formField(path: string): keyof NoteFormValues {
  const top = path.split('.')[0] ?? path;
  if (top === 'happenedAt') return 'date';
  if (top === 'kind') return 'isComplaint';
  return top as keyof NoteFormValues;
}

/**
 * Checks the form with the contract's own schema, so the screen refuses what main
 * would; the rules main adds beyond the shape (somebody concerned, a complaint's
 * responsible, a resolution before "resolved") are mirrored with the same words.
 */
export function noteResolver(words: {
  needsSomeone: string;
  needsResponsible: string;
  needsResolution: string;
}): Resolver<NoteFormValues> {
  return (values) => {
    const errors: FieldErrors<NoteFormValues> = {};
    const put = (field: keyof NoteFormValues, message: string) => {
      if (!errors[field]) errors[field] = { type: 'validate', message };
    };
    const parsed = noteInput.safeParse(toNoteInput(values));
    if (!parsed.success) for (const issue of parsed.error.issues) put(formField(issue.path.join('.')), issue.message);
    if (values.cardIds.length === 0 && values.staffIds.length === 0) put('cardIds', words.needsSomeone);
    if (values.isComplaint && !values.complaintResponsibleId) put('complaintResponsibleId', words.needsResponsible);
    if (values.isComplaint && values.complaintStatus === 'resolved' && values.complaintResolution.trim() === '')
      put('complaintResolution', words.needsResolution);
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

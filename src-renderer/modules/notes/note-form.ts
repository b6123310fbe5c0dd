import type { FieldErrors, Path, Resolver } from 'react-hook-form';
import {
  noteInput,
  type COMPLAINT_STATUSES,
  type NOTE_CHANNELS,
  type NoteInput,
  type NoteOut,
} from '../../../src-shared/contract/notes';
import type { CallInput } from '../../../src-shared/contract';
import { draftErrors, emptyDraft, toFollowUpInput, type FollowUpDraft } from '../followups/follow-up-draft';
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
  /** A new note may ask for a follow-up (the "Takip" section). */
  followUpOn: boolean;
  followUp: FollowUpDraft;
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
    followUpOn: false,
    followUp: emptyDraft(meId),
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
    // Follow-ups of a written note are added and changed on its page, not in the editor.
    followUpOn: false,
    followUp: emptyDraft(meId),
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

/** A place on the form a message can go. */
export type FormPath = Path<NoteFormValues>;

/** A new note's input: the note, and its follow-up when asked for (`confirmPast`: the user said yes to a past date). */
export function toNoteCreateInput(v: NoteFormValues, confirmPast: boolean): CallInput<'notes.create'> {
  return { ...toNoteInput(v), followUp: v.followUpOn ? toFollowUpInput(v.followUp, confirmPast) : null };
}

/** Where a contract field's message goes on the form (happenedAt is two fields here; a follow-up's are nested). */
export function formField(path: string): FormPath {
  const [top = path, inner] = path.split('.');
  if (top === 'followUp' && inner) return `followUp.${inner as keyof FollowUpDraft}`;
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
  dueDateMissing: string;
}): Resolver<NoteFormValues> {
  return (values) => {
    const errors: FieldErrors<NoteFormValues> = {};
    const put = (field: keyof NoteFormValues, message: string) => {
      if (!errors[field]) errors[field] = { type: 'validate', message };
    };
    const parsed = noteInput.safeParse(toNoteInput(values));
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = formField(issue.path.join('.'));
        if (!field.startsWith('followUp.')) put(field as keyof NoteFormValues, issue.message);
      }
    if (values.followUpOn) {
      const found = Object.entries(draftErrors(values.followUp, words));
      if (found.length > 0)
        errors.followUp = Object.fromEntries(
          found.map(([field, message]) => [field, { type: 'validate', message }]),
        ) as FieldErrors<NoteFormValues>['followUp'];
    }
    if (values.cardIds.length === 0 && values.staffIds.length === 0) put('cardIds', words.needsSomeone);
    if (values.isComplaint && !values.complaintResponsibleId) put('complaintResponsibleId', words.needsResponsible);
    if (values.isComplaint && values.complaintStatus === 'resolved' && values.complaintResolution.trim() === '')
      put('complaintResolution', words.needsResolution);
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

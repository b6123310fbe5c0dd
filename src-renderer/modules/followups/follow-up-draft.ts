import { followUpFields, type FollowUpFields } from '../../../src-shared/contract/followups';

/** What the follow-up fields hold while being written; the time is '' when none. */
export interface FollowUpDraft {
  dueDate: string;
  dueTime: string;
  assigneeIds: string[];
  description: string;
}

export type FollowUpDraftErrors = Partial<Record<keyof FollowUpDraft, string>>;

export const emptyDraft = (meId: string | undefined): FollowUpDraft => ({
  dueDate: '',
  dueTime: '',
  assigneeIds: meId ? [meId] : [],
  description: '',
});

export const toFollowUpInput = (draft: FollowUpDraft, confirmPast: boolean): FollowUpFields => ({
  description: draft.description,
  dueDate: draft.dueDate,
  dueTime: draft.dueTime === '' ? null : draft.dueTime,
  assigneeIds: draft.assigneeIds,
  confirmPast,
});

/** Checks a draft with the contract's own schema, so the form refuses what main would; an empty date is asked for. */
export function draftErrors(draft: FollowUpDraft, words: { dueDateMissing: string }): FollowUpDraftErrors {
  const errors: FollowUpDraftErrors = {};
  const parsed = followUpFields.safeParse(toFollowUpInput(draft, true));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof FollowUpDraft;
      errors[field] ??= issue.message;
    }
  if (draft.dueDate === '') errors.dueDate = words.dueDateMissing;
  return errors;
}

/** Main names a follow-up's fields "dueDate" or, inside a note, "followUp.dueDate" (an item: "assigneeIds.0"). */
export function draftField(path: string): keyof FollowUpDraft | null {
  const parts = path.split('.');
  const name = parts[0] === 'followUp' ? parts[1] : parts[0];
  return name === 'dueDate' || name === 'dueTime' || name === 'assigneeIds' || name === 'description' ? name : null;
}

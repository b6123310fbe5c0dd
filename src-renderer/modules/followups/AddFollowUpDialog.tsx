import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { useMutate } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';
import { isPastDate } from './follow-up-dates';
import { useFirmToday } from '../planner/useFirmToday';
import { draftErrors, draftField, emptyDraft, toFollowUpInput, type FollowUpDraftErrors } from './follow-up-draft';
import { PastDateConfirm } from './follow-up-dialogs';
import { FollowUpFields } from './FollowUpFields';

/** "Takip ekle" on a note already written: one more follow-up, for the user at this desk unless changed. */
export function AddFollowUpDialog(props: { noteId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const create = useMutate('followUps.create');
  const [draft, setDraft] = useState(() => emptyDraft(me?.id));
  const [errors, setErrors] = useState<FollowUpDraftErrors>({});
  const [asking, setAsking] = useState(false);
  const today = useFirmToday();
  const save = async (confirmPast: boolean) => {
    setAsking(false);
    const found = draftErrors(draft, { dueDateMissing: t('followUps.fields.dueDateMissing') });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!confirmPast && isPastDate(draft.dueDate, today)) return setAsking(true);
    try {
      await create.mutateAsync({ noteId: props.noteId, ...toFollowUpInput(draft, confirmPast) });
      notifications.show({ color: 'green', message: t('followUps.toasts.created') });
      props.onClose();
    } catch (error) {
      if (!(error instanceof ContractError) || !error.fields) return;
      const next: FollowUpDraftErrors = {};
      for (const [path, message] of Object.entries(error.fields)) {
        const field = draftField(path);
        if (field) next[field] ??= message;
      }
      setErrors(next);
    }
  };
  return (
    <>
      <Modal opened onClose={props.onClose} title={t('followUps.add')} size={720} closeOnClickOutside={false}>
        <Stack gap="md">
          <FollowUpFields value={draft} onChange={setDraft} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={create.isPending} onClick={() => void save(false)} data-testid="follow-up-add-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <PastDateConfirm opened={asking} onConfirm={() => void save(true)} onClose={() => setAsking(false)} />
    </>
  );
}

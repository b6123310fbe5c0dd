import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { FollowUpOut } from '../../../src-shared/contract/followups';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';
import { formatIsoDate } from '../../ui/format';
import { isPastDate } from './follow-up-dates';
import { useFirmToday } from '../planner/useFirmToday';

/** Main's reason for one field, to show under it (the sentence itself is already in a toast). */
const fieldError = (error: unknown, field: string): string | undefined =>
  error instanceof ContractError ? error.fields?.[field] : undefined;

const what = (f: FollowUpOut) => f.description || f.noteTitle;

/** Done or cancelled, with an optional word on how it went or why. */
export function CloseFollowUpDialog(props: {
  followUp: FollowUpOut;
  mode: 'complete' | 'cancel';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const complete = useMutate('followUps.complete');
  const cancel = useMutate('followUps.cancel');
  const [word, setWord] = useState('');
  const done = props.mode === 'complete';
  const mutation = done ? complete : cancel;
  const save = async () => {
    await mutation.mutateAsync({ id: props.followUp.id, doneNote: word });
    notifications.show({ color: 'green', message: t(done ? 'followUps.toasts.done' : 'followUps.toasts.cancelled') });
    props.onClose();
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(done ? 'followUps.actions.completeTitle' : 'followUps.actions.cancelTitle')}
      centered
    >
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {what(props.followUp)}
        </Text>
        <Textarea
          data-autofocus
          label={t(done ? 'followUps.actions.doneNote' : 'followUps.actions.cancelNote')}
          description={t('followUps.actions.doneNoteHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={word}
          onChange={(e) => setWord(e.currentTarget.value)}
          data-testid="follow-up-done-word"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={done ? 'green' : 'red'}
            loading={mutation.isPending}
            onClick={() => void save().catch(() => undefined)}
            data-testid="follow-up-close-save"
          >
            {t(done ? 'followUps.actions.complete' : 'followUps.actions.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Moves a follow-up to a chosen date and time; a past date asks first. */
export function MoveFollowUpDialog(props: { followUp: FollowUpOut; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const move = useMutate('followUps.move');
  const [dueDate, setDueDate] = useState(props.followUp.dueDate);
  const [dueTime, setDueTime] = useState(props.followUp.dueTime ?? '');
  const [asking, setAsking] = useState(false);
  const [errors, setErrors] = useState<{ dueDate?: string | undefined; dueTime?: string | undefined }>({});
  const today = useFirmToday();
  const save = async (confirmPast: boolean) => {
    setAsking(false);
    if (dueDate === '') return setErrors({ dueDate: t('followUps.fields.dueDateMissing') });
    if (!confirmPast && dueDate !== props.followUp.dueDate && isPastDate(dueDate, today)) return setAsking(true);
    try {
      await move.mutateAsync({ id: props.followUp.id, dueDate, dueTime: dueTime || null, confirmPast });
      notifications.show({
        color: 'green',
        message: t('followUps.toasts.moved', { date: formatIsoDate(dueDate, i18n.language) }),
      });
      props.onClose();
    } catch (error) {
      setErrors({ dueDate: fieldError(error, 'dueDate'), dueTime: fieldError(error, 'dueTime') });
    }
  };
  return (
    <>
      <Modal opened onClose={props.onClose} title={t('followUps.actions.moveTitle')} centered>
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            {what(props.followUp)}
          </Text>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <DateField
              label={t('followUps.fields.dueDate')}
              value={dueDate}
              onChange={setDueDate}
              error={errors.dueDate}
            />
            <TimePicker
              label={t('followUps.fields.dueTime')}
              format="24h"
              w={130}
              clearable
              value={dueTime}
              onChange={(v) => setDueTime(v.slice(0, 5))}
              error={errors.dueTime}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={move.isPending} onClick={() => void save(false)} data-testid="follow-up-move-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <PastDateConfirm opened={asking} onConfirm={() => void save(true)} onClose={() => setAsking(false)} />
    </>
  );
}

/** Hands a follow-up to other staff (one or more); the new ones are told at once. */
export function HandOverFollowUpDialog(props: { followUp: FollowUpOut; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useCall('users.list', {});
  const handOver = useMutate('followUps.handOver');
  const [assigneeIds, setAssigneeIds] = useState(props.followUp.assignees.map((a) => a.id));
  const [error, setError] = useState<string | undefined>();
  const options = (users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }));
  const save = async () => {
    try {
      const saved = await handOver.mutateAsync({ id: props.followUp.id, assigneeIds });
      notifications.show({
        color: 'green',
        message: t('followUps.toasts.handedOver', { names: saved.assignees.map((a) => a.name).join(', ') }),
      });
      props.onClose();
    } catch (failure) {
      setError(fieldError(failure, 'assigneeIds'));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={t('followUps.actions.handOverTitle')} centered>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {what(props.followUp)}
        </Text>
        <MultiSelect
          data-autofocus
          label={t('followUps.actions.handOverTo')}
          data={options}
          value={assigneeIds}
          onChange={setAssigneeIds}
          searchable
          filter={foldedFilter}
          error={error}
          data-testid="follow-up-hand-over-users"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={handOver.isPending}
            disabled={assigneeIds.length === 0}
            onClick={() => void save()}
            data-testid="follow-up-hand-over-save"
          >
            {t('followUps.actions.handOver')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Tarih geçmişte, yine de kaydedilsin mi?" */
export function PastDateConfirm(props: { opened: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={props.opened}
      title={t('followUps.pastTitle')}
      message={t('followUps.pastMessage')}
      confirmLabel={t('followUps.pastConfirm')}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  );
}

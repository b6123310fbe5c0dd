import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

/** "Hangi güne ertelensin?": a calendar from today on (a snooze into the past is no snooze). */
export function SnoozeDialog(props: {
  opened: boolean;
  today: string;
  onPick: (date: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('tasks.actions.snoozeTitle')} centered size="auto">
      <DatePicker
        minDate={props.today}
        onChange={(value) => {
          if (value) props.onPick(value);
        }}
        data-testid="task-snooze-calendar"
      />
    </Modal>
  );
}

/** "Görev kime verilsin?": the new assignees, at least one. */
export function ReassignDialog(props: {
  opened: boolean;
  current: string[];
  onSave: (assigneeIds: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const users = useCall('users.list', {}, { enabled: props.opened });
  const [chosen, setChosen] = useState(props.current);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('tasks.actions.reassignTitle')} centered>
      <Stack>
        <MultiSelect
          label={t('tasks.actions.reassignLabel')}
          data={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={chosen}
          onChange={setChosen}
          searchable
          filter={foldedFilter}
          data-autofocus
          data-testid="task-reassign-users"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={chosen.length === 0} onClick={() => props.onSave(chosen)} data-testid="task-reassign-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

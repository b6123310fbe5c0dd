import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconClockPause,
  IconSunrise,
  IconUserShare,
  IconCalendarWeek,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { nextMonday } from './planner-dates';
import { ReassignDialog } from './ReassignDialog';
import { SnoozeDateDialog } from './SnoozeDateDialog';

/**
 * A toast once a change is saved. Not mutate's own onSuccess: the saved item leaves the list (its row unmounts)
 * before that would run, and React Query then skips it. Failures are already shown by useMutate.
 */
export function toastWhenDone(saving: Promise<unknown>, message: string): void {
  saving.then(
    () => notifications.show({ message }),
    () => undefined,
  );
}

/**
 * Done, snooze (tomorrow, next Monday, a date) and hand over, for a follow-up or a task in the planner. The
 * caller says what each does (followUps.* or tasks.*); errors are shown by useMutate.
 */
export function DueItemActions(props: {
  /** What the item is called in toasts and dialogs. */
  name: string;
  testId: string;
  /** The firm's today: snoozing counts from it, not from the day looked at. */
  today: string;
  assigneeIds: string[];
  busy: boolean;
  onDone: () => void;
  onSnooze: (date: string) => void;
  onReassign: (assigneeIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'date' | 'reassign' | null>(null);
  return (
    <Group gap={4} wrap="nowrap" data-testid={props.testId}>
      <Tooltip label={t('planner.actions.done')} withArrow>
        <ActionIcon
          variant="light"
          color="green"
          aria-label={t('planner.actions.done')}
          loading={props.busy}
          onClick={props.onDone}
        >
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end" withArrow shadow="md">
        <Menu.Target>
          <Tooltip label={t('planner.actions.snooze')} withArrow>
            <ActionIcon variant="light" color="blue" aria-label={t('planner.actions.snooze')} disabled={props.busy}>
              <IconClockPause size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconSunrise size={16} />} onClick={() => props.onSnooze(addDays(props.today, 1))}>
            {t('planner.actions.tomorrow')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconCalendarWeek size={16} />}
            onClick={() => props.onSnooze(nextMonday(props.today))}
          >
            {t('planner.actions.nextWeek')}
          </Menu.Item>
          <Menu.Item leftSection={<IconCalendarEvent size={16} />} onClick={() => setDialog('date')}>
            {t('planner.actions.pickDate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Tooltip label={t('planner.actions.reassign')} withArrow>
        <ActionIcon
          variant="light"
          color="gray"
          aria-label={t('planner.actions.reassign')}
          disabled={props.busy}
          onClick={() => setDialog('reassign')}
        >
          <IconUserShare size={16} />
        </ActionIcon>
      </Tooltip>
      <SnoozeDateDialog
        opened={dialog === 'date'}
        name={props.name}
        minDate={addDays(props.today, 1)}
        onClose={() => setDialog(null)}
        onPick={(date) => {
          setDialog(null);
          props.onSnooze(date);
        }}
      />
      <ReassignDialog
        opened={dialog === 'reassign'}
        name={props.name}
        assigneeIds={props.assigneeIds}
        onClose={() => setDialog(null)}
        onSave={(ids) => {
          setDialog(null);
          props.onReassign(ids);
        }}
      />
    </Group>
  );
}

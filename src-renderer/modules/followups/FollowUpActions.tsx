import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsExchange,
  IconCalendarEvent,
  IconCheck,
  IconChevronDown,
  IconClockPause,
  IconRotateClockwise,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FollowUpOut } from '../../../src-shared/contract/followups';
import { useMutate } from '../../app/contract-hooks';
import { formatIsoDate } from '../../ui/format';
import { useFirmToday } from '../planner/useFirmToday';
import { nextMonday, tomorrow } from './follow-up-dates';
import { CloseFollowUpDialog, HandOverFollowUpDialog, MoveFollowUpDialog } from './follow-up-dialogs';

type Dialog = 'complete' | 'cancel' | 'move' | 'handOver';

/**
 * What can be done with a follow-up, beside its row: an open one is done (with an optional word), snoozed
 * (tomorrow, next week, or a chosen date), handed over or cancelled; a closed one opened again. Each change
 * is saved at once and confirmed with a toast; every list showing it refreshes.
 */
export function FollowUpActions({ followUp, size = 'xs' }: { followUp: FollowUpOut; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const reopen = useMutate('followUps.reopen');
  const move = useMutate('followUps.move');
  const today = useFirmToday();
  const close = () => setDialog(null);

  if (followUp.status !== 'open') {
    return (
      <Button
        size={size}
        variant="default"
        leftSection={<IconRotateClockwise size={14} />}
        loading={reopen.isPending}
        onClick={() =>
          void reopen
            .mutateAsync({ id: followUp.id })
            .then(() => notifications.show({ color: 'green', message: t('followUps.toasts.reopened') }))
            .catch(() => undefined)
        }
        data-testid="follow-up-reopen"
      >
        {t('followUps.actions.reopen')}
      </Button>
    );
  }

  // Snoozing keeps the time of day; quick dates are never in the past, so nothing is asked.
  const snooze = (dueDate: string) =>
    void move
      .mutateAsync({ id: followUp.id, dueDate, dueTime: followUp.dueTime })
      .then(() =>
        notifications.show({
          color: 'green',
          message: t('followUps.toasts.moved', { date: formatIsoDate(dueDate, i18n.language) }),
        }),
      )
      .catch(() => undefined);
  const quick = [
    { label: t('followUps.quick.tomorrow'), date: tomorrow(today) },
    { label: t('followUps.quick.nextWeek'), date: nextMonday(today) },
  ];

  return (
    <Group gap={4} wrap="nowrap" data-testid="follow-up-actions">
      <Button
        size={size}
        variant="light"
        color="green"
        leftSection={<IconCheck size={14} />}
        onClick={() => setDialog('complete')}
        data-testid="follow-up-complete"
      >
        {t('followUps.actions.complete')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size={size}
            variant="default"
            leftSection={<IconClockPause size={14} />}
            rightSection={<IconChevronDown size={12} />}
            loading={move.isPending}
            data-testid="follow-up-move"
          >
            {t('followUps.actions.move')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {quick.map((q) => (
            <Menu.Item
              key={q.label}
              onClick={() => snooze(q.date)}
              rightSection={
                <Text size="xs" c="dimmed">
                  {formatIsoDate(q.date, i18n.language)}
                </Text>
              }
            >
              {q.label}
            </Menu.Item>
          ))}
          <Menu.Item leftSection={<IconCalendarEvent size={14} />} onClick={() => setDialog('move')}>
            {t('followUps.actions.pickDate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        size={size}
        variant="default"
        leftSection={<IconArrowsExchange size={14} />}
        onClick={() => setDialog('handOver')}
        data-testid="follow-up-hand-over"
      >
        {t('followUps.actions.handOver')}
      </Button>
      <Tooltip label={t('followUps.actions.cancel')}>
        <ActionIcon
          size={size === 'xs' ? 'md' : 'lg'}
          variant="subtle"
          color="gray"
          aria-label={t('followUps.actions.cancel')}
          onClick={() => setDialog('cancel')}
          data-testid="follow-up-cancel"
        >
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
      {(dialog === 'complete' || dialog === 'cancel') && (
        <CloseFollowUpDialog followUp={followUp} mode={dialog} onClose={close} />
      )}
      {dialog === 'move' && <MoveFollowUpDialog followUp={followUp} onClose={close} />}
      {dialog === 'handOver' && <HandOverFollowUpDialog followUp={followUp} onClose={close} />}
    </Group>
  );
}

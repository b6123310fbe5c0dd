import { Anchor, Group, Text } from '@mantine/core';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUpOut } from '../../../src-shared/contract/followups';
import { useMutate } from '../../app/contract-hooks';
import { notePath } from '../notes/note-paths';
import { CardLinks } from './CardLinks';
import { DueItemActions, toastWhenDone } from './DueItemActions';
import { DueLabel } from './DueLabel';
import { PlannerRow, PlannerSection } from './PlannerSection';
import { shortDate } from './planner-dates';

/** "Takipler": the user's open follow-ups due by the day, overdue first; done, snoozed or handed over in place. */
export function DueFollowUps({ followUps, today }: { followUps: FollowUpOut[]; today: string }) {
  const { t } = useTranslation();
  return (
    <PlannerSection
      id="follow-ups"
      icon={IconPhoneCall}
      color="blue"
      title={t('planner.sections.followUps')}
      count={followUps.length}
      alert={followUps.some((f) => f.dueDate < today)}
      empty={t('planner.empty.followUps')}
    >
      {followUps.map((f) => (
        <FollowUpItem key={f.id} followUp={f} today={today} />
      ))}
    </PlannerSection>
  );
}

function FollowUpItem({ followUp, today }: { followUp: FollowUpOut; today: string }) {
  const { t, i18n } = useTranslation();
  const complete = useMutate('followUps.complete');
  const move = useMutate('followUps.move');
  const handOver = useMutate('followUps.handOver');
  const name = followUp.description || followUp.noteTitle;
  return (
    <PlannerRow
      testId="planner-follow-up"
      actions={
        <DueItemActions
          name={name}
          testId="follow-up-actions"
          today={today}
          assigneeIds={followUp.assignees.map((a) => a.id)}
          busy={complete.isPending || move.isPending || handOver.isPending}
          onDone={() =>
            toastWhenDone(complete.mutateAsync({ id: followUp.id }), t('planner.actions.doneToast', { name }))
          }
          onSnooze={(dueDate) =>
            toastWhenDone(
              move.mutateAsync({ id: followUp.id, dueDate, dueTime: followUp.dueTime }),
              t('planner.actions.snoozedToast', { name, date: shortDate(dueDate, i18n.language, today) }),
            )
          }
          onReassign={(assigneeIds) =>
            toastWhenDone(
              handOver.mutateAsync({ id: followUp.id, assigneeIds }),
              t('planner.actions.reassignedToast', { name }),
            )
          }
        />
      }
    >
      <Group gap={8} wrap="nowrap">
        <Anchor component={Link} to={notePath(followUp.noteId)} size="sm" fw={500} lineClamp={1}>
          {name}
        </Anchor>
      </Group>
      <DueLabel dueDate={followUp.dueDate} dueTime={followUp.dueTime} today={today} />
      {followUp.description && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {t('planner.note', { title: followUp.noteTitle })}
        </Text>
      )}
      <CardLinks cards={followUp.cards} />
    </PlannerRow>
  );
}

import {
  IconCalendarTime,
  IconChecklist,
  IconMail,
  IconMessage,
  IconNotes,
  IconPhoneCall,
  IconUserShare,
  type Icon,
} from '@tabler/icons-react';
import type { NotificationKind, NotificationOut } from '../../../src-shared/contract/planner';
import type { Client } from '../../app/client';
import { eventPath } from '../agenda/agenda-paths';
import { notePath } from '../notes/note-paths';
import { mailPath } from '../mail/mail-paths';

export const KIND_LOOKS: Record<NotificationKind, { icon: Icon; color: string }> = {
  follow_up_due: { icon: IconPhoneCall, color: 'blue' },
  follow_up_assigned: { icon: IconUserShare, color: 'blue' },
  task_due: { icon: IconChecklist, color: 'teal' },
  task_assigned: { icon: IconUserShare, color: 'teal' },
  task_comment: { icon: IconMessage, color: 'teal' },
  event_starts: { icon: IconCalendarTime, color: 'violet' },
  team_note: { icon: IconNotes, color: 'cyan' },
  mail_received: { icon: IconMail, color: 'indigo' },
};

/**
 * Where a notification leads: the task, the note, the event. A follow-up lives on its note, which the
 * notification does not name, so it is asked for; one that is gone leads to the planner.
 */
export async function notificationPath(
  client: Client,
  n: Pick<NotificationOut, 'entityType' | 'entityId'>,
): Promise<string> {
  switch (n.entityType) {
    case 'task':
      return `/tasks/${n.entityId}`;
    case 'note':
      return notePath(n.entityId);
    case 'event':
      return eventPath(n.entityId);
    case 'mail':
      return mailPath(n.entityId);
    case 'follow_up':
      try {
        return notePath((await client.call('followUps.get', { id: n.entityId })).noteId);
      } catch {
        return '/today';
      }
  }
}

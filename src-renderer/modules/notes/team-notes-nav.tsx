import { Badge, Group } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';

/** How many notes of the team the user has not read, beside "Ekibimin notları"; nothing when none. */
function TeamNotesNavBadge() {
  const { data } = useCall('notes.team', { unreadOnly: true, limit: 1 });
  if (!data?.unread) return null;
  return (
    <Badge size="sm" color="blue" variant="filled" circle={data.unread < 10} data-testid="team-notes-badge">
      {data.unread}
    </Badge>
  );
}

/** The menu entry of the team feed: only managers and admins have a team to follow. */
export function useTeamNotesNav() {
  const { t } = useTranslation();
  const { me } = useMe();
  if (me?.role !== 'manager' && me?.role !== 'admin') return [];
  return [
    {
      to: '/notes/team',
      label: (
        <Group gap={6} wrap="nowrap" justify="space-between">
          {t('notes.team.title')}
          <TeamNotesNavBadge />
        </Group>
      ),
      icon: IconUsersGroup,
    },
  ];
}

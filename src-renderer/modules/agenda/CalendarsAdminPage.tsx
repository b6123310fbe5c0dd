import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  ColorSwatch,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RESOURCE_KINDS, type CalendarOut } from '../../../src-shared/contract/agenda';
import { useCall, useMutate } from '../../app/contract-hooks';
import { groupByKind, KIND_ICONS } from './calendar-looks';
import { CalendarFormModal } from './CalendarFormModal';
import { useAgendaLiveUpdates } from './useAgendaLiveUpdates';

/** Settings: the shared calendars (rooms, vehicles, equipment, personal, holidays), who sees and books them. */
export function CalendarsAdminPage() {
  const { t } = useTranslation();
  useAgendaLiveUpdates();
  const [params, setParams] = useSearchParams();
  const [showArchived, setShowArchived] = useState(false);
  const { data } = useCall('agenda.calendars', { includeArchived: showArchived });
  const [editing, setEditing] = useState<CalendarOut | null>(null);
  const creating = params.get('new') === '1';
  const calendars = (data?.calendars ?? []).filter((c) => showArchived || !c.archived);
  const close = () => {
    setEditing(null);
    if (creating) setParams({}, { replace: true });
  };

  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={1100} pb="xl">
      <Group justify="space-between">
        <Title order={2}>{t('agenda.calendarsAdmin')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setParams({ new: '1' })} data-testid="calendar-new">
          {t('agenda.panel.newCalendar')}
        </Button>
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('agenda.admin.intro')}
        </Text>
        <Switch
          label={t('agenda.admin.showArchived')}
          checked={showArchived}
          onChange={(e) => setShowArchived(e.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder>
        <Table verticalSpacing="sm" highlightOnHover data-testid="calendars-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agenda.admin.name')}</Table.Th>
              <Table.Th>{t('agenda.admin.kind')}</Table.Th>
              <Table.Th>{t('agenda.admin.owner')}</Table.Th>
              <Table.Th>{t('agenda.admin.visibility')}</Table.Th>
              <Table.Th>{t('agenda.admin.booking')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendars.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    {t('agenda.panel.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {groupByKind(calendars).flatMap((group) =>
              group.calendars.map((calendar) => (
                <CalendarRow key={calendar.id} calendar={calendar} onEdit={() => setEditing(calendar)} />
              )),
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <CalendarFormModal calendar={editing} opened={editing !== null || creating} onClose={close} />
    </Stack>
  );
}

function CalendarRow({ calendar, onEdit }: { calendar: CalendarOut; onEdit: () => void }) {
  const { t } = useTranslation();
  const archive = useMutate('agenda.archiveCalendar');
  const KindIcon = KIND_ICONS[calendar.kind];
  const members = calendar.members.length;
  const toggleArchive = () =>
    archive.mutate(
      { id: calendar.id, archived: !calendar.archived },
      {
        onSuccess: (saved) =>
          notifications.show({
            message: t(saved.archived ? 'agenda.admin.archived' : 'agenda.admin.unarchived', { name: saved.name }),
          }),
      },
    );
  return (
    <Table.Tr data-testid="calendar-admin-row" style={calendar.archived ? { opacity: 0.6 } : undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <ColorSwatch color={calendar.color} size={14} />
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {calendar.name}
            </Text>
            {calendar.description && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {calendar.description}
              </Text>
            )}
          </Stack>
          {calendar.archived && (
            <Badge size="xs" color="gray" variant="light">
              {t('agenda.admin.archivedBadge')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <KindIcon size={16} />
          <Text size="sm">{t(`agenda.kinds.${calendar.kind}`)}</Text>
          {RESOURCE_KINDS.includes(calendar.kind) && (
            <Tooltip label={t('agenda.admin.resourceHint')} multiline w={260}>
              <Badge size="xs" variant="light">
                {t('agenda.admin.noDoubleBooking')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{calendar.owner.name}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`agenda.admin.visibilities.${calendar.visibility}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {t(`agenda.admin.bookings.${calendar.booking}`)}
          {members > 0 && (
            <Text span size="xs" c="dimmed">
              {' · '}
              {t('agenda.admin.memberCount', { count: members })}
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        {calendar.canEdit && (
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <Tooltip label={t('common.edit')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('agenda.admin.editOf', { name: calendar.name })}
                onClick={onEdit}
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={calendar.archived ? t('agenda.admin.unarchive') : t('agenda.admin.archive')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                loading={archive.isPending}
                aria-label={
                  calendar.archived
                    ? t('agenda.admin.unarchiveOf', { name: calendar.name })
                    : t('agenda.admin.archiveOf', { name: calendar.name })
                }
                onClick={toggleArchive}
              >
                {calendar.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDoorEnter, IconQrcode, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ATTENDEE_RESPONSES, type AttendeeOut, type EventOut } from '../../../src-shared/contract/agenda';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { cardPath } from '../cards/card-paths';
import { checkInPath } from './agenda-paths';
import { formatClock, formatShort } from './agenda-format';
import { AddAttendeesModal } from './AddAttendeesModal';
import { countAttendees } from './attendee-counts';
import { BadgesButton } from './BadgesButton';
import { InvitationModal } from './InvitationModal';
import { SendInvitationsButton } from '../mailings/SendInvitationsButton';

const RESPONSE_COLORS = { needs_action: 'gray', accepted: 'green', declined: 'red', tentative: 'yellow' } as const;

/** Who is expected, what they answered, whether they were invited and came in; badges and the door from here. */
export function AttendeesPanel({ event, timeZone }: { event: EventOut; timeZone: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AttendeeOut | null>(null);
  const remove = useMutate('agenda.removeAttendee');
  const editable = event.canEdit && !event.deleted;
  const counts = countAttendees(event.attendees);
  const attendees = [...event.attendees].sort((a, b) => turkishSortKey(a.name).localeCompare(turkishSortKey(b.name)));

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm">
            <Text fw={600}>{t('agenda.attendees.title')}</Text>
            <Text size="sm" c="dimmed" data-testid="attendee-counts">
              {t('agenda.attendees.counts', { ...counts })}
            </Text>
          </Group>
          <Group gap="xs">
            <BadgesButton eventId={event.id} disabled={counts.total === 0} />
            {editable && <SendInvitationsButton eventId={event.id} attendees={event.attendees} />}
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={checkInPath(event.id)}
              leftSection={<IconDoorEnter size={14} />}
              data-testid="open-check-in"
            >
              {t('agenda.checkIn.open')}
            </Button>
            {editable && (
              <Button
                size="xs"
                leftSection={<IconUserPlus size={14} />}
                onClick={() => setAdding(true)}
                data-testid="add-attendees"
              >
                {t('agenda.attendees.add')}
              </Button>
            )}
          </Group>
        </Group>
        {attendees.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agenda.attendees.none')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="attendees-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agenda.attendees.name')}</Table.Th>
                <Table.Th>{t('agenda.attendees.institution')}</Table.Th>
                <Table.Th>{t('agenda.attendees.kind')}</Table.Th>
                <Table.Th w={150}>{t('agenda.attendees.response')}</Table.Th>
                <Table.Th>{t('agenda.attendees.invited')}</Table.Th>
                <Table.Th>{t('agenda.attendees.checkedIn')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attendees.map((a) => (
                <AttendeeRow
                  key={a.id}
                  attendee={a}
                  timeZone={timeZone}
                  editable={editable}
                  onInvite={() => setInviting(a.id)}
                  onRemove={() => setRemoving(a)}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <AddAttendeesModal event={event} opened={adding} onClose={() => setAdding(false)} />
      <InvitationModal
        attendee={event.attendees.find((a) => a.id === inviting) ?? null}
        eventTitle={event.title}
        onClose={() => setInviting(null)}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('agenda.attendees.removeTitle')}
        message={t('agenda.attendees.removeMessage', { name: removing?.name ?? '' })}
        confirmLabel={t('agenda.attendees.remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
    </Paper>
  );
}

function AttendeeRow(props: {
  attendee: AttendeeOut;
  timeZone: string;
  editable: boolean;
  onInvite: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useMutate('agenda.updateAttendee');
  const a = props.attendee;
  const institution = [a.institutionName, a.roleTitle].filter(Boolean).join(' · ');
  return (
    <Table.Tr data-testid="attendee-row">
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {a.card ? (
            <Anchor component={Link} to={cardPath(a.card.type, a.card.id)} size="sm">
              {a.name}
            </Anchor>
          ) : (
            <Text size="sm">{a.name}</Text>
          )}
          {a.walkIn && (
            <Badge size="xs" variant="light" color={a.walkIn === 'allowed' ? 'grape' : 'red'}>
              {t(`agenda.attendees.walkIn.${a.walkIn}`)}
            </Badge>
          )}
        </Group>
        {a.email && (
          <Text size="xs" c="dimmed">
            {a.email}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{institution || <Text c="dimmed">—</Text>}</Table.Td>
      <Table.Td>{t(`agenda.attendees.kinds.${a.kind}`)}</Table.Td>
      <Table.Td>
        <Select
          size="xs"
          data={ATTENDEE_RESPONSES.map((r) => ({ value: r, label: t(`agenda.responses.${r}`) }))}
          value={a.response}
          onChange={(v) => v && v !== a.response && update.mutate({ id: a.id, response: v as AttendeeOut['response'] })}
          allowDeselect={false}
          disabled={!props.editable}
          aria-label={t('agenda.attendees.responseOf', { name: a.name })}
          styles={{ input: { color: `var(--mantine-color-${RESPONSE_COLORS[a.response]}-8)` } }}
        />
      </Table.Td>
      <Table.Td>
        {a.invitedAt ? (
          <Text size="sm">
            {formatShort(a.invitedAt, props.timeZone, i18n.language)}
            {a.invitedVia && (
              <Text span size="xs" c="dimmed">
                {' '}
                · {t(`agenda.invitation.via.${a.invitedVia}`)}
              </Text>
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('agenda.attendees.notInvited')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {a.checkedInAt ? (
          <Badge color="green" variant="light" data-testid="checked-in">
            {formatClock(a.checkedInAt, props.timeZone, i18n.language)}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconQrcode size={14} />}
            onClick={props.onInvite}
            data-testid="attendee-invitation"
          >
            {t('agenda.invitation.open')}
          </Button>
          {props.editable && (
            <Tooltip label={t('agenda.attendees.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('agenda.attendees.removeOf', { name: a.name })}
                onClick={props.onRemove}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { showUndoNotice } from '../../ui/undo-notice';
import { eventPath } from './agenda-paths';
import { dayOf, useFirmTimeZone } from './agenda-time';
import { AttendeesPanel } from './AttendeesPanel';
import { instanceSlot, type Slot } from './event-form';
import { EventDetails } from './EventDetails';
import { EventFiles } from './EventFiles';
import { EventFormModal, type EventFormMode } from './EventFormModal';
import { useAgendaLiveUpdates } from './useAgendaLiveUpdates';
import { useSeriesChoice } from './useSeriesChoice';

/** One event on its own page; `?at=` names the instance of a series that was clicked. */
export function EventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  useAgendaLiveUpdates();
  const timeZone = useFirmTimeZone();
  const { data: event, error, isLoading } = useCall('agenda.getEvent', { id });
  const at = event?.rrule ? params.get('at') : null;
  const backDate = event ? (event.allDay ? event.startsAt.slice(0, 10) : dayOf(at ?? event.startsAt, timeZone)) : null;
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} pb="xl">
      <Anchor component={Link} to={backDate ? `/agenda?date=${backDate}` : '/agenda'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('agenda.event.back')}
        </Group>
      </Anchor>
      {(error || !event) && <Alert color="orange">{error?.message ?? t('agenda.event.missing')}</Alert>}
      {event && <EventScreen key={event.id} event={event} at={at} timeZone={timeZone} />}
    </Stack>
  );
}

function EventScreen({ event, at, timeZone }: { event: EventOut; at: string | null; timeZone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const calendars = useCall('agenda.calendars', {});
  const remove = useMutate('agenda.deleteEvent');
  const restore = useMutate('agenda.restoreEvent');
  const series = useSeriesChoice();
  const [form, setForm] = useState<EventFormMode | null>(null);
  const [confirming, setConfirming] = useState<'one' | 'all' | null>(null);
  const slot: Slot = at ? instanceSlot(event, at) : { start: event.startsAt, end: event.endsAt, allDay: event.allDay };

  const edit = async () => {
    const scope = at ? await series.ask(t('agenda.series.editQuestion', { title: event.title })) : 'all';
    if (scope === 'one' && at) setForm({ kind: 'edit', event, instance: { slot, occurrenceStart: at } });
    else if (scope === 'all') setForm({ kind: 'edit', event });
  };
  const askDelete = async () => {
    const scope = at ? await series.ask(t('agenda.series.deleteQuestion', { title: event.title })) : 'all';
    if (scope) setConfirming(scope);
  };
  const doRestore = async () => {
    await restore.mutateAsync({ id: event.id });
    notifications.show({ color: 'green', message: t('agenda.event.restored', { title: event.title }) });
  };
  const doDelete = async () => {
    if (confirming === 'one' && at) {
      await remove.mutateAsync({ id: event.id, occurrenceStart: at });
      setConfirming(null);
      notifications.show({ message: t('agenda.event.instanceDeleted', { title: event.title }) });
      void navigate(`/agenda?date=${dayOf(at, timeZone)}`);
      return;
    }
    await remove.mutateAsync({ id: event.id });
    setConfirming(null);
    showUndoNotice(t('agenda.event.deleted', { title: event.title }), t('common.undo'), doRestore);
  };

  const actions = !event.deleted && event.canEdit && (
    <Group gap="xs" wrap="nowrap">
      <Button
        variant="default"
        leftSection={<IconEdit size={16} />}
        onClick={() => void edit()}
        data-testid="event-edit"
      >
        {t('common.edit')}
      </Button>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => void askDelete()}
        data-testid="event-delete"
      >
        {t('common.delete')}
      </Button>
    </Group>
  );

  return (
    <>
      {event.deleted && (
        <Alert color="orange" variant="light" title={t('agenda.event.inBin')}>
          <Button
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => void doRestore().catch(() => undefined)}
            loading={restore.isPending}
          >
            {t('common.restore')}
          </Button>
        </Alert>
      )}
      <EventDetails event={event} slot={slot} timeZone={timeZone} actions={actions} />
      <Paper withBorder p="md">
        <EventFiles event={event} />
      </Paper>
      <AttendeesPanel event={event} timeZone={timeZone} />
      <EventFormModal
        mode={form}
        calendars={calendars.data?.calendars ?? []}
        onClose={() => setForm(null)}
        // A changed instance of a series becomes an event of its own: show that one.
        onSaved={(saved) => saved.id !== event.id && void navigate(eventPath(saved.id))}
      />
      <ConfirmDialog
        opened={confirming !== null}
        title={t('agenda.event.deleteTitle')}
        message={
          confirming === 'one'
            ? t('agenda.event.deleteInstanceMessage', { title: event.title })
            : t('agenda.event.deleteMessage', { title: event.title })
        }
        onConfirm={() => void doDelete().catch(() => undefined)}
        onClose={() => setConfirming(null)}
        loading={remove.isPending}
      />
      {series.dialog}
    </>
  );
}

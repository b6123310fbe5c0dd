import { useState } from 'react';
import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCall, useClient } from '../../app/contract-hooks';
import { AgendaCalendar } from './AgendaCalendar';
import { useFirmTimeZone } from './agenda-time';
import { CalendarPanel } from './CalendarPanel';
import { saveIcs } from './downloads';
import { nextHourSlot, type Slot } from './event-form';
import { EventFormModal, type EventFormMode } from './EventFormModal';
import { IcsImportModal } from './IcsImportModal';
import { useAgendaLiveUpdates } from './useAgendaLiveUpdates';
import { useShownCalendars } from './useShownCalendars';

/**
 * The agenda: the calendars on the left (ticked ones drawn on top of each other), the calendar on the right.
 * Selecting a slot books it, dragging moves, clicking opens the event. `?date=YYYY-MM-DD&view=…` opens at a day.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const client = useClient();
  useAgendaLiveUpdates();
  const timeZone = useFirmTimeZone();
  const [params] = useSearchParams();
  const { data, error } = useCall('agenda.calendars', {});
  const calendars = data?.calendars ?? [];
  const shown = useShownCalendars(calendars);
  const [form, setForm] = useState<EventFormMode | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  // A new booking goes to the calendar on screen when just one bookable calendar is shown.
  const shownBookable = calendars.filter((c) => c.canBook && !c.archived && shown.isShown(c.id));
  const defaultCalendarId = shownBookable.length === 1 ? shownBookable[0]!.id : null;
  const book = (slot: Slot) => setForm({ kind: 'new', slot, calendarId: defaultCalendarId });

  const exportShown = async () => {
    setExporting(true);
    try {
      const file = await client.call('agenda.exportIcs', { calendarIds: shown.shownIds, eventIds: [] });
      saveIcs(file.ics, file.fileName);
    } catch (err) {
      notifications.show({ color: 'red', title: t('common.error'), message: (err as Error).message });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('agenda.title')}</Title>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting(true)}
            data-testid="ics-import"
          >
            {t('agenda.ics.import')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} />}
            onClick={() => void exportShown()}
            loading={exporting}
            disabled={shown.shownIds.length === 0}
            data-testid="ics-export"
          >
            {t('agenda.ics.export')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => book(nextHourSlot())} data-testid="new-event">
            {t('agenda.newEvent')}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      <Group align="stretch" wrap="nowrap" gap="lg" style={{ flex: 1, minHeight: 0 }}>
        <CalendarPanel
          calendars={calendars}
          isShown={shown.isShown}
          onToggle={shown.toggle}
          onOnly={shown.only}
          onShowAll={shown.showAll}
        />
        <AgendaCalendar
          // A link to another day (or view) while the agenda is open starts the calendar there.
          key={`${params.get('date') ?? ''}/${params.get('view') ?? ''}`}
          calendars={calendars}
          shownIds={shown.shownIds}
          timeZone={timeZone}
          initialDate={params.get('date') ?? undefined}
          initialView={params.get('view') ?? undefined}
          onSelectSlot={book}
        />
      </Group>
      <EventFormModal mode={form} calendars={calendars} onClose={() => setForm(null)} />
      <IcsImportModal
        opened={importing}
        onClose={() => setImporting(false)}
        calendars={calendars}
        defaultCalendarId={defaultCalendarId}
      />
    </Stack>
  );
}

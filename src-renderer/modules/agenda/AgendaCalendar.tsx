import { useMemo, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { DateSelectArg, DatesSetArg, EventClickArg, EventMountArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import trLocale from '@fullcalendar/core/locales/tr';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CalendarOut } from '../../../src-shared/contract/agenda';
import { useCall } from '../../app/contract-hooks';
import { eventPath } from './agenda-paths';
import type { Slot } from './event-form';
import { intlTimeZonePlugin } from './fc-time-zone';
import { occurrenceOf, toCalendarEvents } from './occurrence-events';
import { useEventMove } from './useEventMove';
import classes from './agenda.module.css';

export const AGENDA_VIEWS = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'listYear'] as const;
const VIEW_KEY = 'kartotek.agenda.view';

function rememberedView(): string {
  const stored = localStorage.getItem(VIEW_KEY);
  return (AGENDA_VIEWS as readonly string[]).includes(stored ?? '') ? stored! : 'timeGridWeek';
}

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, intlTimeZonePlugin];
// Options are kept the same objects between renders: FullCalendar redraws (and drops a drag in progress) when
// an option's identity changes.
const BUSINESS_HOURS = { daysOfWeek: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '18:00' };
const TOOLBAR = { left: 'prev,next today', center: 'title', right: AGENDA_VIEWS.join(',') };
/** 09:30, not 9:30: how times are written in a Turkish office. */
const CLOCK = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

/**
 * The calendar itself: month, week, day and the list of everything ("Tümü"), in the firm's time zone, Monday
 * first, office hours 09–18 shaded. Only what is on screen is asked of main, for the ticked calendars.
 */
export function AgendaCalendar(props: {
  calendars: CalendarOut[];
  shownIds: string[];
  timeZone: string;
  /** A date to open at (YYYY-MM-DD), e.g. from a link; otherwise today. */
  initialDate?: string | undefined;
  initialView?: string | undefined;
  onSelectSlot: (slot: Slot) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const moves = useEventMove(props.timeZone);
  const { data, isFetching } = useCall(
    'agenda.range',
    { from: range?.from ?? '', to: range?.to ?? '', calendarIds: props.shownIds },
    { enabled: range !== null && props.shownIds.length > 0, keepPrevious: true },
  );
  const bookable = useMemo(
    () => new Set(props.calendars.filter((c) => c.canBook && !c.archived).map((c) => c.id)),
    [props.calendars],
  );
  const { timeZone } = props;
  const events = useMemo(
    () =>
      props.shownIds.length > 0
        ? toCalendarEvents(data?.occurrences ?? [], bookable, timeZone, (title, from) =>
            t('agenda.views.halfDay', { title, from }),
          )
        : [],
    [data, bookable, props.shownIds.length, timeZone, t],
  );
  const [initialView] = useState(() =>
    (AGENDA_VIEWS as readonly string[]).includes(props.initialView ?? '') ? props.initialView! : rememberedView(),
  );

  // Our own words: the locales write "bugün", "month", "week" in lower case.
  const buttonText = useMemo(
    () => ({
      today: t('agenda.views.today'),
      month: t('agenda.views.month'),
      week: t('agenda.views.week'),
      day: t('agenda.views.day'),
    }),
    [t],
  );
  const views = useMemo(
    () => ({ listYear: { buttonText: t('agenda.views.list'), noEventsContent: t('agenda.views.listEmpty') } }),
    [t],
  );

  const onDatesSet = (arg: DatesSetArg) => {
    localStorage.setItem(VIEW_KEY, arg.view.type);
    // The same range again (a re-render) must not refetch.
    setRange((old) =>
      old?.from === arg.startStr && old.to === arg.endStr ? old : { from: arg.startStr, to: arg.endStr },
    );
  };
  const onSelect = (arg: DateSelectArg) => {
    arg.view.calendar.unselect();
    props.onSelectSlot({ start: arg.startStr, end: arg.endStr, allDay: arg.allDay });
  };
  const onClick = (arg: EventClickArg) => {
    const occurrence = occurrenceOf(arg.event);
    if (!occurrence?.eventId) return;
    void navigate(eventPath(occurrence.eventId, occurrence.recurring ? occurrence.occurrenceStart : null));
  };
  const onMount = (arg: EventMountArg) => {
    const occurrence = occurrenceOf(arg.event);
    // The mirror of a slot being selected is drawn as an event too, with nothing of ours on it.
    if (!occurrence || arg.event.display === 'background') return;
    const where = occurrence.location ? ` — ${occurrence.location}` : '';
    const calendar = props.calendars.find((c) => c.id === occurrence.calendarId)?.name;
    arg.el.title = `${occurrence.title}${where}${calendar ? ` (${calendar})` : ''}`;
  };

  return (
    <Box className={classes.calendar} data-loading={isFetching || undefined} data-testid="agenda-calendar">
      <FullCalendar
        plugins={PLUGINS}
        initialView={initialView}
        {...(props.initialDate ? { initialDate: props.initialDate } : {})}
        locale={i18n.language === 'en' ? enGbLocale : trLocale}
        timeZone={props.timeZone}
        firstDay={1}
        nowIndicator
        businessHours={BUSINESS_HOURS}
        eventTimeFormat={CLOCK}
        slotLabelFormat={CLOCK}
        scrollTime="08:00:00"
        headerToolbar={TOOLBAR}
        buttonText={buttonText}
        views={views}
        height="100%"
        selectable
        selectMirror
        editable
        dayMaxEvents
        events={events}
        datesSet={onDatesSet}
        select={onSelect}
        eventClick={onClick}
        eventDidMount={onMount}
        eventDrop={moves.move}
        eventResize={moves.move}
      />
      {moves.dialog}
    </Box>
  );
}

import type { Widen } from '../../app/i18n/widen';

/** The agenda: calendars, events, attendees, check-in, badges. */
export const agendaTr = {
  title: 'Ajanda',
  calendarsAdmin: 'Takvimler',
};

export const agendaEn: Widen<typeof agendaTr> = {
  title: 'Agenda',
  calendarsAdmin: 'Calendars',
};

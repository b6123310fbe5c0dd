import type { CallInput, CallOutput, Method } from '../../src-shared/contract';
import type { EventOut } from '../../src-shared/contract/agenda';

type Call = <M extends Method>(method: M, input: CallInput<M>) => Promise<CallOutput<M>>;

export type EventSeed = Omit<CallInput<'agenda.saveEvent'>, 'calendarId'>;

/** 24.11.2026 10:00–11:00 Istanbul, in Toplantı Odası 1. */
export const BUDGET_MEETING: EventSeed = {
  title: 'Bütçe toplantısı',
  startsAt: '2026-11-24T10:00:00+03:00',
  endsAt: '2026-11-24T11:00:00+03:00',
  location: 'Toplantı Odası 1',
  description: 'Gündem: 2027 bütçesi',
};

let calendars = 0;

/** Calendars and events for the attendee tests, made through the contract as the agenda screen makes them. */
export function agendaFixtures(call: Call) {
  async function calendar(
    fields: Partial<CallInput<'agenda.saveCalendar'>> = {},
  ): Promise<CallOutput<'agenda.saveCalendar'>> {
    calendars += 1;
    return call('agenda.saveCalendar', {
      name: `Toplantılar ${calendars}`,
      kind: 'general',
      color: '#1c7ed6',
      ...fields,
    });
  }
  async function event(seed: EventSeed = BUDGET_MEETING, calendarId?: string): Promise<EventOut> {
    return call('agenda.saveEvent', { calendarId: calendarId ?? (await calendar()).id, ...seed });
  }
  return { calendar, event };
}

import type { agendaCalls } from '../../../src-shared/contract/agenda';
import type { Handlers } from '../handler-types';
import { notBuiltYet } from '../not-built-yet';

/** The attendee side of the agenda: invitations, replies, door check-in, walk-ins, badges. */
export const ATTENDEE_CALLS = [
  'agenda.addAttendees',
  'agenda.updateAttendee',
  'agenda.removeAttendee',
  'agenda.invitation',
  'agenda.markInvited',
  'agenda.applyReply',
  'agenda.checkIn',
  'agenda.walkIn',
  'agenda.badges',
] as const satisfies readonly (keyof typeof agendaCalls)[];
export type AttendeeCall = (typeof ATTENDEE_CALLS)[number];

export const agendaAttendeeHandlers: Handlers<AttendeeCall> = notBuiltYet(ATTENDEE_CALLS);

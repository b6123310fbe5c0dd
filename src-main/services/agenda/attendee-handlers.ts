import type { agendaCalls } from '../../../src-shared/contract/agenda';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { assertCanEditEvent } from './calendar-permissions';
import { getEventOut } from './event-reads';
import { getAttendeeOut } from './attendee-reads';
import { addAttendees, markInvited, removeAttendee, updateAttendee, type AttendeeChange } from './attendee-writes';
import { checkIn, walkIn } from './attendee-door';
import { invitationFor } from './invitation-content';
import { applyCalendarReply } from './invitation-reply';
import { eventBadges } from './badge-print';
import { sendInvitations } from './invitation-send';

/** The attendee side of the agenda: invitations, replies, door check-in, walk-ins, badges. */
export const ATTENDEE_CALLS = [
  'agenda.addAttendees',
  'agenda.updateAttendee',
  'agenda.removeAttendee',
  'agenda.invitation',
  'agenda.markInvited',
  'agenda.sendInvitations',
  'agenda.applyReply',
  'agenda.checkIn',
  'agenda.walkIn',
  'agenda.badges',
] as const satisfies readonly (keyof typeof agendaCalls)[];
export type AttendeeCall = (typeof ATTENDEE_CALLS)[number];

/** Every screen showing the event or its calendar refetches (the door's list too). */
function announce(ctx: ServiceContext, change: AttendeeChange): void {
  ctx.events.emit('agenda.changed', { calendarIds: [change.calendarId], eventId: change.eventId });
}

function withEvent(ctx: ServiceContext, change: AttendeeChange) {
  announce(ctx, change);
  return getEventOut(ctx.db, change.eventId, ctx.userId);
}

export const agendaAttendeeHandlers: Handlers<AttendeeCall> = {
  'agenda.addAttendees': (input, ctx) => withEvent(ctx, addAttendees(ctx.db, actingStamp(ctx), input)),
  'agenda.updateAttendee': (input, ctx) => {
    const change = updateAttendee(ctx.db, actingStamp(ctx), input);
    announce(ctx, change);
    return getAttendeeOut(ctx.db, input.id);
  },
  'agenda.removeAttendee': (input, ctx) => withEvent(ctx, removeAttendee(ctx.db, actingStamp(ctx), input.id)),
  'agenda.invitation': (input, ctx) => invitationFor(ctx.db, actingStamp(ctx), input.attendeeId, ctx.now()),
  'agenda.markInvited': (input, ctx) => withEvent(ctx, markInvited(ctx.db, actingStamp(ctx), input)),
  'agenda.sendInvitations': (input, ctx) => sendInvitations(ctx, input),
  'agenda.applyReply': (input, ctx) => {
    const outcome = applyCalendarReply(ctx.db, input.ics, actingStamp(ctx), (eventId) =>
      assertCanEditEvent(ctx.db, eventId, ctx.userId),
    );
    for (const change of outcome.changes) announce(ctx, change);
    return { updated: outcome.updated, unknown: outcome.unknown };
  },
  'agenda.checkIn': (input, ctx) => {
    const { change, ...answer } = checkIn(ctx.db, actingStamp(ctx), input);
    if (change) announce(ctx, change);
    return answer;
  },
  'agenda.walkIn': (input, ctx) => {
    const { attendeeId, change } = walkIn(ctx.db, actingStamp(ctx), input);
    announce(ctx, change);
    return getAttendeeOut(ctx.db, attendeeId);
  },
  'agenda.badges': (input, ctx) => eventBadges(ctx.db, actingStamp(ctx), input),
};

/**
 * Writes the demo's events and attendees through the agenda services, each input parsed by the contract's
 * schema first (the same checks as a user's), with the stamp of whoever booked it, and counts them.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { agendaCalls, type AttendeeResponse } from '../../../src-shared/contract/agenda';
import type { ParsedInput } from '../../../src-shared/contract';
import { addAttendees, markInvited, updateAttendee } from '../agenda/attendee-writes';
import { saveEvent } from '../agenda/event-writes';
import type { Actor } from '../documents/document-writes';
import { officeTime } from './demo-clock';
import type { DemoWorld } from './demo-world';
import type { Random } from './random';

export type AttendeeIn = ParsedInput<'agenda.addAttendees'>['attendees'][number];

export interface DemoEventInput {
  calendarId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay?: boolean;
  location?: string;
  description?: string;
  rrule?: string;
  exdates?: string[];
  cardIds?: string[];
  remindMinutes?: number;
}

export class DemoEventWriter {
  events = 0;
  attendees = 0;

  constructor(
    private readonly db: Db,
    readonly world: DemoWorld,
    readonly rng: Random,
  ) {}

  /** Booked a few working days ahead (or, for what is still to come, just now). */
  creationStamp(userId: string, startsAt: string): Actor {
    const c = this.world.clock;
    const day = c.workdaysBefore(c.dayOf(startsAt), this.rng.int(1, 6));
    return { userId, at: c.notAfterNow(c.at(day, officeTime(this.rng))) };
  }

  /** Writes an event as its organizer; answers its id. */
  save(organizerId: string, input: DemoEventInput, actor = this.creationStamp(organizerId, input.startsAt)): string {
    const parsed = agendaCalls['agenda.saveEvent'].input.parse(input);
    this.events++;
    return saveEvent(this.db, actor, parsed).eventId;
  }

  /** Adds attendees (as the organizer) and records the answers they gave; answers the attendee ids. */
  attend(
    organizer: Actor,
    eventId: string,
    list: readonly { attendee: AttendeeIn; response?: AttendeeResponse }[],
  ): string[] {
    if (list.length === 0) return [];
    const input = agendaCalls['agenda.addAttendees'].input.parse({ eventId, attendees: list.map((a) => a.attendee) });
    const ids = addAttendees(this.db, organizer, input).attendeeIds;
    this.attendees += ids.length;
    list.forEach((a, i) => {
      if (a.response && a.response !== 'needs_action') this.answer(organizer, ids[i]!, a.response);
    });
    return ids;
  }

  /** An answer given by phone or in the corridor, recorded by hand. */
  answer(actor: Actor, attendeeId: string, response: AttendeeResponse): void {
    updateAttendee(this.db, actor, agendaCalls['agenda.updateAttendee'].input.parse({ id: attendeeId, response }));
  }

  invite(actor: Actor, attendeeIds: string[], via: 'email' | 'sms'): void {
    markInvited(this.db, actor, agendaCalls['agenda.markInvited'].input.parse({ attendeeIds, via }));
  }

  hasEmail(cardId: string): boolean {
    return stmt(this.db, 'select 1 from emails where card_id = ? limit 1').get(cardId) !== undefined;
  }
}

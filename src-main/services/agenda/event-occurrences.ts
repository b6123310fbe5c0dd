/**
 * The instances of events on some calendars between two instants: single events, occurrences of series
 * (expanded lazily for this range only) and the holiday calendars' computed holidays. Used by agenda.range,
 * the planner ("today's meetings") and the reminder job (event reminders).
 */
import type { Db } from '../../db/connection';
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';

export interface OccurrenceQuery {
  /** UTC instants (ISO). */
  from: string;
  to: string;
  calendarIds: readonly string[];
  /** Stop after this many (the answer says truncated). */
  limit?: number;
}

export function occurrencesInRange(
  _db: Db,
  _query: OccurrenceQuery,
): { occurrences: OccurrenceOut[]; truncated: boolean } {
  // Filled in by the agenda service (events with recurrence); until then nothing is on any calendar.
  return { occurrences: [], truncated: false };
}

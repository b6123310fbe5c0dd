import type { AttendeeOut } from '../../../src-shared/contract/agenda';

export interface AttendeeCounts {
  /** Everyone on the list except walk-ins who were turned away. */
  total: number;
  invited: number;
  accepted: number;
  declined: number;
  checkedIn: number;
  /** Who is still expected at the door: not refused, not declined (unless they came anyway). */
  expected: number;
}

export function countAttendees(attendees: AttendeeOut[]): AttendeeCounts {
  const listed = attendees.filter((a) => a.walkIn !== 'refused');
  return {
    total: listed.length,
    invited: listed.filter((a) => a.invitedAt !== null).length,
    accepted: listed.filter((a) => a.response === 'accepted').length,
    declined: listed.filter((a) => a.response === 'declined').length,
    checkedIn: listed.filter((a) => a.checkedInAt !== null).length,
    expected: listed.filter((a) => a.response !== 'declined' || a.checkedInAt !== null).length,
  };
}

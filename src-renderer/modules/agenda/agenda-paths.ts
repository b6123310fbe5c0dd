/** The event page; `at` is the original start of the instance of a series that was clicked. */
export function eventPath(id: string, occurrenceStart?: string | null): string {
  return `/agenda/events/${id}${occurrenceStart ? `?at=${encodeURIComponent(occurrenceStart)}` : ''}`;
}

export const checkInPath = (id: string): string => `/agenda/events/${id}/check-in`;

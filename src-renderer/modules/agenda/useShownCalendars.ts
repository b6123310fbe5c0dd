import { useCallback, useState } from 'react';
import type { CalendarOut } from '../../../src-shared/contract/agenda';

const HIDDEN_KEY = 'kartotek.agenda.hiddenCalendars';

function readHidden(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which calendars the agenda draws on top of each other, remembered on this desk. The hidden ones are stored, not
 * the shown ones, so a calendar added later (by anyone) shows up until it is unticked.
 */
export function useShownCalendars(calendars: CalendarOut[]) {
  const [hidden, setHidden] = useState<string[]>(readHidden);
  const store = useCallback((next: string[]) => {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify(next));
    setHidden(next);
  }, []);
  const shownIds = calendars.filter((c) => !hidden.includes(c.id)).map((c) => c.id);
  return {
    shownIds,
    isShown: (id: string) => !hidden.includes(id),
    toggle: (id: string) => store(hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id]),
    only: (id: string) => store(calendars.filter((c) => c.id !== id).map((c) => c.id)),
    showAll: () => store([]),
  };
}

import {
  IconBeach,
  IconCalendar,
  IconCar,
  IconDeviceProjector,
  IconDoor,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import { CALENDAR_KINDS, type CalendarKind, type CalendarOut } from '../../../src-shared/contract/agenda';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';

export const KIND_ICONS: Record<CalendarKind, Icon> = {
  general: IconCalendar,
  personal: IconUser,
  room: IconDoor,
  vehicle: IconCar,
  equipment: IconDeviceProjector,
  holiday: IconBeach,
};

/** Colours that stay readable with white text and tell each other apart on a crowded week. */
export const CALENDAR_SWATCHES = [
  '#1c7ed6',
  '#2f9e44',
  '#e8590c',
  '#ae3ec9',
  '#c2255c',
  '#0c8599',
  '#5f3dc4',
  '#e03131',
  '#b08800',
  '#495057',
];

/** Calendars grouped by kind in the contract's order, each group in Turkish alphabetical order. */
export function groupByKind(calendars: CalendarOut[]): { kind: CalendarKind; calendars: CalendarOut[] }[] {
  return CALENDAR_KINDS.map((kind) => ({
    kind,
    calendars: calendars
      .filter((c) => c.kind === kind)
      .sort((a, b) => turkishSortKey(a.name).localeCompare(turkishSortKey(b.name))),
  })).filter((group) => group.calendars.length > 0);
}

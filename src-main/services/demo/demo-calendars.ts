/**
 * The demo firm's calendars: two meeting rooms, the company car and the projector (resources: never
 * double-booked), the public holidays calendar, and a personal calendar for each member of staff, which the
 * manager may also book in. The shared ones are kept by the office manager; each colour is distinct.
 */
import type { Db } from '../../db/connection';
import { agendaCalls, type CalendarKind } from '../../../src-shared/contract/agenda';
import { saveCalendar } from '../agenda/calendar-writes';
import type { DemoStaffMember, DemoWorld } from './demo-world';

export interface DemoCalendars {
  room1: string;
  room2: string;
  vehicle: string;
  projector: string;
  holidays: string;
  /** Staff id → their personal calendar. */
  personal: Map<string, string>;
  count: number;
}

const SHARED: readonly {
  key: keyof Omit<DemoCalendars, 'personal' | 'count'>;
  name: string;
  kind: CalendarKind;
  color: string;
  description: string;
}[] = [
  {
    key: 'room1',
    name: 'Toplantı Odası 1',
    kind: 'room',
    color: '#1c7ed6',
    description: 'Zemin kat, 8 kişilik; ekran ve video konferans seti var.',
  },
  {
    key: 'room2',
    name: 'Toplantı Odası 2',
    kind: 'room',
    color: '#0ca678',
    description: 'Birinci kat, 30 kişilik salon: bayi ve müşteri sunumları için.',
  },
  {
    key: 'vehicle',
    name: 'Şirket Aracı 34 KRT 101',
    kind: 'vehicle',
    color: '#f76707',
    description: 'Müşteri ziyaretleri için. Anahtar ve HGS kartı resepsiyonda.',
  },
  {
    key: 'projector',
    name: 'Projeksiyon Cihazı',
    kind: 'equipment',
    color: '#ae3ec9',
    description: 'Taşınabilir projeksiyon cihazı ve perde; ofis dışına da götürülebilir.',
  },
  {
    key: 'holidays',
    name: 'Resmî Tatiller',
    kind: 'holiday',
    color: '#e03131',
    description: 'Resmî ve dinî bayramlar ile firmanın kapalı olduğu günler.',
  },
];

const PERSONAL_COLORS = ['#d6336c', '#2f9e44', '#1098ad', '#f59f00', '#4263eb', '#a0522d', '#66a80f', '#c2255c'];

/** The manager who keeps the shared calendars: the last manager in the staff list (the office side). */
export function officeManager(world: DemoWorld): DemoStaffMember {
  return world.staff.filter((s) => s.role === 'manager').at(-1) ?? world.staff[0]!;
}

export function writeDemoCalendars(db: Db, world: DemoWorld): DemoCalendars {
  const c = world.clock;
  // Set up when the firm started using the agenda, long before the weeks on show.
  const at = c.at(c.workdayBefore(130), '09:15');
  const parse = agendaCalls['agenda.saveCalendar'].input.parse;
  const owner = officeManager(world);
  const ids = {} as Record<(typeof SHARED)[number]['key'], string>;
  for (const cal of SHARED) {
    ids[cal.key] = saveCalendar(
      db,
      { userId: owner.id, at },
      parse({
        name: cal.name,
        kind: cal.kind,
        color: cal.color,
        description: cal.description,
        // Holidays and closing days are the office manager's to set; anyone books rooms, the car and the projector.
        booking: cal.kind === 'holiday' ? 'owner' : 'everyone',
      }),
    );
  }
  const personal = new Map<string, string>();
  world.staff.forEach((s, i) => {
    const id = saveCalendar(
      db,
      { userId: s.id, at },
      parse({
        name: s.name,
        kind: 'personal',
        color: PERSONAL_COLORS[i % PERSONAL_COLORS.length]!,
        description: `${s.name} – kişisel takvim`,
        booking: 'members',
        members: s.managerId ? [{ userId: s.managerId, canBook: true }] : [],
      }),
    );
    personal.set(s.id, id);
  });
  return { ...ids, personal, count: SHARED.length + personal.size };
}

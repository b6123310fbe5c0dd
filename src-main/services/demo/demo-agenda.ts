/**
 * The demo firm's agenda for this week and the next two: the weekly coordination meeting on Monday at 10:00
 * (a series running for three months), customer visits with the company car, customer meetings in the rooms
 * (some with the projector), internal meetings and a training, entries in the staff's personal calendars, one
 * day the office is closed, and the dealers' meeting with its attendees. Everyone on staff has something on
 * today's agenda when today is a working day.
 */
import type { Db } from '../../db/connection';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { officeManager, writeDemoCalendars } from './demo-calendars';
import { writeDealerMeeting } from './demo-dealer-meeting';
import { AgendaPlanner } from './demo-agenda-planner';
import { DemoEventWriter } from './demo-event-writer';
import type { DemoWorld } from './demo-world';
import type { Random } from './random';

/** A firm closing day in the weeks on show (a Friday of the week after next, or the working day before it). */
function closingDay(world: DemoWorld): string {
  const c = world.clock;
  let day = addDays(c.mondayOf(c.today), 18);
  while (!c.isWorkday(day)) day = addDays(day, -1);
  return day;
}

export interface AgendaCounts {
  calendars: number;
  events: number;
  attendees: number;
}

export function writeDemoAgenda(db: Db, world: DemoWorld, rng: Random): AgendaCounts {
  const cals = writeDemoCalendars(db, world);
  const writer = new DemoEventWriter(db, world, rng);
  const c = world.clock;
  const office = officeManager(world);
  const closed = closingDay(world);
  writer.save(
    office.id,
    {
      calendarId: cals.holidays,
      title: 'Yıllık envanter sayımı – ofis kapalı',
      description: 'Depo ve ofiste sayım yapılacağı için firma bu gün müşteriye kapalıdır.',
      allDay: true,
      startsAt: closed,
      endsAt: addDays(closed, 1),
    },
    { userId: office.id, at: c.at(c.workdayBefore(20), '11:00') },
  );
  const planner = new AgendaPlanner(writer, cals, new Set([closed]));
  const sales = world.staff.find((s) => s.role === 'manager') ?? world.staff[0]!;
  // Fixed points first, so the rest is planned around them.
  planner.coordinationSeries(sales);
  writeDealerMeeting(writer, cals, planner, sales);
  planner.internal();
  planner.weeks();
  return { calendars: cals.count, events: writer.events, attendees: writer.attendees };
}

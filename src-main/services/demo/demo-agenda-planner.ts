/**
 * Plans the demo's three weeks of events on a booking sheet and writes them: every event gets a slot where its
 * room, car or projector and its people are free, so the agenda service (which refuses a double-booked
 * resource) never has to, and nobody is in two meetings at once. Remembers who has something today.
 */
import { addDays } from '../../../src-shared/domain/zoned-time';
import type { Actor } from '../documents/document-writes';
import { officeManager, type DemoCalendars } from './demo-calendars';
import type { DemoEventWriter } from './demo-event-writer';
import { BookingSheet, userKey, type Slot } from './demo-slots';
import { SELLING_KINDS, type DemoPersonRef, type DemoStaffMember } from './demo-world';

/** Days shown: this week's Monday and the 18 days after it (to the Friday of the week after next). */
export const WINDOW_DAYS = 19;

const CUSTOMER_MEETINGS = ['{kurum} ile teklif toplantısı', 'Sunum: {kurum}', '{kurum} ile sözleşme görüşmesi'];

interface RoomMeeting {
  organizer: DemoStaffMember;
  /** Colleagues taking part (the organizer is not repeated). */
  staff: readonly DemoStaffMember[];
  /** A customer coming to the office. */
  person?: DemoPersonRef;
  room: 'room1' | 'room2';
  title: string;
  minutes: number;
  projector: boolean;
}

const ROOM_NAMES = { room1: 'Toplantı Odası 1', room2: 'Toplantı Odası 2' } as const;

export class AgendaPlanner {
  private readonly sheet: BookingSheet;
  private readonly busyToday = new Set<string>();
  /** The working days on show on which the office is open. */
  readonly days: string[];

  constructor(
    private readonly writer: DemoEventWriter,
    private readonly cals: DemoCalendars,
    private readonly closed: ReadonlySet<string>,
  ) {
    const c = writer.world.clock;
    this.sheet = new BookingSheet(c, writer.rng);
    const monday = c.mondayOf(c.today);
    this.days = Array.from({ length: WINDOW_DAYS }, (_, i) => addDays(monday, i)).filter(
      (d) => c.isWorkday(d) && !closed.has(d),
    );
  }

  private get world() {
    return this.writer.world;
  }

  private get rng() {
    return this.writer.rng;
  }

  private markToday(keys: readonly string[], slot: Slot): void {
    if (this.world.clock.dayOf(slot.startsAt) !== this.world.clock.today) return;
    for (const key of keys) if (key.startsWith('user:')) this.busyToday.add(key.slice('user:'.length));
  }

  /** Holds a slot taken by something else (the dealers' meeting, the weekly series). */
  reserve(keys: readonly string[], slot: Slot): void {
    this.sheet.hold(keys, slot);
    this.markToday(keys, slot);
  }

  /** Books a slot for everything in `keys` and writes the event there (nothing when the day is full for them). */
  private place(keys: readonly string[], day: string, minutes: number, write: (slot: Slot) => void): void {
    const slot = this.sheet.book(keys, day, minutes);
    if (!slot) return;
    this.markToday(keys, slot);
    write(slot);
  }

  /** Monday 10:00 in room 1 for everyone, for three months now; not on days the office is closed. */
  coordinationSeries(organizer: DemoStaffMember): void {
    const c = this.world.clock;
    const first = addDays(c.mondayOf(c.today), -7 * 12);
    const last = addDays(c.mondayOf(c.today), WINDOW_DAYS);
    const exdates: string[] = [];
    for (let monday = first; monday <= last; monday = addDays(monday, 7)) {
      if (!c.isWorkday(monday) || this.closed.has(monday)) exdates.push(monday);
    }
    const created: Actor = { userId: organizer.id, at: c.at(c.workdaysBefore(first, 3), '15:30') };
    const id = this.writer.save(
      organizer.id,
      {
        calendarId: this.cals.room1,
        title: 'Haftalık koordinasyon toplantısı',
        location: ROOM_NAMES.room1,
        description: 'Haftanın satış, teklif ve tahsilat gündemi; ekiplerden kısa durum özeti.',
        ...this.sheet.slot(first, 10 * 60, 60),
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        exdates,
        remindMinutes: 15,
      },
      created,
    );
    const others = this.world.staff.filter((s) => s.id !== organizer.id);
    this.writer.attend(
      created,
      id,
      others.map((s) => ({ attendee: { kind: 'staff' as const, userId: s.id }, response: 'accepted' as const })),
    );
    const everyone = [this.cals.room1, ...this.world.staff.map((s) => userKey(s.id))];
    for (const day of this.days) if (c.weekday(day) === 1) this.reserve(everyone, this.sheet.slot(day, 10 * 60, 60));
  }

  /** A meeting in one of the rooms, with the projector booked alongside when it is a presentation. */
  private roomMeeting(day: string, m: RoomMeeting): void {
    const room = this.cals[m.room];
    const location = ROOM_NAMES[m.room];
    const people = [m.organizer, ...m.staff];
    const keys = [room, ...people.map((p) => userKey(p.id)), ...(m.projector ? [this.cals.projector] : [])];
    const inst = m.person?.institution;
    this.place(keys, day, m.minutes, (slot) => {
      const actor = this.writer.creationStamp(m.organizer.id, slot.startsAt);
      const cardIds = m.person && inst ? [inst.id, m.person.id] : [];
      const id = this.writer.save(
        m.organizer.id,
        { calendarId: room, title: m.title, location, ...slot, cardIds, remindMinutes: 15 },
        actor,
      );
      this.writer.attend(actor, id, [
        ...(m.person
          ? [{ attendee: { kind: 'person' as const, cardId: m.person.id }, response: 'accepted' as const }]
          : []),
        ...m.staff.map((p) => ({ attendee: { kind: 'staff' as const, userId: p.id }, response: 'accepted' as const })),
      ]);
      if (m.projector) {
        const title = `Projeksiyon: ${m.title}`;
        this.writer.save(m.organizer.id, { calendarId: this.cals.projector, title, location, ...slot }, actor);
      }
    });
  }

  /** A visit to a customer with the company car (half a day). */
  private visit(s: DemoStaffMember, day: string): void {
    const person = this.world.pickContact(this.rng, s.id, SELLING_KINDS);
    const inst = person?.institution;
    if (!person || !inst) return;
    this.place([this.cals.vehicle, userKey(s.id)], day, 30 * this.rng.int(5, 8), (slot) =>
      this.writer.save(s.id, {
        calendarId: this.cals.vehicle,
        title: `Müşteri ziyareti: ${inst.shortName}`,
        location: inst.place,
        description: `${person.address} ile görüşme; şirket aracıyla gidilecek.`,
        ...slot,
        cardIds: [inst.id, person.id],
        remindMinutes: 30,
      }),
    );
  }

  /** A customer comes to the office: a room, maybe the projector and a colleague. */
  private customerMeeting(s: DemoStaffMember, day: string): void {
    const { rng, world } = this;
    const person = world.pickContact(rng, s.id, SELLING_KINDS);
    if (!person?.institution) return;
    const title = rng.pick(CUSTOMER_MEETINGS);
    this.roomMeeting(day, {
      organizer: s,
      staff: rng.chance(0.4) ? [world.colleagueOf(rng, s.id)] : [],
      person,
      room: rng.chance(0.6) ? 'room1' : 'room2',
      title: title.replace('{kurum}', person.institution.shortName),
      minutes: rng.pick([60, 90]),
      // A presentation needs the projector.
      projector: title.startsWith('Sunum'),
    });
  }

  /** Work in one's own calendar: preparing an offer, a call booked with a customer, an online meeting. */
  private personal(s: DemoStaffMember, day: string): void {
    const person = this.world.pickContact(this.rng, s.id, SELLING_KINDS);
    const inst = person?.institution;
    const choices = [
      { title: 'Eğitim: Etkili müzakere teknikleri', minutes: 120, location: 'Çevrim içi', cardIds: [] as string[] },
      ...(person && inst
        ? [
            { title: `Teklif hazırlığı: ${inst.shortName}`, minutes: 90, cardIds: [inst.id] },
            { title: `Telefon randevusu: ${person.name} (${inst.shortName})`, minutes: 30, cardIds: [person.id] },
            {
              title: `Çevrim içi görüşme: ${inst.shortName}`,
              minutes: 60,
              location: 'Microsoft Teams',
              cardIds: [inst.id],
            },
          ]
        : []),
    ];
    const { minutes, ...pick } = this.rng.pick(choices);
    const calendarId = this.cals.personal.get(s.id)!;
    this.place([userKey(s.id)], day, minutes, (slot) => this.writer.save(s.id, { calendarId, ...pick, ...slot }));
  }

  /** Internal meetings, a training and interviews on fixed days of the three weeks. */
  internal(): void {
    const { world } = this;
    const managers = world.staff.filter((s) => s.role === 'manager');
    const office = officeManager(world);
    const sales = managers[0] ?? office;
    const others = (...except: DemoStaffMember[]) => world.staff.filter((s) => !except.includes(s));
    const meetings: (RoomMeeting & { dayIndex: number })[] = [
      {
        dayIndex: 2,
        organizer: sales,
        staff: managers.filter((m) => m !== sales),
        room: 'room1',
        title: 'Bütçe planlama toplantısı',
        minutes: 90,
        projector: false,
      },
      {
        dayIndex: 3,
        organizer: office,
        staff: [],
        room: 'room1',
        title: 'İşe alım mülakatı: Satış temsilcisi',
        minutes: 60,
        projector: false,
      },
      {
        dayIndex: 6,
        organizer: sales,
        staff: others(sales),
        room: 'room2',
        title: 'Yeni ürün eğitimi',
        minutes: 120,
        projector: true,
      },
      {
        dayIndex: 8,
        organizer: sales,
        staff: world.staff.filter((s) => s.managerId === sales.id),
        room: 'room2',
        title: 'Çeyrek sonu satış değerlendirmesi',
        minutes: 90,
        projector: true,
      },
      {
        dayIndex: 9,
        organizer: office,
        staff: office === sales ? [] : [sales],
        room: 'room1',
        title: 'İşe alım mülakatı: Satış temsilcisi (ikinci görüşme)',
        minutes: 60,
        projector: false,
      },
    ];
    for (const { dayIndex, ...m } of meetings) {
      const day = this.days[Math.min(dayIndex, this.days.length - 1)];
      if (day) this.roomMeeting(day, m);
    }
  }

  /** The ordinary weeks: visits, customer meetings and own work, by chance for each person and day. */
  weeks(): void {
    for (const day of this.days) {
      for (const s of this.rng.sample(this.world.staff, this.world.staff.length)) {
        if (this.rng.chance(0.15)) this.visit(s, day);
        if (this.rng.chance(0.15)) this.customerMeeting(s, day);
        if (this.rng.chance(0.25)) this.personal(s, day);
      }
    }
    // Nobody opens the demo to an empty day.
    const today = this.world.clock.today;
    if (!this.days.includes(today)) return;
    for (const s of this.world.staff) if (!this.busyToday.has(s.id)) this.personal(s, today);
  }
}

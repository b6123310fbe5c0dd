/**
 * The year's dealers' meeting ("Bayi Toplantısı 2026") on a Thursday afternoon of the week after next, in the big
 * room with the projector: about 25 attendees — people from the customers' cards, the staff, a guest speaker
 * and the caterer. Most were invited ten days ahead by e-mail (by SMS when the card has no address), a few were
 * added since and not invited yet; many have answered, some declined, some are still to answer.
 */
import { addDays } from '../../../src-shared/domain/zoned-time';
import type { AttendeeResponse } from '../../../src-shared/contract/agenda';
import type { Actor } from '../documents/document-writes';
import type { DemoCalendars } from './demo-calendars';
import type { AgendaPlanner } from './demo-agenda-planner';
import type { AttendeeIn, DemoEventWriter } from './demo-event-writer';
import { officeTime } from './demo-clock';
import { userKey } from './demo-slots';
import type { DemoStaffMember } from './demo-world';

const DEALERS = 18;
/** Of the dealers, in order: not invited yet, then the answers given. */
const DEALER_ANSWERS: readonly (AttendeeResponse | 'uninvited')[] = [
  'uninvited',
  'uninvited',
  'uninvited',
  ...Array<AttendeeResponse>(6).fill('accepted'),
  ...Array<AttendeeResponse>(3).fill('declined'),
  'tentative',
];

const GUESTS: readonly AttendeeIn[] = [
  {
    kind: 'external',
    name: 'Kerem Aydemir',
    email: 'kerem.aydemir@pusulaegitim-demo.com.tr',
    phone: '0532 410 27 63',
    institutionName: 'Pusula Eğitim ve Danışmanlık',
    roleTitle: 'Konuk konuşmacı',
  },
  {
    kind: 'external',
    name: 'Seda Karaman',
    email: 'seda@lezzetduragi-demo.com.tr',
    phone: '0216 455 18 90',
    institutionName: 'Lezzet Durağı Catering',
    roleTitle: 'İkram sorumlusu',
  },
];

const PROGRAM = [
  '14:00 Açılış ve yılın değerlendirmesi',
  '14:45 Yeni ürünler ve teknik sunum',
  '15:30 Kahve arası',
  '16:00 Kampanya takvimi ve bayi ödülleri',
  '17:00 Soru-cevap, kapanış',
].join('\n');

export function writeDealerMeeting(
  writer: DemoEventWriter,
  cals: DemoCalendars,
  planner: AgendaPlanner,
  organizer: DemoStaffMember,
): void {
  const { world, rng } = writer;
  const c = world.clock;
  const thursday = addDays(c.mondayOf(c.today), 17);
  const day = [...planner.days].reverse().find((d) => d <= thursday);
  if (!day) return;
  const dealers = rng.sample(
    world.persons.filter((p) => p.institution?.kinds.includes('customer')),
    DEALERS,
  );
  if (dealers.length === 0) return;

  const staff = world.staff.filter((s) => s.id !== organizer.id);
  const meeting = { startsAt: c.at(day, '14:00'), endsAt: c.at(day, '17:30') };
  planner.reserve([cals.room2, ...world.staff.map((s) => userKey(s.id))], meeting);
  const projector = { startsAt: c.at(day, '13:30'), endsAt: c.at(day, '18:00') };
  planner.reserve([cals.projector], projector);

  // Planned three weeks ahead; invitations went out ten working days before.
  const booked: Actor = { userId: organizer.id, at: c.notAfterNow(c.at(c.workdaysBefore(day, 15), '10:30')) };
  const title = `Bayi Toplantısı ${day.slice(0, 4)}`;
  const institutions = [...new Set(dealers.map((d) => d.institution!.id))];
  const eventId = writer.save(
    organizer.id,
    {
      calendarId: cals.room2,
      title,
      location: 'Merkez ofis – Toplantı Odası 2',
      description: `Yıllık bayi toplantımız.\n\n${PROGRAM}`,
      ...meeting,
      cardIds: institutions.slice(0, 100),
      remindMinutes: 60,
    },
    booked,
  );
  writer.save(organizer.id, { calendarId: cals.projector, title: `Projeksiyon: ${title}`, ...projector }, booked);

  const attendeeIds = writer.attend(booked, eventId, [
    ...dealers.map((d) => ({ attendee: { kind: 'person' as const, cardId: d.id } })),
    ...staff.map((s) => ({ attendee: { kind: 'staff' as const, userId: s.id } })),
    ...GUESTS.map((g) => ({ attendee: g })),
  ]);
  const answers: (AttendeeResponse | 'uninvited')[] = [
    ...dealers.map((_, i) => DEALER_ANSWERS[i] ?? 'needs_action'),
    ...staff.map((_, i) => (i === staff.length - 1 ? 'tentative' : 'accepted') as AttendeeResponse),
    'accepted',
    'accepted',
  ];
  const invited = c.notAfterNow(c.at(c.workdaysBefore(day, 10), '11:00'));
  const byMail: string[] = [];
  const bySms: string[] = [];
  attendeeIds.forEach((id, i) => {
    if (answers[i] === 'uninvited') return;
    // A dealer's card without an e-mail address gets the code by SMS.
    const dealer = dealers[i];
    (dealer && !writer.hasEmail(dealer.id) ? bySms : byMail).push(id);
  });
  if (byMail.length > 0) writer.invite({ userId: organizer.id, at: invited }, byMail, 'email');
  if (bySms.length > 0) writer.invite({ userId: organizer.id, at: invited }, bySms, 'sms');
  attendeeIds.forEach((id, i) => {
    const answer = answers[i];
    if (!answer || answer === 'uninvited' || answer === 'needs_action') return;
    const on = c.workdayFrom(addDays(c.dayOf(invited), rng.int(1, 6)));
    writer.answer({ userId: organizer.id, at: c.notAfterNow(c.at(on, officeTime(rng))) }, id, answer);
  });
}

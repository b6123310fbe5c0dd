/**
 * The demo firm's mailbox: one general account, offline (disabled, so the scan job never tries to connect), and
 * three weeks of its mail. Customers write to the staff who look after them, colleagues nobody has a card for
 * write from their institution's domain, strangers write from gmail and hotmail and wait unfiled, the staff
 * answer some of it, and the "Yeni yıl kataloğu" mailing went out with one address bouncing. Incoming mail goes
 * through storeParsedMessage and outgoing through recordSentMail (the outbox's rows beside it), so links,
 * threads, search rows, bounces and notifications are exactly what the real jobs would have written.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { SecretBox } from '../../core/secret-box';
import { newId } from '../../core/ids';
import { mailAccountFields } from '../../../src-shared/contract/mail';
import { saveAccount } from '../mail/accounts/account-store';
import { storeParsedMessage } from '../mail/ingest/store-incoming';
import type { IncomingMail, MailPerson } from '../mail/ingest/parsed-mail';
import { snippetOf } from '../mail/ingest/parse-message';
import { markRead } from '../mail/read/read-state';
import type { BounceReport } from '../mail/bounce/bounce-report';
import type { CardStamp } from '../cards/card-rows';
import { asciiSlug } from './demo-contacts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './demo-data';
import {
  MAILING,
  STRANGER_MAILS,
  bounceMail,
  colleagueMail,
  followUpMail,
  replyText,
  reSubject,
  topicMail,
  type MailText,
  type Writer,
} from './demo-mail-text';
import { sendMailing, sendSingle, type DemoAccount } from './demo-mail-sends';
import { SELLING_KINDS, type DemoPersonRef, type DemoStaffMember, type DemoWorld } from './demo-world';
import { officeTime } from './demo-clock';
import type { Random } from './random';

const ACCOUNT = {
  name: 'Demo — Genel (çevrimdışı)',
  emailAddress: 'info@kartotekdemo.com.tr',
  displayName: 'Kartotek Demo A.Ş.',
  // .invalid never resolves: should someone switch the demo account on, it fails at once instead of reaching a stranger's server.
  imapHost: 'imap.kartotekdemo.invalid',
  smtpHost: 'smtp.kartotekdemo.invalid',
  username: 'info@kartotekdemo.com.tr',
} as const;

const UID_VALIDITY = '1735689600';
const COUNTS = { persons: 40, recent: 4, colleagues: 8, replies: 15, followUps: 3, html: 3 };
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const FEMALE_STAFF = new Set(['Selin', 'Gizem', 'Ebru']);

/** How customers address a member of staff: "Murat Bey", "Selin Hanım". */
const staffAddress = (s: DemoStaffMember) => {
  const first = s.name.split(' ')[0]!;
  return `${first} ${FEMALE_STAFF.has(first) ? 'Hanım' : 'Bey'}`;
};

interface Arrived {
  id: string;
  messageIdHeader: string;
  at: string;
  subject: string;
  text: string;
  from: MailPerson;
  writer: Writer;
  person: DemoPersonRef | null;
}

/** Plain text as a mail program's HTML part: paragraphs, escaped. */
const asHtml = (text: string) =>
  `<html><body style="font-family:Calibri,Arial,sans-serif">${text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`)
    .join('')}</body></html>`;

class DemoMailbox {
  private uid = 0;
  private stored = 0;
  readonly account: DemoAccount;
  private readonly inboxId: string;

  constructor(
    private readonly db: Db,
    private readonly world: DemoWorld,
    private readonly rng: Random,
    secrets: SecretBox,
    private readonly desk: CardStamp,
  ) {
    const fields = mailAccountFields.parse({ ...ACCOUNT, password: `demo-${rng.digits(12)}`, enabled: false });
    const saved = saveAccount(db, secrets, { fields }, desk);
    this.account = { id: saved.id, address: saved.emailAddress, displayName: ACCOUNT.displayName };
    const folder = stmt(
      db,
      `insert into mail_folders (id, account_id, path, role, uid_validity, backfill_done, window_start, updated_at)
       values (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const windowStart = new Date(world.clock.nowMs - 365 * DAY_MS).toISOString();
    this.inboxId = newId();
    folder.run(this.inboxId, saved.id, 'INBOX', 'inbox', UID_VALIDITY, windowStart, desk.at);
    folder.run(newId(), saved.id, 'Sent', 'sent', UID_VALIDITY, windowStart, desk.at);
  }

  get count(): number {
    return this.stored;
  }

  /** Mails recorded as sent (their copies are stored by recordSentMail, not by the scan). */
  sent(count: number): void {
    this.stored += count;
  }

  /** One incoming mail as the scan would have stored it a minute after it arrived. */
  receive(
    at: string,
    from: MailPerson,
    mail: MailText,
    thread: { inReplyTo: string | null; references: string[] } = { inReplyTo: null, references: [] },
    bounce: BounceReport | null = null,
  ): { id: string; messageIdHeader: string } {
    const domain = from.address.split('@')[1] ?? 'mail.local';
    const messageIdHeader = `${this.rng.digits(10)}.${this.rng.digits(6)}@${domain}`;
    const to = [{ name: ACCOUNT.displayName, address: ACCOUNT.emailAddress }];
    const headerBlock =
      `From: ${from.name} <${from.address}>\r\nTo: ${ACCOUNT.displayName} <${ACCOUNT.emailAddress}>\r\n` +
      `Subject: ${mail.subject}\r\nDate: ${new Date(at).toUTCString()}\r\nMessage-ID: <${messageIdHeader}>\r\n`;
    const parsed: IncomingMail = {
      kind: 'parsed-message',
      size: Buffer.byteLength(headerBlock) + Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html ?? ''),
      contentKey: messageIdHeader,
      messageIdHeader,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      subject: mail.subject,
      from,
      replyTo: [],
      to,
      cc: [],
      sentAt: at,
      text: mail.text,
      html: mail.html || null,
      snippet: snippetOf(mail.text),
      attachments: [],
      headerBlock,
      parseProblems: null,
      calendarReplies: [],
      bounce,
    };
    const location = {
      accountId: this.account.id,
      folderId: this.inboxId,
      role: 'inbox' as const,
      uidValidity: UID_VALIDITY,
      uid: ++this.uid,
      internalDate: at,
      seenOnServer: false,
    };
    const scannedAt = this.world.clock.notAfterNow(new Date(Date.parse(at) + MINUTE_MS).toISOString());
    const { messageId } = storeParsedMessage(this.db, parsed, location, { userId: this.desk.userId, at: scannedAt });
    this.stored++;
    return { id: messageId, messageIdHeader };
  }

  /** The folders say everything up to the newest mail has been read: the scan has nothing left to do. */
  finish(): void {
    const c = this.world.clock;
    const at = new Date(c.nowMs - 7 * MINUTE_MS).toISOString();
    stmt(this.db, `update mail_folders set last_uid = ?, backfill_top_uid = ?, updated_at = ? where id = ?`).run(
      this.uid,
      this.uid,
      at,
      this.inboxId,
    );
    stmt(this.db, `update mail_accounts set last_sync_at = ?, status_detail = ? where id = ?`).run(
      at,
      'Demo hesabı: sunucusu yok, posta sunucusuna bağlanmaz.',
      this.account.id,
    );
  }
}

interface Slot {
  at: string;
  run: () => void;
}

/** A working-hours moment `daysBack` working days ago (0: today), never after now. */
function officeMoment(world: DemoWorld, rng: Random, daysBack: number): string {
  const c = world.clock;
  let day = daysBack === 0 ? c.workdayFrom(c.today) : c.workdayBefore(daysBack);
  let at = c.at(day, officeTime(rng, 8 * 60 + 20, 18 * 60 + 20));
  while (!c.isPast(at)) {
    day = c.workdaysBefore(day, 1);
    at = c.at(day, officeTime(rng, 8 * 60 + 20, 18 * 60 + 20));
  }
  return at;
}

/** Now during office hours; else the end of the last working day's (customers do not write at midnight). */
function endOfLatestOfficeHours(world: DemoWorld): string {
  const c = world.clock;
  const today = c.isWorkday(c.today) ? c.at(c.today, '18:15') : null;
  if (today && c.isPast(c.at(c.today, '11:00'))) return c.isPast(today) ? today : c.nowIso;
  return c.at(c.workdayBefore(1), '18:15');
}

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** Writes the demo's mail; answers how many mails (in and out) it stored. */
export function writeDemoMail(db: Db, world: DemoWorld, rng: Random, secrets: SecretBox, desk: CardStamp): number {
  const c = world.clock;
  const box = new DemoMailbox(db, world, rng, secrets, desk);
  const slots: Slot[] = [];
  const primaryEmail = stmt(
    db,
    'select address from emails where card_id = ? and bounced_at is null order by is_primary desc, position limit 1',
  ).pluck();
  const known = stmt(db, 'select 1 from emails where address = ?').pluck();
  const domainOf = stmt(db, 'select domain from institution_domains where card_id = ? order by domain limit 1').pluck();
  const owner = (p: DemoPersonRef) => (p.ownerId ? world.staff.find((s) => s.id === p.ownerId) : undefined);

  // Customers and prospects of the staff writing about their business.
  const writers = world.persons.filter(
    (p) => p.institution?.kinds.some((k) => SELLING_KINDS.includes(k)) && primaryEmail.get(p.id) !== undefined,
  );
  const chosen = rng.sample(writers, Math.min(COUNTS.persons, writers.length));
  const arrived: Arrived[] = [];
  const lastHours = endOfLatestOfficeHours(world);
  chosen.forEach((person, i) => {
    const staff = owner(person);
    const writer: Writer = {
      name: person.name,
      address: person.address,
      institution: person.institution?.shortName ?? null,
    };
    const mail = topicMail(rng, writer, staff ? staffAddress(staff) : null);
    if (i % Math.ceil(COUNTS.persons / COUNTS.html) === 1) mail.html = asHtml(mail.text);
    // The newest few came in during the last hours: the bell has today's news.
    const at =
      i < COUNTS.recent
        ? new Date(Date.parse(lastHours) - (25 + i * 80 + rng.int(0, 20)) * MINUTE_MS).toISOString()
        : officeMoment(world, rng, rng.int(1, 15));
    const from = { name: person.name, address: primaryEmail.get(person.id) as string };
    slots.push({
      at,
      run: () => {
        const { id, messageIdHeader } = box.receive(at, from, mail);
        arrived.push({ id, messageIdHeader, at, subject: mail.subject, text: mail.text, from, writer, person });
      },
    });
  });

  // Colleagues at customers nobody has a card for: linked by the institution's mail domain.
  const institutions = world.institutions.filter((inst) => inst.kinds.some((k) => SELLING_KINDS.includes(k)));
  for (const inst of rng.sample(institutions, Math.min(COUNTS.colleagues, institutions.length))) {
    const domain = domainOf.get(inst.id) as string | undefined;
    if (!domain) continue;
    const female = rng.chance(0.5);
    const name = `${rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    const address = `${asciiSlug(name.split(' ')[0]!)}.${asciiSlug(name.split(' ')[1]!)}@${domain}`;
    if (known.get(address) !== undefined) continue;
    const writer: Writer = { name, address: name, institution: inst.shortName };
    const mail = colleagueMail(rng, writer, rng.pick(['Muhasebe', 'Satın Alma', 'Lojistik']));
    const at = officeMoment(world, rng, rng.int(0, 14));
    slots.push({ at, run: () => void box.receive(at, { name, address }, mail) });
  }

  // Strangers: unfiled until someone files them.
  STRANGER_MAILS.forEach((make, i) => {
    const female = i % 2 === 0;
    const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = rng.pick(SURNAMES);
    const provider = rng.pick(['gmail.com', 'hotmail.com', 'yandex.com']);
    const address = `${asciiSlug(first)}.${asciiSlug(last)}.${rng.int(1975, 2003)}@${provider}`;
    if (known.get(address) !== undefined) return;
    const name = `${first} ${last}`;
    const mail = make({ name, address: name, institution: null });
    // Strangers write any day, evenings too.
    const time = officeTime(rng, 7 * 60 + 30, 22 * 60);
    const day = c.day(-rng.int(0, 20));
    const at = c.isPast(c.at(day, time)) ? c.at(day, time) : c.at(c.day(-1), time);
    slots.push({ at, run: () => void box.receive(at, { name, address }, mail) });
  });

  // The mailing, nine working days ago, and the one address that bounced.
  const mailingAt = c.at(c.workdayBefore(9), '10:00');
  const fallback = rng.sample(writers, Math.min(20, writers.length)).map((p) => p.id);
  const manager = world.staff.find((s) => s.role === 'manager') ?? world.staff[0]!;
  slots.push({
    at: mailingAt,
    run: () => {
      const mailing = sendMailing(db, box.account, {
        userId: manager.id,
        at: mailingAt,
        today: c.dayOf(mailingAt),
        subject: MAILING.subject,
        body: MAILING.body,
        fallbackCardIds: fallback,
      });
      box.sent(mailing.sent.length);
      const failed = mailing.sent.length > 0 ? rng.pick(mailing.sent) : undefined;
      if (!failed) return;
      const bounceAt = plus(mailingAt, 6 * MINUTE_MS);
      const report: BounceReport = {
        format: 'postfix',
        recipients: [{ address: failed.address, status: '5.1.1', reason: 'User unknown in virtual mailbox table' }],
        originalMessageIds: [failed.messageIdHeader],
        references: [failed.referenceNo],
      };
      const daemon = { name: 'Mail Delivery System', address: 'mailer-daemon@mx.kartotekdemo.com.tr' };
      box.receive(bounceAt, daemon, bounceMail(failed.address, MAILING.subject), undefined, report);
    },
  });

  for (const slot of slots.sort((a, b) => a.at.localeCompare(b.at))) slot.run();

  const answered = answerSome(db, world, rng, box, arrived);
  readTheMailbox(db, world, rng, arrived, answered);
  box.finish();
  keepLastDayNews(db, world);
  return box.count + answered.sent;
}

/**
 * The bell keeps the last day's mail news unread, also when it came before today (the demo opened on a morning);
 * older mail news was seen when it came (deliverPastNotifications reads everything due before today).
 */
function keepLastDayNews(db: Db, world: DemoWorld): void {
  const since = new Date(world.clock.nowMs - DAY_MS).toISOString();
  stmt(
    db,
    `update notifications set delivered_at = due_at
     where kind = 'mail_received' and delivered_at is null and due_at >= ? and due_at <= ?`,
  ).run(since, world.clock.nowIso);
}

/** The staff answer the older mail of their customers; a few answers get an answer back (threads). */
function answerSome(
  db: Db,
  world: DemoWorld,
  rng: Random,
  box: DemoMailbox,
  arrived: Arrived[],
): { sent: number; by: Map<string, string> } {
  const c = world.clock;
  const by = new Map<string, string>();
  const older = arrived.filter((a) => a.person && Date.parse(a.at) < c.nowMs - DAY_MS);
  const replied = rng.sample(older, Math.min(COUNTS.replies, older.length));
  // Written in time order, so a follow-up is stored after the answer it answers.
  const events: Slot[] = [];
  let sent = 0;
  replied.forEach((mail, i) => {
    const person = mail.person!;
    const staff = (person.ownerId && world.staff.find((s) => s.id === person.ownerId)) || world.pickStaff(rng);
    const at = c.notAfterNow(plus(mail.at, rng.int(20, 180) * MINUTE_MS));
    const to = { cardId: person.id, address: mail.from.address, name: person.name };
    const subject = reSubject(mail.subject);
    events.push({
      at,
      run: () => {
        const reply = sendSingle(db, box.account, {
          userId: staff.id,
          at,
          today: c.dayOf(at),
          to,
          subject,
          text: replyText(rng, mail.writer, staff.name, mail),
          inReplyTo: mail.messageIdHeader,
          references: [mail.messageIdHeader],
        });
        sent++;
        by.set(mail.id, staff.id);
        if (i >= COUNTS.followUps) return;
        const backAt = plus(at, rng.int(60, 20 * 60) * MINUTE_MS);
        if (!c.isPast(backAt)) return;
        events.push({
          at: backAt,
          run: () =>
            void box.receive(backAt, mail.from, followUpMail(rng, mail.writer, subject), {
              inReplyTo: reply.messageIdHeader,
              references: [mail.messageIdHeader, reply.messageIdHeader],
            }),
        });
      },
    });
  });
  // Events may add later events: run the earliest until none is left.
  while (events.length > 0) {
    events.sort((a, b) => a.at.localeCompare(b.at));
    events.shift()!.run();
  }
  return { sent, by };
}

/**
 * Who has read what: whoever answered a mail read it then; owners read their customers' mail by the next
 * morning except the last working day's; the manager looked through a few of the unfiled ones.
 */
function readTheMailbox(
  db: Db,
  world: DemoWorld,
  rng: Random,
  arrived: Arrived[],
  answered: { by: Map<string, string> },
): void {
  const c = world.clock;
  const recent = c.at(c.workdayBefore(1), '00:00');
  for (const mail of arrived) {
    const replier = answered.by.get(mail.id);
    if (replier) markRead(db, replier, [mail.id], true, c.notAfterNow(plus(mail.at, 10 * MINUTE_MS)));
    const ownerId = mail.person?.ownerId;
    if (ownerId && ownerId !== replier && mail.at < recent)
      markRead(
        db,
        ownerId,
        [mail.id],
        true,
        c.notAfterNow(c.at(c.workdayFrom(c.dayOf(plus(mail.at, DAY_MS))), '09:10')),
      );
  }
  const manager = world.staff.find((s) => s.role === 'manager');
  if (!manager) return;
  const unfiled = stmt(
    db,
    `select id, received_at as at from mail_messages where filed = 'unfiled' and received_at < ? order by received_at`,
  ).all(recent) as { id: string; at: string }[];
  for (const m of rng.sample(unfiled, Math.min(3, unfiled.length)))
    markRead(db, manager.id, [m.id], true, c.notAfterNow(plus(m.at, 3 * 3600_000)));
}

import type { Db } from '../../db/connection';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { ParsedInput } from '../../../src-shared/contract';
import { foldForSearch, turkishSortKey } from '../../../src-shared/domain/turkish-text';
import type { Actor } from '../documents/document-writes';
import { storedAttendeesOfEvent, type StoredAttendee } from './attendee-reads';
import { editableEvent } from './attendee-writes';
import { badgesPdf } from './badge-pdf';
import { smsWhen } from './invitation-sms';

/**
 * Who gets a badge: the attendees asked for by id, else everyone expected, which leaves out those who declined
 * and walk-ins who were turned away. In Turkish alphabetical order, the order a desk hands them out in.
 */
export function badgeAttendees(db: Db, eventId: string, eventTitle: string, ids?: readonly string[]): StoredAttendee[] {
  const rows = storedAttendeesOfEvent(db, eventId);
  let chosen: StoredAttendee[];
  if (ids) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    chosen = [...new Set(ids)].map((id) => {
      const row = byId.get(id);
      if (!row) throw invalidInput(`Seçilen katılımcı «${eventTitle}» etkinliğinde değil (${id}).`);
      return row;
    });
  } else {
    chosen = rows.filter((r) => r.response !== 'declined' && r.walkIn !== 'refused');
  }
  const keyed = chosen.map((row) => ({ row, key: turkishSortKey(row.name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.row.id < b.row.id ? -1 : 1));
  return keyed.map((k) => k.row);
}

/** "yaka-kartlari-butce-toplantisi.pdf": ASCII, so every mail program and file system keeps the name. */
export function badgeFileName(title: string): string {
  const slug = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `yaka-kartlari-${slug || 'etkinlik'}.pdf`;
}

export async function eventBadges(db: Db, actor: Actor, input: ParsedInput<'agenda.badges'>) {
  const event = editableEvent(db, actor, input.eventId);
  const attendees = badgeAttendees(db, event.id, event.title, input.attendeeIds);
  if (attendees.length === 0) {
    throw invalidInput(`«${event.title}» etkinliğinde yaka kartı basılacak katılımcı yok.`);
  }
  const pdf = await badgesPdf(attendees, input.layout, `${event.title} · ${smsWhen(event)}`);
  return { fileName: badgeFileName(event.title), pdfBase64: Buffer.from(pdf).toString('base64') };
}

import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { noteInput } from '../../../src-shared/contract/notes';
import type { CardRow } from '../documents/live-rows';
import { sanitizeNoteHtml } from './sanitize-html';

export type NoteFields = z.output<typeof noteInput>;

/** A meeting noted ahead of time is a plan, not a note; a day of slack covers clocks and time zones. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** What a note row is written from, every rule already checked. */
export interface CheckedNote {
  kind: NoteFields['kind'];
  title: string;
  /** UTC ISO, so notes sort by text like every other stamp. */
  happenedAt: string;
  durationMinutes: number | null;
  reasonId: string | null;
  channel: NoteFields['channel'];
  bodyHtml: string;
  bodyText: string;
  cards: CardRow[];
  staffIds: string[];
  complaintStatus: NoteFields['complaintStatus'];
  complaintResponsibleId: string | null;
  complaintResolution: string | null;
}

/** What an existing note already has: kept links and its reason stay allowed. */
export interface NoteBefore {
  reasonId: string | null;
  cardIds: ReadonlySet<string>;
}

/**
 * Checks a note against the database and the rules the form cannot see:
 * cards that exist and are live, staff that exist, a reason that is not
 * archived, a time not in the future, the complaint fields. Throws
 * INVALID_INPUT naming the field and the item; returns the row to write.
 */
export function checkNote(db: Db, input: NoteFields, nowIso: string, before?: NoteBefore): CheckedNote {
  const cardIds = [...new Set(input.cardIds)];
  const staffIds = [...new Set(input.staffIds)];
  if (cardIds.length === 0 && staffIds.length === 0) {
    const message = 'Not en az bir kişiye, kuruma ya da bizden bir katılımcıya bağlı olmalı.';
    throw invalidInput(message, { cardIds: 'En az bir kart ya da katılımcı seçin' });
  }
  const happened = Date.parse(input.happenedAt);
  if (happened > Date.parse(nowIso) + FUTURE_SLACK_MS) {
    throw invalidInput('Görüşme zamanı gelecekte olamaz.', { happenedAt: 'Görüşme zamanı gelecekte olamaz' });
  }
  const cards = cardIds.map((id) => checkCard(db, id, before?.cardIds.has(id) ?? false));
  for (const id of staffIds) checkUser(db, id, 'staffIds', 'Katılımcı');
  if (input.reasonId) checkReason(db, input.reasonId, before?.reasonId === input.reasonId);
  const { html, text } = sanitizeNoteHtml(input.bodyHtml);
  return {
    kind: input.kind,
    title: input.title,
    happenedAt: new Date(happened).toISOString(),
    durationMinutes: input.durationMinutes,
    reasonId: input.reasonId,
    channel: input.channel,
    bodyHtml: html,
    bodyText: text,
    cards,
    staffIds,
    ...complaintFields(db, input),
  };
}

/** A complaint needs a status (open unless said) and someone responsible; it closes only with its resolution. */
function complaintFields(db: Db, input: NoteFields) {
  // A meeting note carries none of them, whatever the form sent.
  if (input.kind !== 'complaint') {
    return { complaintStatus: null, complaintResponsibleId: null, complaintResolution: null };
  }
  const status = input.complaintStatus ?? 'open';
  if (!input.complaintResponsibleId) {
    throw invalidInput('Şikayetin bir sorumlusu olmalı.', { complaintResponsibleId: 'Sorumlu seçin' });
  }
  checkUser(db, input.complaintResponsibleId, 'complaintResponsibleId', 'Sorumlu');
  const resolution = input.complaintResolution ?? null;
  if (status === 'resolved' && !resolution) {
    throw invalidInput('Çözüm yazılmadan şikayet kapatılamaz.', {
      complaintResolution: 'Çözüm yazılmadan şikayet kapatılamaz',
    });
  }
  return {
    complaintStatus: status,
    complaintResponsibleId: input.complaintResponsibleId,
    complaintResolution: resolution,
  };
}

/** A card a note can concern; one already on the note may stay even from the recycle bin. */
function checkCard(db: Db, id: string, alreadyOnNote: boolean): CardRow {
  const row = stmt(
    db,
    `select id, type, display_name as displayName, deleted_at as deletedAt, merged_into as mergedInto
     from cards where id = ?`,
  ).get(id) as (CardRow & { deletedAt: string | null; mergedInto: string | null }) | undefined;
  if (!row) throw invalidInput(`Kart bulunamadı (${id}).`, { cardIds: `Kart bulunamadı (${id})` });
  if (row.mergedInto) {
    const message = `"${row.displayName}" başka bir kartla birleştirildi; notu birleşen karta yazın.`;
    throw invalidInput(message, { cardIds: message });
  }
  if (row.deletedAt && !alreadyOnNote) {
    const message = `"${row.displayName}" çöp kutusunda; önce kartı geri yükleyin.`;
    throw invalidInput(message, { cardIds: message });
  }
  return { id: row.id, type: row.type, displayName: row.displayName };
}

function checkUser(db: Db, id: string, field: string, what: string): void {
  if (!stmt(db, 'select 1 from users where id = ?').get(id)) {
    throw invalidInput(`${what} olarak seçilen kullanıcı bulunamadı (${id}).`, { [field]: 'Kullanıcı bulunamadı' });
  }
}

/** New notes take only reasons in use; a note keeps the reason it has even once archived. */
function checkReason(db: Db, id: string, alreadyOnNote: boolean): void {
  const reason = stmt(db, 'select name, archived_at as archivedAt from note_reasons where id = ?').get(id) as
    { name: string; archivedAt: string | null } | undefined;
  if (!reason) throw invalidInput(`Görüşme nedeni bulunamadı (${id}).`, { reasonId: 'Görüşme nedeni bulunamadı' });
  if (reason.archivedAt && !alreadyOnNote) {
    const message = `"${reason.name}" görüşme nedeni arşivlendi; başka bir neden seçin.`;
    throw invalidInput(message, { reasonId: message });
  }
}

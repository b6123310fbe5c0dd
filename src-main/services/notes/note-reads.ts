import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import type { NoteOut, NoteSummary } from '../../../src-shared/contract/notes';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { followUpsOfNote } from '../followups/followup-reads';

/** How long a list excerpt is (characters of the plain text). */
export const EXCERPT_LENGTH = 200;

export interface NoteRow {
  id: string;
  kind: NoteOut['kind'];
  title: string;
  happenedAt: string;
  durationMinutes: number | null;
  reasonId: string | null;
  reasonName: string | null;
  channel: NoteOut['channel'];
  bodyHtml: string;
  bodyText: string;
  complaintStatus: NoteOut['complaintStatus'];
  responsibleId: string | null;
  responsibleName: string | null;
  complaintResolution: string | null;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  updatedAt: string;
  deletedAt: string | null;
  readAt: string | null;
}

/**
 * A note as one reader sees it: the first parameter of every statement built on this is the reader's user id
 * (read state is per reader).
 */
export const SELECT_NOTE = `select
    (select nr.read_at from note_reads nr where nr.note_id = n.id and nr.user_id = ?) as readAt,
    n.id, n.kind, n.title, n.happened_at as happenedAt, n.duration_minutes as durationMinutes,
    n.reason_id as reasonId, r.name as reasonName, n.channel, n.body_html as bodyHtml, n.body_text as bodyText,
    n.complaint_status as complaintStatus, n.complaint_responsible_id as responsibleId, ru.name as responsibleName,
    n.complaint_resolution as complaintResolution, n.created_at as createdAt, n.created_by as createdById,
    cu.name as createdByName, n.updated_at as updatedAt, n.deleted_at as deletedAt
  from notes n
  left join note_reasons r on r.id = n.reason_id
  left join users ru on ru.id = n.complaint_responsible_id
  left join users cu on cu.id = n.created_by`;

/** The note's cards, merged-away ones excluded (a merge moves the link to the survivor). */
export function cardsOfNote(db: Db, noteId: string): NoteOut['cards'] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from note_cards nc join cards c on c.id = nc.card_id
     where nc.note_id = ? and c.merged_into is null order by c.sort_key`,
  ).all(noteId) as NoteOut['cards'];
}

export function staffOfNote(db: Db, noteId: string): NoteOut['staff'] {
  const staff = stmt(
    db,
    'select u.id, u.name from note_staff ns join users u on u.id = ns.user_id where ns.note_id = ?',
  ).all(noteId) as NoteOut['staff'];
  return staff.sort((a, b) => (turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1));
}

/** Live documents attached to the note, first attached first. */
export function documentsOfNote(db: Db, noteId: string): NoteOut['documents'] {
  return stmt(
    db,
    `select d.id, d.name, d.mime_type as mimeType, d.size
     from note_documents nd join documents d on d.id = nd.document_id
     where nd.note_id = ? and d.deleted_at is null order by nd.created_at, d.id`,
  ).all(noteId) as NoteOut['documents'];
}

function toSummaryBase(db: Db, row: NoteRow): Omit<NoteOut, 'bodyHtml' | 'followUps'> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    happenedAt: row.happenedAt,
    durationMinutes: row.durationMinutes,
    reason: row.reasonId && row.reasonName ? { id: row.reasonId, name: row.reasonName } : null,
    channel: row.channel,
    bodyText: row.bodyText,
    cards: cardsOfNote(db, row.id),
    staff: staffOfNote(db, row.id),
    documents: documentsOfNote(db, row.id),
    complaintStatus: row.complaintStatus,
    complaintResponsible:
      row.responsibleId && row.responsibleName ? { id: row.responsibleId, name: row.responsibleName } : null,
    complaintResolution: row.complaintResolution,
    readAt: row.readAt,
    createdAt: row.createdAt,
    createdBy: row.createdById && row.createdByName ? { id: row.createdById, name: row.createdByName } : null,
    updatedAt: row.updatedAt,
    deleted: row.deletedAt !== null,
  };
}

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** A note as `readerId` sees it (when they read it), also from the recycle bin (the UI shows it as deleted). */
export function getNote(db: Db, id: string, readerId: string): NoteOut {
  const row = stmt(db, `${SELECT_NOTE} where n.id = ?`).get(readerId, id) as NoteRow | undefined;
  if (!row) throw notFound(`Görüşme notu (${id})`);
  return { ...toSummaryBase(db, row), bodyHtml: row.bodyHtml, followUps: followUpsOfNote(db, row.id) };
}

/** The list form of a note: without its HTML and follow-ups, with the start of its text. */
export function toSummary(db: Db, row: NoteRow): NoteSummary {
  return { ...toSummaryBase(db, row), excerpt: excerptOf(row.bodyText) };
}

export interface NoteListInput {
  cardId?: string | undefined;
  kind?: NoteOut['kind'] | undefined;
  complaintStatus?: NonNullable<NoteOut['complaintStatus']> | undefined;
  offset: number;
  limit: number;
}

/** Notes not in the recycle bin, newest meeting first, with `readerId`'s read state. */
export function listNotes(db: Db, input: NoteListInput, readerId: string): { notes: NoteSummary[]; total: number } {
  const where = ['n.deleted_at is null'];
  const params: (string | number)[] = [];
  if (input.cardId) {
    where.push('n.id in (select note_id from note_cards where card_id = ?)');
    params.push(input.cardId);
  }
  if (input.kind) {
    where.push('n.kind = ?');
    params.push(input.kind);
  }
  if (input.complaintStatus) {
    where.push('n.complaint_status = ?');
    params.push(input.complaintStatus);
  }
  const filter = where.join(' and ');
  const { total } = stmt(db, `select count(*) as total from notes n where ${filter}`).get(...params) as {
    total: number;
  };
  const rows = stmt(db, `${SELECT_NOTE} where ${filter} order by n.happened_at desc, n.id desc limit ? offset ?`).all(
    readerId,
    ...params,
    input.limit,
    input.offset,
  ) as NoteRow[];
  return { notes: rows.map((row) => toSummary(db, row)), total };
}

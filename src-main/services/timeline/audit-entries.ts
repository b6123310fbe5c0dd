import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { TimelineCursor, TimelineEntry, TimelineKind } from '../../../src-shared/contract/timeline';
import { changedFields } from './changed-fields';

const PREFIX = 'audit:';

/** The icon group of each audit action; actions not listed (yet) are 'other'. */
const KIND_OF_ACTION: Record<string, TimelineKind> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  restore: 'restored',
  link: 'linked',
  update_link: 'linked',
  relate: 'linked',
  unlink: 'unlinked',
  unrelate: 'unlinked',
  merge: 'merged',
  unmerge: 'merged',
  import: 'imported',
  profile_add: 'profile',
  profile_update: 'profile',
  profile_remove: 'profile',
  set_criteria: 'criteria',
  set_tags: 'criteria',
  note: 'note',
  document_add: 'document',
  document_remove: 'document',
  document_version: 'document',
  document_rename: 'document',
  document_tags: 'document',
  note_delete: 'note',
  note_restore: 'note',
  // The planner's modules: their rows read as the thing they are about.
  follow_up_add: 'note',
  follow_up_done: 'note',
  follow_up_cancel: 'note',
  follow_up_reopen: 'note',
  follow_up_move: 'note',
  follow_up_hand_over: 'note',
  task_add: 'task',
  task_change: 'task',
  task_status: 'task',
  task_snooze: 'task',
  task_reassign: 'task',
  task_checklist: 'task',
  task_comment: 'task',
  task_delete: 'task',
  task_restore: 'task',
  event_add: 'event',
  event_change: 'event',
  event_delete: 'event',
  event_restore: 'event',
  event_import: 'event',
  calendar_save: 'event',
  calendar_archive: 'event',
  mail_file: 'mail',
  mail_unlink: 'mail',
  mail_address_add: 'changed',
};

interface AuditRow {
  id: string;
  at: string;
  action: string;
  before: string | null;
  after: string | null;
  userName: string | null;
}

type Json = Record<string, unknown>;
type OtherCard = { type: CardType; id: string; storedName?: string | undefined };

/**
 * Written or changed notes, new tasks and events show as themselves (their modules' providers); the history tab
 * keeps these rows.
 */
const SHOWN_BY_THEIR_MODULE = "('note_add', 'note_change', 'task_add', 'event_add')";

const NEWEST = `select a.id, a.at, a.action, a.before, a.after, u.name as userName
  from audit_log a left join users u on u.id = a.user_id
  where a.entity_id = ? and a.action not in ${SHOWN_BY_THEIR_MODULE}`;
// The index (entity_id, at) finds the range; the id breaks ties inside one millisecond.
const BEFORE = `${NEWEST} and a.at <= ? and (a.at < ? or ('${PREFIX}' || a.id) < ?)`;
const ORDER = `order by a.at desc, a.id desc limit ?`;

/**
 * The card's audit log as timeline entries: created, changed (which fields),
 * linked/unlinked and related/unrelated (with the other card), deleted,
 * restored, notes, and the actions of the modules still to come (merge,
 * import, profile, criteria), which the UI words by their action's name.
 */
export function auditEntries(
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
): TimelineEntry[] {
  const rows = (
    before
      ? stmt(db, `${BEFORE} ${ORDER}`).all(cardId, before.at, before.at, before.id, limit)
      : stmt(db, `${NEWEST} ${ORDER}`).all(cardId, limit)
  ) as AuditRow[];
  const parsed = rows.map((row) => ({ row, before: parse(row.before), after: parse(row.after) }));
  const others = parsed.map((p) => otherCard(cardId, p.row.action, p.before, p.after));
  const names = currentNames(
    db,
    others.flatMap((o) => (o ? [o.id] : [])),
  );
  return parsed.map(({ row, before: old, after: now }, i) => {
    const entry: TimelineEntry = {
      id: PREFIX + row.id,
      at: row.at,
      kind: KIND_OF_ACTION[row.action] ?? 'other',
      title: row.action,
      action: row.action,
    };
    if (row.userName) entry.userName = row.userName;
    const other = others[i];
    const label = other && (names.get(other.id) ?? other.storedName);
    if (other && label) entry.link = { type: other.type, id: other.id, label };
    const fields = fieldsOf(row.action, old, now);
    if (fields.length > 0) entry.fields = fields;
    const detail = detailOf(row.action, old, now);
    if (detail) entry.detail = detail;
    return entry;
  });
}

function parse(text: string | null): Json | undefined {
  if (text === null) return undefined;
  const value = JSON.parse(text) as unknown;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The card on the other side of a link or relation, as the audit row names it. */
function otherCard(
  cardId: string,
  action: string,
  old: Json | undefined,
  now: Json | undefined,
): OtherCard | undefined {
  const row = now ?? old;
  if (!row) return undefined;
  if (action === 'link' || action === 'update_link' || action === 'unlink') {
    return row.personId === cardId
      ? { type: 'institution', id: String(row.institutionId), storedName: text(row.institutionTitle) }
      : { type: 'person', id: String(row.personId), storedName: text(row.personName) };
  }
  if (action === 'relate' || action === 'unrelate') {
    return { type: 'institution', id: String(row.fromId === cardId ? row.toId : row.fromId) };
  }
  return undefined;
}

function fieldsOf(action: string, old: Json | undefined, now: Json | undefined): string[] {
  if (action === 'update' || action === 'update_link') return changedFields(old, now);
  return [];
}

/**
 * The second line: a link's role, a relation's note, a note's text, or for
 * actions of other modules the name of what they touched (a hobby, a tag).
 */
function detailOf(action: string, old: Json | undefined, now: Json | undefined): string | undefined {
  const row = now ?? old;
  if (!row) return undefined;
  if (action === 'link' || action === 'update_link' || action === 'unlink') {
    return [text(row.role), text(row.department)].filter(Boolean).join(' · ') || undefined;
  }
  if (action === 'relate' || action === 'unrelate') return text(row.note);
  if (action === 'create' || action === 'update' || action === 'delete' || action === 'restore') return undefined;
  for (const key of ['text', 'name', 'label', 'tag', 'title', 'displayName']) {
    const value = text(row[key]);
    if (value) return value;
  }
  return undefined;
}

/** Today's names of the cards entries point to (a renamed firm shows its new name). */
function currentNames(db: Db, ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = stmt(db, 'select id, display_name as name from cards where id in (select value from json_each(?))').all(
    JSON.stringify(unique),
  ) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

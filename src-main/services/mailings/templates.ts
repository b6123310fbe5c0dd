/** Mail and SMS templates: reusable subjects and bodies with placeholders, refused when one is unknown. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { writeAudit } from '../audit/audit-log';
import type { CallOutput, ParsedInput } from '../../../src-shared/contract';
import type { Channel } from '../../../src-shared/contract/mailings';
import { notFound } from '../../../src-shared/contract/errors';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { assertKnownPlaceholders } from './render/placeholders';

type TemplateOut = CallOutput<'mail.templates.save'>;
type Stamp = { userId: string; at: string };

const COLUMNS = 'id, name, channel, subject, body, updated_at as updatedAt';

export function listTemplates(db: Db, channel: Channel | undefined): TemplateOut[] {
  const rows = (
    channel
      ? stmt(db, `select ${COLUMNS} from mail_templates where deleted_at is null and channel = ?`).all(channel)
      : stmt(db, `select ${COLUMNS} from mail_templates where deleted_at is null`).all()
  ) as TemplateOut[];
  return rows
    .map((r) => ({ r, key: turkishSortKey(r.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.r);
}

function getTemplate(db: Db, id: string): TemplateOut {
  const row = stmt(db, `select ${COLUMNS} from mail_templates where id = ? and deleted_at is null`).get(id) as
    TemplateOut | undefined;
  if (!row) throw notFound('Şablon');
  return row;
}

export function saveTemplate(db: Db, input: ParsedInput<'mail.templates.save'>, stamp: Stamp): TemplateOut {
  const f = input.fields;
  assertKnownPlaceholders({ 'fields.subject': f.subject, 'fields.body': f.body });
  return writeTransaction(db, () => {
    const before = input.id ? getTemplate(db, input.id) : undefined;
    const id = input.id ?? newId();
    if (before) {
      stmt(
        db,
        'update mail_templates set name = ?, channel = ?, subject = ?, body = ?, updated_at = ? where id = ?',
      ).run(f.name, f.channel, f.subject, f.body, stamp.at, id);
    } else {
      stmt(
        db,
        `insert into mail_templates (id, name, channel, subject, body, created_at, updated_at, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, f.name, f.channel, f.subject, f.body, stamp.at, stamp.at, stamp.userId);
    }
    const after = getTemplate(db, id);
    writeAudit(db, { ...stamp, action: 'template_save', entityType: 'mail_template', entityId: id, before, after });
    return after;
  });
}

export function removeTemplate(db: Db, id: string, stamp: Stamp): void {
  writeTransaction(db, () => {
    const before = getTemplate(db, id);
    stmt(db, 'update mail_templates set deleted_at = ?, updated_at = ? where id = ?').run(stamp.at, stamp.at, id);
    writeAudit(db, { ...stamp, action: 'template_delete', entityType: 'mail_template', entityId: id, before });
  });
}

/** mail.get: one mail in full, with its conversation. */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { notFound } from '../../../../src-shared/contract/errors';
import type { MailDetail } from '../../../../src-shared/contract/mail';
import { people, SUMMARY_COLUMNS, toSummaries, type SummaryRow } from './mail-summaries';
import { readableHtml } from './mail-html';
import { isBodyQueued } from '../ingest/body-queue';

/** A long conversation shows its newest this many mails. */
const MAX_THREAD = 200;

export async function getMail(db: Db, userId: string, id: string): Promise<MailDetail> {
  const row = stmt(
    db,
    `select ${SUMMARY_COLUMNS}, m.cc_json as ccJson, m.body_text as bodyText, m.body_html_source as bodyHtmlSource,
       m.message_id_header as messageIdHeader,
       m.parse_problems as parseProblems
     from mail_messages m where m.id = @id and m.deleted_at is null`,
  ).get({ id, userId }) as
    | (SummaryRow & {
        ccJson: string;
        bodyText: string;
        /** Not safe as it is: only readableHtml's result leaves main. */
        bodyHtmlSource: string | null;
        messageIdHeader: string | null;
        parseProblems: string | null;
      })
    | undefined;
  if (!row) throw notFound('E-posta');
  const [summary] = toSummaries(db, [row]);
  const bodyPending = isBodyQueued(db, id);
  const attachments = stmt(
    db,
    `select a.document_id as documentId, a.file_name as fileName, a.content_type as contentType, a.size
     from mail_attachments a join documents d on d.id = a.document_id
     where a.message_id = ? and a.content_id is null and d.deleted_at is null order by a.position`,
  ).all(id) as MailDetail['attachments'];
  const threadRows = row.threadId
    ? (stmt(
        db,
        `select * from (select ${SUMMARY_COLUMNS} from mail_messages m
           where m.thread_id = @threadId and m.id <> @id and m.deleted_at is null
           order by m.received_at desc limit ${MAX_THREAD}) order by receivedAt`,
      ).all({ threadId: row.threadId, id, userId }) as SummaryRow[])
    : [];
  const thread = toSummaries(db, threadRows);
  // Everything read from the database above, before the wait: a large HTML part is sanitised in a worker.
  const html = await readableHtml(row.id, row.bodyHtmlSource);
  return {
    ...summary!,
    cc: people(row.ccJson),
    text: row.bodyText,
    ...html,
    attachments,
    messageIdHeader: row.messageIdHeader,
    parseProblems: row.parseProblems,
    bodyPending,
    thread,
    senderAddress: row.direction === 'in' ? row.fromAddress : null,
  };
}

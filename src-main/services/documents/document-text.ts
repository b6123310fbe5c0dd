/** Reading a document's extracted text, and putting a failed one back in the queue. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import { DOCUMENT_TEXT_CHARS, type TextStatus } from '../../../src-shared/contract/documents';
import { TEXT_PAGE_BREAK } from './document-index';
import { documentRow, liveDocument } from './live-rows';

export interface DocumentText {
  status: TextStatus;
  reason: string | null;
  pages: string[];
  pageCount: number | null;
  truncated: boolean;
  extractor: string | null;
}

/**
 * The text of a document's current content, page by page. A very long text
 * (a scanned archive) is cut after `limit` characters, mid-page if need be,
 * and says so: the preview shows the start, search still covers all of it.
 */
export function documentText(db: Db, id: string, limit = DOCUMENT_TEXT_CHARS): DocumentText {
  const row = stmt(
    db,
    `select d.text_status as status, d.text_error as reason, t.status as textRowStatus,
       substr(t.text, 1, ?) as text, length(t.text) as length, t.page_count as pageCount, t.extractor
     from documents d left join blob_texts t on t.sha256 = d.sha256 where d.id = ?`,
  ).get(limit, id) as
    | {
        status: TextStatus;
        reason: string | null;
        textRowStatus: string | null;
        text: string | null;
        length: number | null;
        pageCount: number | null;
        extractor: string | null;
      }
    | undefined;
  if (!row) throw notFound(`Belge (${id})`);
  const hasText = row.status === 'done' && row.textRowStatus === 'done' && row.text !== null;
  return {
    status: row.status,
    reason: row.reason,
    // substr() counts characters, so the cut never splits a letter; the page breaks inside it stay.
    pages: hasText ? row.text!.split(TEXT_PAGE_BREAK) : [],
    pageCount: row.textRowStatus === null ? null : row.pageCount,
    truncated: hasText && (row.length ?? 0) > limit,
    extractor: row.extractor,
  };
}

/**
 * One more try for a document whose extraction failed: it and every document
 * sharing its content wait again, the failed text row and the attempt count go.
 * Answers the documents now waiting.
 */
export function retryText(db: Db, id: string): string[] {
  return writeTransaction(db, () => {
    const document = liveDocument(db, id);
    const status = (stmt(db, 'select text_status as status from documents where id = ?').get(id) as { status: string })
      .status;
    if (status !== 'failed') {
      throw invalidInput(
        `"${document.name}" için metin çıkarma başarısız olmadı; yalnızca başarısız olanlar yeniden denenir.`,
      );
    }
    stmt(db, `delete from blob_texts where sha256 = ? and status = 'failed'`).run(document.sha256);
    stmt(db, 'delete from text_extraction_attempts where sha256 = ?').run(document.sha256);
    const waiting = stmt(db, `select id from documents where sha256 = ? and text_status = 'failed'`).all(
      document.sha256,
    ) as { id: string }[];
    stmt(
      db,
      `update documents set text_status = 'pending', text_error = null where sha256 = ? and text_status = 'failed'`,
    ).run(document.sha256);
    return waiting.map((d) => d.id);
  });
}

/** Live documents waiting for the extraction job. */
export function pendingCount(db: Db): number {
  return (
    stmt(db, `select count(*) as n from documents where text_status = 'pending' and deleted_at is null`).get() as {
      n: number;
    }
  ).n;
}

/** Live documents whose extraction failed (each can be retried). */
export function failedCount(db: Db): number {
  return (
    stmt(db, `select count(*) as n from documents where text_status = 'failed' and deleted_at is null`).get() as {
      n: number;
    }
  ).n;
}

/** The document a password is for: it must exist and be locked. */
export function lockedDocument(db: Db, id: string) {
  const document = documentRow(db, id);
  if (!document) throw notFound(`Belge (${id})`);
  const { status } = stmt(db, 'select text_status as status from documents where id = ?').get(id) as { status: string };
  if (status !== 'locked') throw invalidInput(`"${document.name}" parolalı değil; parola gerekmiyor.`);
  return document;
}

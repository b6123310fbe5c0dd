/**
 * The extraction queue lives in the database, so it survives a crash: every
 * live document still `pending` whose content has no text row yet is work, one
 * piece per distinct content. Results are written per content, once, however
 * many documents share it.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { indexDocument, TEXT_PAGE_BREAK } from '../../services/documents/document-index';
import type { TextStatus } from '../../../src-shared/contract/documents';
import type { ExtractResult } from './extract-types';

export interface QueueItem {
  sha256: string;
  /** The first document waiting for this content: named in progress reports. */
  documentId: string;
  name: string;
  mimeType: string;
}

/** A content that took the process down this many times is not tried again. */
export const MAX_UNFINISHED_ATTEMPTS = 3;
export const GAVE_UP_REASON = `Bu dosya işlenirken uygulama ${MAX_UNFINISHED_ATTEMPTS} kez durdu; metni çıkarılmadı. Belge saklandı ve açılabilir.`;

/** The oldest waiting content (optionally only for some documents: the CLI waits for the file it just added). */
export function nextQueueItem(db: Db, onlyDocumentIds?: readonly string[]): QueueItem | undefined {
  return stmt(
    db,
    `select d.sha256, d.id as documentId, d.name, d.mime_type as mimeType
     from documents d
     where d.text_status = 'pending' and d.deleted_at is null
       and not exists (select 1 from blob_texts t where t.sha256 = d.sha256)
       and (@ids is null or d.id in (select value from json_each(@ids)))
     order by d.created_at, d.id limit 1`,
  ).get({ ids: onlyDocumentIds ? JSON.stringify(onlyDocumentIds) : null }) as QueueItem | undefined;
}

/**
 * Counts the attempt before the work starts: if the process dies in the
 * middle, the count stays, and a content that did so MAX times is given up.
 */
export function beginAttempt(db: Db, sha256: string, at: string): 'go' | 'gave-up' {
  return writeTransaction(db, () => {
    const row = stmt(db, 'select attempts from text_extraction_attempts where sha256 = ?').get(sha256) as
      { attempts: number } | undefined;
    if (row && row.attempts >= MAX_UNFINISHED_ATTEMPTS) return 'gave-up';
    stmt(
      db,
      `insert into text_extraction_attempts (sha256, attempts, last_started_at) values (?, 1, ?)
       on conflict (sha256) do update set attempts = attempts + 1, last_started_at = excluded.last_started_at`,
    ).run(sha256, at);
    return 'go';
  });
}

/** A clean stop is not a crash: the attempt it interrupted does not count. */
export function undoAttempt(db: Db, sha256: string): void {
  writeTransaction(db, () => {
    stmt(db, 'update text_extraction_attempts set attempts = attempts - 1 where sha256 = ?').run(sha256);
    stmt(db, 'delete from text_extraction_attempts where sha256 = ? and attempts <= 0').run(sha256);
  });
}

export interface SavedText {
  sha256: string;
  status: TextStatus;
  /** The documents whose status changed (their search rows are rewritten). */
  documentIds: string[];
}

/**
 * Stores a content's text and hands its status to every document with that
 * content, in one transaction: text row, statuses, search rows, and the
 * attempts row gone. `replace` overwrites an existing text row (unlocking a
 * locked file); otherwise a row written meanwhile wins and is only handed on.
 */
export function saveResult(
  db: Db,
  sha256: string,
  result: ExtractResult,
  at: string,
  options: { replace?: boolean } = {},
): SavedText {
  const pages = result.status === 'done' ? result.pages.map((page) => page.replaceAll(TEXT_PAGE_BREAK, '\n')) : [];
  const extractor = 'extractor' in result ? (result.extractor ?? null) : null;
  const reason = result.status === 'done' ? null : result.reason;
  return writeTransaction(db, () => {
    stmt(
      db,
      `insert into blob_texts (sha256, status, text, page_count, reason, extractor, extracted_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (sha256) do ${
         options.replace
           ? `update set status = excluded.status, text = excluded.text, page_count = excluded.page_count,
                reason = excluded.reason, extractor = excluded.extractor, extracted_at = excluded.extracted_at`
           : 'nothing'
       }`,
    ).run(
      sha256,
      result.status,
      pages.join(TEXT_PAGE_BREAK),
      result.status === 'done' ? pages.length : null,
      reason,
      extractor,
      at,
    );
    const saved = applyTextRow(db, sha256);
    stmt(db, 'delete from text_extraction_attempts where sha256 = ?').run(sha256);
    return saved;
  });
}

/**
 * Gives every document with this content the status of its text row (inside
 * the caller's transaction), and rewrites their search rows.
 */
export function applyTextRow(db: Db, sha256: string): SavedText {
  const row = stmt(db, 'select status, reason from blob_texts where sha256 = ?').get(sha256) as {
    status: TextStatus;
    reason: string | null;
  };
  const changed = stmt(
    db,
    `select id from documents where sha256 = ? and (text_status is not ? or text_error is not ?)`,
  ).all(sha256, row.status, row.reason) as { id: string }[];
  const update = stmt(db, 'update documents set text_status = ?, text_error = ? where id = ?');
  for (const { id } of changed) {
    update.run(row.status, row.reason, id);
    indexDocument(db, id);
  }
  return { sha256, status: row.status, documentIds: changed.map((d) => d.id) };
}

/**
 * Documents left `pending` although their content already has text (written
 * by something that did not look): they take that text now, without a run.
 */
export function settleKnownContents(db: Db): SavedText[] {
  const shas = stmt(
    db,
    `select distinct d.sha256 from documents d join blob_texts t on t.sha256 = d.sha256
     where d.text_status = 'pending'`,
  ).all() as { sha256: string }[];
  if (shas.length === 0) return [];
  return writeTransaction(db, () => shas.map(({ sha256 }) => applyTextRow(db, sha256)));
}

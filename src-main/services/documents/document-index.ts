import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity, unindexEntity } from '../search/search-index';

/** Pages in blob_texts.text are joined by form feeds, as pdftotext writes them. */
export const TEXT_PAGE_BREAK = '\f';

/**
 * Rewrites a document's row in the global search index from what the database
 * now holds: its name and tags as the title (ranked above body text), the text
 * of its current content page by page as the body. Call inside the transaction
 * of every write that changes any of these (filing, renaming, tags, a new
 * version, extracted text, the recycle bin).
 */
export function indexDocument(db: Db, documentId: string): void {
  const doc = stmt(
    db,
    `select d.id, d.name, d.sha256, d.deleted_at as deletedAt, d.created_by as createdBy, d.created_at as createdAt,
       t.status as textStatus, t.text
     from documents d left join blob_texts t on t.sha256 = d.sha256 where d.id = ?`,
  ).get(documentId) as
    | {
        id: string;
        name: string;
        deletedAt: string | null;
        createdBy: string | null;
        createdAt: string;
        textStatus: string | null;
        text: string | null;
      }
    | undefined;
  if (!doc) {
    unindexEntity(db, documentId);
    return;
  }
  const tags = stmt(db, 'select tag from document_tags where document_id = ? order by tag').all(documentId) as {
    tag: string;
  }[];
  indexEntity(db, {
    type: 'document',
    id: doc.id,
    title: [doc.name, ...tags.map((t) => t.tag)].join(' '),
    body: '',
    pages: doc.textStatus === 'done' && doc.text ? doc.text.split(TEXT_PAGE_BREAK) : [],
    deleted: doc.deletedAt !== null,
    ownerId: doc.createdBy,
    datedAt: doc.createdAt,
  });
}

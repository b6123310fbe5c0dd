/**
 * Tags on documents ("Sözleşme", "Fatura 2026"). Like card tags, a tag has one
 * spelling across the documents: "sozlesme" typed on a second document joins the
 * "Sözleşme" already in use. Tags are part of a document's search title.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { invalidInput } from '../../../src-shared/contract/errors';
import { MAX_DOCUMENT_TAGS, MAX_DOCUMENT_TAG_LENGTH } from '../../../src-shared/contract/documents';
import { byTurkishName, spellAsExisting, tidyTag, uniqueByFold } from '../../../src-shared/domain/tag-spelling';
import { writeAudit } from '../audit/audit-log';
import { indexDocument } from './document-index';
import type { Actor, DocumentChange } from './document-writes';
import { cardsOfDocument, liveDocument } from './live-rows';

export function tagsOfDocument(db: Db, documentId: string): string[] {
  return (stmt(db, 'select tag from document_tags where document_id = ?').all(documentId) as { tag: string }[])
    .map((r) => r.tag)
    .sort(byTurkishName);
}

/**
 * Refuses a blank or too long tag by name (the contract already does for the
 * hosts; this keeps direct callers such as the CLI or importers honest), then
 * keeps the first spelling of each folded form.
 */
function checkedTags(documentName: string, tags: readonly string[]): string[] {
  for (const raw of tags) {
    const tag = tidyTag(raw);
    if (!tag)
      throw invalidInput(`"${documentName}" belgesine boş bir etiket eklenemez.`, { tags: 'Etiket boş olamaz' });
    if (tag.length > MAX_DOCUMENT_TAG_LENGTH) {
      throw invalidInput(
        `"${tag.slice(0, 40)}…" etiketi çok uzun: en fazla ${MAX_DOCUMENT_TAG_LENGTH} karakter olabilir.`,
        { tags: `En fazla ${MAX_DOCUMENT_TAG_LENGTH} karakter` },
      );
    }
  }
  const kept = uniqueByFold(tags);
  if (kept.length > MAX_DOCUMENT_TAGS) {
    throw invalidInput(`Bir belgede en fazla ${MAX_DOCUMENT_TAGS} etiket olabilir (${kept.length} verildi).`, {
      tags: `En fazla ${MAX_DOCUMENT_TAGS} etiket`,
    });
  }
  return kept;
}

/** Spellings other documents use, the most used first (so it wins if two ever slipped in). */
function spellingsElsewhere(db: Db, documentId: string): string[] {
  return (
    stmt(db, `select tag from document_tags where document_id <> ? group by tag order by count(*) desc, tag`).all(
      documentId,
    ) as { tag: string }[]
  ).map((r) => r.tag);
}

/**
 * Replaces a document's tags. The change is written to the history of every
 * card the document is filed on, and the document's search row is rewritten in
 * the same transaction so a search for the new tag finds it at once.
 */
export function setDocumentTags(db: Db, actor: Actor, input: { id: string; tags: readonly string[] }): DocumentChange {
  return writeTransaction(db, () => {
    const document = liveDocument(db, input.id);
    const wanted = checkedTags(document.name, input.tags);
    const before = tagsOfDocument(db, document.id);
    // Spelled as other documents spell it; otherwise as typed. This document's own old spelling is no
    // guide: on the only document using "fatura", correcting it to "Fatura" must stick.
    const after = uniqueByFold(spellAsExisting(wanted, spellingsElsewhere(db, document.id))).sort(byTurkishName);
    if (JSON.stringify(before) === JSON.stringify(after)) return { documentId: document.id, cards: [] };
    stmt(db, 'delete from document_tags where document_id = ?').run(document.id);
    const insert = stmt(db, 'insert into document_tags (document_id, tag) values (?, ?)');
    for (const tag of after) insert.run(document.id, tag);
    stmt(db, 'update documents set updated_at = ? where id = ?').run(actor.at, document.id);
    const cards = cardsOfDocument(db, document.id);
    for (const card of cards) {
      writeAudit(db, {
        ...actor,
        action: 'document_tags',
        entityType: card.type,
        entityId: card.id,
        before: { documentId: document.id, name: document.name, tags: before },
        after: { documentId: document.id, name: document.name, tags: after },
      });
    }
    indexDocument(db, document.id);
    return { documentId: document.id, cards };
  });
}

/** Every tag on documents not in the recycle bin, with how many carry it, in Turkish order. */
export function listDocumentTags(db: Db): { tags: { tag: string; count: number }[] } {
  const rows = stmt(
    db,
    `select t.tag, count(*) as count from document_tags t join documents d on d.id = t.document_id
     where d.deleted_at is null group by t.tag`,
  ).all() as { tag: string; count: number }[];
  return { tags: rows.sort((a, b) => byTurkishName(a.tag, b.tag)) };
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { DocumentDetail, DocumentSummary } from '../../../src-shared/contract/documents';
import { byTurkishName } from '../../../src-shared/domain/tag-spelling';
import { readBlobRange } from './blob-store';
import { cardsOfDocument, documentRow } from './live-rows';

type SummaryRow = Omit<DocumentSummary, 'cards' | 'tags'> & { tagsJson: string };

const SUMMARY = `select d.id, d.name, d.mime_type as mimeType, d.size, d.source, d.text_status as textStatus,
    d.text_error as textError,
    (select json_group_array(tag) from (select tag from document_tags where document_id = d.id order by tag)) as tagsJson,
    d.created_at as createdAt, u.name as createdByName, d.updated_at as updatedAt,
    (select count(*) from document_versions v where v.document_id = d.id) as versionCount
  from documents d left join users u on u.id = d.created_by`;

function withTags({ tagsJson, ...row }: SummaryRow): Omit<DocumentSummary, 'cards'> {
  // SQL orders by bytes ("İ" after "Z"); people read the Turkish alphabet.
  return { ...row, tags: (JSON.parse(tagsJson) as string[]).sort(byTurkishName) };
}

/** A card's documents, most recently filed first; `cards` lists only the other cards each one is on. */
export function documentsForCard(db: Db, cardId: string): DocumentSummary[] {
  if (!stmt(db, 'select 1 from cards where id = ?').get(cardId)) throw notFound(`Kart (${cardId})`);
  const rows = stmt(
    db,
    `${SUMMARY} join document_cards dc on dc.document_id = d.id
     where dc.card_id = ? and d.deleted_at is null
     order by dc.created_at desc, d.id desc`,
  ).all(cardId) as SummaryRow[];
  return rows.map((row) => ({
    ...withTags(row),
    cards: cardsOfDocument(db, row.id).filter((card) => card.id !== cardId),
  }));
}

export function getDocument(db: Db, id: string): DocumentDetail {
  const row = stmt(db, `${SUMMARY} where d.id = ?`).get(id) as SummaryRow | undefined;
  const stored = documentRow(db, id);
  if (!row || !stored) throw notFound(`Belge (${id})`);
  const versions = stmt(
    db,
    `select v.version, v.name, v.mime_type as mimeType, v.size, v.sha256, v.created_at as createdAt,
       u.name as createdByName
     from document_versions v left join users u on u.id = v.created_by
     where v.document_id = ? order by v.version desc`,
  ).all(id) as DocumentDetail['versions'];
  return {
    ...withTags(row),
    cards: cardsOfDocument(db, id),
    sha256: stored.sha256,
    deleted: stored.deletedAt !== null,
    versions,
  };
}

/** One piece of a document's bytes (current version, or the one asked for) as base64. */
export function readDocument(
  db: Db,
  input: { id: string; version?: number | undefined; offset: number; length: number },
) {
  const document = documentRow(db, input.id);
  if (!document) throw notFound(`Belge (${input.id})`);
  let content = { name: document.name, mimeType: document.mimeType, size: document.size, sha256: document.sha256 };
  if (input.version !== undefined) {
    const version = stmt(
      db,
      `select name, mime_type as mimeType, size, sha256 from document_versions where document_id = ? and version = ?`,
    ).get(document.id, input.version) as typeof content | undefined;
    if (!version) throw notFound(`"${document.name}" belgesinin ${input.version}. sürümü`);
    content = version;
  }
  if (input.offset > content.size) {
    throw invalidInput(`"${content.name}" ${content.size} bayt; ${input.offset}. bayttan okunamaz.`);
  }
  const bytes = readBlobRange(db, content.sha256, input.offset, input.length);
  return {
    data: bytes.toString('base64'),
    size: content.size,
    done: input.offset + bytes.length >= content.size,
    name: content.name,
    mimeType: content.mimeType,
  };
}

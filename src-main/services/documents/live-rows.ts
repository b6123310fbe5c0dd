import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';

export interface CardRow {
  id: string;
  type: CardType;
  displayName: string;
}

export interface DocumentRow {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  deletedAt: string | null;
}

/** A card documents can be filed on: it exists, is not in the recycle bin and was not merged away. */
export function liveCard(db: Db, cardId: string): CardRow {
  const row = stmt(
    db,
    `select id, type, display_name as displayName, deleted_at as deletedAt, merged_into as mergedInto
     from cards where id = ?`,
  ).get(cardId) as (CardRow & { deletedAt: string | null; mergedInto: string | null }) | undefined;
  if (!row) throw notFound(`Kart (${cardId})`);
  if (row.mergedInto) {
    throw invalidInput(`"${row.displayName}" başka bir kartla birleştirildi; belgeyi birleşen karta ekleyin.`);
  }
  if (row.deletedAt) throw invalidInput(`"${row.displayName}" çöp kutusunda; önce kartı geri yükleyin.`);
  return { id: row.id, type: row.type, displayName: row.displayName };
}

export function documentRow(db: Db, id: string): DocumentRow | undefined {
  return stmt(
    db,
    `select id, name, mime_type as mimeType, size, sha256, deleted_at as deletedAt from documents where id = ?`,
  ).get(id) as DocumentRow | undefined;
}

/** A document that is filed somewhere (not in the recycle bin). */
export function liveDocument(db: Db, id: string): DocumentRow {
  const row = documentRow(db, id);
  if (!row) throw notFound(`Belge (${id})`);
  if (row.deletedAt) throw invalidInput(`"${row.name}" hiçbir karta bağlı değil, çöp kutusunda.`);
  return row;
}

/** The live cards a document is filed on. */
export function cardsOfDocument(db: Db, documentId: string): CardRow[] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from document_cards dc join cards c on c.id = dc.card_id
     where dc.document_id = ? and c.deleted_at is null and c.merged_into is null
     order by c.sort_key`,
  ).all(documentId) as CardRow[];
}

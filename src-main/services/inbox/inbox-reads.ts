import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { TextStatus } from '../../../src-shared/contract/documents';
import type { InboxItem } from '../../../src-shared/contract/inbox';
import { readReason } from './suggestion-reasons';

interface ItemRow {
  id: string;
  filePath: string;
  foundAt: string;
  documentId: string;
  name: string;
  mimeType: string;
  size: number;
  textStatus: TextStatus;
  folderId: string;
  folderPath: string;
  folderLabel: string | null;
  reason: string | null;
  cardId: string | null;
  cardType: CardType | null;
  cardName: string | null;
}

/** Files waiting to be filed, newest first (a waiting inbox is small: it is emptied as it is worked through). */
export function listInbox(db: Db): InboxItem[] {
  const rows = stmt(
    db,
    `select i.id, i.file_path as filePath, i.created_at as foundAt,
       d.id as documentId, d.name, d.mime_type as mimeType, d.size, d.text_status as textStatus,
       f.id as folderId, f.path as folderPath, f.label as folderLabel,
       i.suggestion_reason as reason, c.id as cardId, c.type as cardType, c.display_name as cardName
     from inbox_items i
     join documents d on d.id = i.document_id
     join watched_folders f on f.id = i.folder_id
     left join cards c on c.id = i.suggested_card_id and c.deleted_at is null and c.merged_into is null
     where i.state is null and d.deleted_at is null
     order by i.created_at desc, i.id desc`,
  ).all() as ItemRow[];
  return rows.map((row) => {
    const read = row.reason ? readReason(row.reason) : null;
    return {
      id: row.id,
      document: {
        id: row.documentId,
        name: row.name,
        mimeType: row.mimeType,
        size: row.size,
        textStatus: row.textStatus,
      },
      folder: { id: row.folderId, path: row.folderPath, label: row.folderLabel },
      filePath: row.filePath,
      foundAt: row.foundAt,
      // A suggested card since put in the recycle bin is no suggestion any more.
      suggestion:
        read && row.cardId && row.cardType && row.cardName
          ? {
              card: { id: row.cardId, type: row.cardType, displayName: row.cardName },
              ...read,
              reason: row.reason!,
            }
          : null,
    };
  });
}

export function waitingCount(db: Db): number {
  return (
    stmt(
      db,
      `select count(*) as n from inbox_items i join documents d on d.id = i.document_id
       where i.state is null and d.deleted_at is null`,
    ).get() as { n: number }
  ).n;
}

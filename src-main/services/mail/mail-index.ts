/**
 * A mail's row in global search: the subject as the title, the people (names and addresses) and the text as the
 * body. The text does not name the mail's cards, so renaming a card leaves mail rows as they are (no card-index
 * hook is needed); mail is found by its own words and addresses.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity } from '../search/search-index';

/** The body text indexed at most (a 2 MB mail is found by its first 200 KB). */
const MAX_INDEXED_TEXT = 200 * 1024;

interface PersonJson {
  name?: string;
  address?: string;
}

export function indexMail(db: Db, messageId: string): void {
  const row = stmt(
    db,
    `select id, subject, from_name as fromName, from_address as fromAddress, to_json as toJson, cc_json as ccJson,
       body_text as bodyText, received_at as receivedAt, deleted_at as deletedAt from mail_messages where id = ?`,
  ).get(messageId) as
    | {
        id: string;
        subject: string;
        fromName: string | null;
        fromAddress: string | null;
        toJson: string;
        ccJson: string;
        bodyText: string;
        receivedAt: string;
        deletedAt: string | null;
      }
    | undefined;
  if (!row) return;
  const people = [...parsePeople(row.toJson), ...parsePeople(row.ccJson)]
    .map((p) => `${p.name ?? ''} ${p.address ?? ''}`)
    .join(' ');
  indexEntity(db, {
    type: 'mail',
    id: row.id,
    title: row.subject,
    body: `${row.fromName ?? ''} ${row.fromAddress ?? ''} ${people}\n${row.bodyText.slice(0, MAX_INDEXED_TEXT)}`,
    deleted: row.deletedAt !== null,
    ownerId: null,
    datedAt: row.receivedAt,
  });
}

function parsePeople(json: string): PersonJson[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as PersonJson[]).slice(0, 200) : [];
  } catch {
    return [];
  }
}

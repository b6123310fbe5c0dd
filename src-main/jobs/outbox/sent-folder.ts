/**
 * Putting a copy of a sent mail into the account's sent folder (IMAP APPEND), as a mail program does. Idempotent:
 * a copy already there (searched by Message-ID) is not appended again, so a retry after a lost answer or a crash
 * leaves one copy. Best effort: the mail went out whatever happens here; SMTP is never retried because of it.
 */
import type { ImapFlow } from 'imapflow';

export async function appendSentCopy(
  client: ImapFlow,
  folder: string,
  raw: Buffer,
  messageId: string,
): Promise<'appended' | 'already-there'> {
  const lock = await client.getMailboxLock(folder);
  try {
    const found = await client.search({ header: { 'message-id': `<${messageId}>` } }, { uid: true });
    if (Array.isArray(found) && found.length > 0) return 'already-there';
  } finally {
    lock.release();
  }
  await client.append(folder, raw, ['\\Seen']);
  return 'appended';
}

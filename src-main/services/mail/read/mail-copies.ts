/**
 * One mail, several copies: the same message (same Message-ID) reaches a firm more than once — sent to two of its
 * accounts, copied to a colleague, kept in Sent and in a colleague's INBOX. Each copy stays a row (each account's
 * record of where it sits on its server), but a card shows the mail once, and reading one copy reads them all.
 */

/**
 * SQL: the mail `m`, linked to a card through `link` (a mail_message_cards alias), is a later copy of a mail
 * already on that card (an earlier stored copy with the same Message-ID). Ids are time-ordered (UUIDv7), so
 * "earlier" is the smaller id. Mail without a Message-ID is never a copy.
 */
export function laterCopyOnCard(link: string): string {
  return `exists (select 1 from mail_message_cards oc join mail_messages o on o.id = oc.message_id
    where oc.card_id = ${link}.card_id and o.message_id_header = m.message_id_header and o.id < m.id
    and o.deleted_at is null)`;
}

/** SQL: the ids of every copy of the mail whose id is the named parameter @id (itself included). */
export const COPIES_OF = `select c.id from mail_messages c where c.id = @id or c.message_id_header =
  (select x.message_id_header from mail_messages x where x.id = @id)`;

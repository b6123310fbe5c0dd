/**
 * Which cards a mail belongs to. In order of strength: an exact address on a live card (persons and institutions
 * alike, any of their addresses), otherwise the address's domain on an institution (never a public provider:
 * an address at gmail.com says nothing about the firm), and the conversation: a reply links to the cards of the
 * mail it answers. A card found by a stronger rule keeps that rule as its link kind.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { isPublicSuffix, PUBLIC_MAIL_DOMAINS } from '../../../../src-shared/domain/mail-domains';
import type { MailLinkKind } from '../../../../src-shared/contract/mail';

export interface CardLink {
  cardId: string;
  linkKind: MailLinkKind;
  address: string | null;
}

/** More addresses than this on one mail (a mailing list's To) are not all looked up. */
const MAX_ADDRESSES = 200;

export function linksByAddress(db: Db, addresses: readonly string[], ownAddresses: readonly string[]): CardLink[] {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))].filter((a) => a && !own.has(a));
  const links: CardLink[] = [];
  const exact = stmt(
    db,
    `select e.card_id as cardId from emails e join cards c on c.id = e.card_id
     where e.address = ? and c.deleted_at is null and c.merged_into is null order by e.card_id`,
  );
  const byDomain = stmt(
    db,
    `select d.card_id as cardId from institution_domains d join cards c on c.id = d.card_id
     where d.domain = ? and c.deleted_at is null and c.merged_into is null order by d.card_id`,
  );
  for (const address of wanted.slice(0, MAX_ADDRESSES)) {
    const found = exact.all(address) as { cardId: string }[];
    if (found.length) {
      for (const { cardId } of found) links.push({ cardId, linkKind: 'address', address });
      continue;
    }
    for (const domain of domainsToTry(address)) {
      const institutions = byDomain.all(domain) as { cardId: string }[];
      if (institutions.length === 0) continue;
      for (const { cardId } of institutions) links.push({ cardId, linkKind: 'domain', address });
      break;
    }
  }
  return links;
}

/**
 * mail.firma.com.tr → firma.com.tr (never shorter than two labels, never a public provider, never a public suffix:
 * com.tr is everyone's, so an institution that somehow holds it must not collect all .com.tr mail).
 */
export function domainsToTry(address: string): string[] {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (!domain || PUBLIC_MAIL_DOMAINS.has(domain)) return [];
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i + 2 <= labels.length && out.length < 4; i++) {
    const candidate = labels.slice(i).join('.');
    if (PUBLIC_MAIL_DOMAINS.has(candidate) || isPublicSuffix(candidate)) break;
    out.push(candidate);
  }
  return out;
}

export interface ThreadMatch {
  /** The conversation key (see conversationKey). */
  threadId: string;
  links: CardLink[];
}

interface ThreadHeaders {
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: readonly string[];
}

/**
 * A conversation's key, the same whatever order its mails are stored in (a scan reads newest first, so replies
 * often come before what they answer): the root Message-ID — the first of References, else In-Reply-To, else the
 * mail's own Message-ID (it starts a conversation), else its row id.
 */
export function conversationKey(mail: ThreadHeaders, id: string): string {
  return mail.references[0] ?? mail.inReplyTo ?? mail.messageIdHeader ?? id;
}

/**
 * The mail's conversation and the cards of the mails already stored in it (those it answers, and any stored under
 * the same key: a reply stored before this original). A reply with only In-Reply-To (no References) to a stored
 * mail joins that mail's conversation, since its own key would be the middle of someone else's thread.
 */
export function threadOf(db: Db, mail: ThreadHeaders, id: string): ThreadMatch {
  const answered = [...new Set([...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])])].slice(-100);
  let threadId = conversationKey(mail, id);
  if (mail.references.length === 0 && mail.inReplyTo) {
    const parent = stmt(
      db,
      'select thread_id as threadId from mail_messages where message_id_header = ? and deleted_at is null limit 1',
    ).get(mail.inReplyTo) as { threadId: string | null } | undefined;
    if (parent?.threadId) threadId = parent.threadId;
  }
  // The lists travel as JSON so each statement's text is fixed and prepared once (not once per mail).
  const rows = stmt(
    db,
    `select id from mail_messages where deleted_at is null and id <> ? and (thread_id = ?
     or message_id_header in (select value from json_each(?))) limit 500`,
  ).all(id, threadId, JSON.stringify(answered)) as { id: string }[];
  if (rows.length === 0) return { threadId, links: [] };
  const cards = stmt(
    db,
    `select distinct mc.card_id as cardId from mail_message_cards mc join cards c on c.id = mc.card_id
     where mc.message_id in (select value from json_each(?)) and c.deleted_at is null and c.merged_into is null`,
  ).all(JSON.stringify(rows.map((r) => r.id))) as { cardId: string }[];
  return { threadId, links: cards.map(({ cardId }) => ({ cardId, linkKind: 'thread', address: null })) };
}

/** One link per card, the strongest kind winning (the order links were found in). */
export function mergeLinks(...groups: CardLink[][]): CardLink[] {
  const byCard = new Map<string, CardLink>();
  for (const link of groups.flat()) if (!byCard.has(link.cardId)) byCard.set(link.cardId, link);
  return [...byCard.values()];
}

/** Writes the links of a stored mail (existing ones are kept as they were). */
export function writeLinks(db: Db, messageId: string, links: readonly CardLink[]): void {
  const insert = stmt(
    db,
    `insert into mail_message_cards (message_id, card_id, link_kind, address) values (?, ?, ?, ?)
     on conflict (message_id, card_id) do nothing`,
  );
  for (const link of links) insert.run(messageId, link.cardId, link.linkKind, link.address);
}

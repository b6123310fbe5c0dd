/**
 * Which cards a mail belongs to. In order of strength: an exact address on a live card (persons and institutions
 * alike, any of their addresses), otherwise the address's domain on an institution (never a public provider:
 * an address at gmail.com says nothing about the firm), and the conversation: a reply links to the cards of the
 * mail it answers. A card found by a stronger rule keeps that rule as its link kind.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { PUBLIC_MAIL_DOMAINS } from '../../../../src-shared/domain/mail-domains';
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

/** mail.firma.com.tr → firma.com.tr (never shorter than two labels, never a public provider). */
export function domainsToTry(address: string): string[] {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (!domain || PUBLIC_MAIL_DOMAINS.has(domain)) return [];
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i + 2 <= labels.length && out.length < 4; i++) {
    const candidate = labels.slice(i).join('.');
    if (PUBLIC_MAIL_DOMAINS.has(candidate)) break;
    out.push(candidate);
  }
  return out;
}

export interface ThreadMatch {
  /** The thread the mail joins (the first stored mail's id), or null when it starts one. */
  threadId: string | null;
  links: CardLink[];
}

/** The stored mails this one answers (In-Reply-To / References), their thread and their cards. */
export function threadOf(db: Db, ids: readonly string[], exceptId?: string): ThreadMatch {
  const unique = [...new Set(ids)].slice(-100);
  if (unique.length === 0) return { threadId: null, links: [] };
  const rows = db.$client
    .prepare(
      `select id, coalesce(thread_id, id) as threadId from mail_messages
       where message_id_header in (${unique.map(() => '?').join(',')}) and deleted_at is null
       order by received_at`,
    )
    .all(...unique) as { id: string; threadId: string }[];
  const found = rows.filter((r) => r.id !== exceptId);
  if (found.length === 0) return { threadId: null, links: [] };
  const cards = db.$client
    .prepare(
      `select distinct mc.card_id as cardId from mail_message_cards mc join cards c on c.id = mc.card_id
       where mc.message_id in (${found.map(() => '?').join(',')}) and c.deleted_at is null and c.merged_into is null`,
    )
    .all(...found.map((r) => r.id)) as { cardId: string }[];
  return {
    threadId: found[0]!.threadId,
    links: cards.map(({ cardId }) => ({ cardId, linkKind: 'thread', address: null })),
  };
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

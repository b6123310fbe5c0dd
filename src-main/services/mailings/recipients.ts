/**
 * Who a send reaches and at which address: a card's primary e-mail that has not bounced, or its mobile phone in
 * E.164; a bare address typed by hand; the live members of a segment. Those who cannot be reached come back with
 * the reason, so the preview lists them and the mailing's record keeps them.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { Channel } from '../../../src-shared/contract/mailings';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { segmentFilter } from '../segments/segment-filter';
import type { RecipientFacts } from './render/placeholders';

export interface Resolved {
  cardId: string | null;
  name: string;
  /** Lower-case e-mail or E.164; null when there is none (then `skipReason` says why). */
  address: string | null;
  facts: RecipientFacts;
  skipReason: string | null;
}

interface CardRow {
  id: string;
  type: 'person' | 'institution';
  displayName: string;
  honorific: string | null;
  gender: 'female' | 'male' | null;
  firstName: string | null;
  lastName: string | null;
  title: string | null;
}

const CARD_SQL = `select c.id, c.type, c.display_name as displayName, p.honorific, p.gender, p.first_name as firstName,
  p.last_name as lastName, i.title
  from cards c left join persons p on p.card_id = c.id left join institutions i on i.card_id = c.id
  where c.id = ? and c.deleted_at is null`;

function cardRow(db: Db, id: string): CardRow | undefined {
  return stmt(db, CARD_SQL).get(id) as CardRow | undefined;
}

/** The person's institution for {kurum}: the primary link, else a current one, else the oldest. */
function institutionOf(db: Db, personId: string): string | null {
  const row = stmt(
    db,
    `select i.title from affiliations f join cards ic on ic.id = f.institution_id and ic.deleted_at is null
     join institutions i on i.card_id = f.institution_id
     where f.person_id = ? order by f.is_primary desc, (f.end_date is null) desc, f.created_at limit 1`,
  ).get(personId) as { title: string } | undefined;
  return row?.title ?? null;
}

function factsOf(db: Db, card: CardRow): RecipientFacts {
  if (card.type === 'institution') return { kind: 'institution', name: card.displayName, institution: card.title };
  return {
    kind: 'person',
    honorific: card.honorific,
    gender: card.gender,
    firstName: card.firstName,
    lastName: card.lastName,
    name: card.displayName,
    institution: institutionOf(db, card.id),
  };
}

/** The card's address for the channel, or why it has none. */
function cardAddress(db: Db, cardId: string, channel: Channel): { address: string | null; skipReason: string | null } {
  if (channel === 'email') {
    const rows = stmt(
      db,
      'select address, bounced_at as bouncedAt from emails where card_id = ? order by is_primary desc, position',
    ).all(cardId) as { address: string; bouncedAt: string | null }[];
    const usable = rows.find((r) => !r.bouncedAt);
    if (usable) return { address: usable.address.toLowerCase(), skipReason: null };
    return { address: null, skipReason: rows.length > 0 ? 'e-posta adresi geri döndü (bounce)' : 'e-posta adresi yok' };
  }
  const phone = stmt(
    db,
    `select e164 from phones where card_id = ? and e164 is not null and (kind = 'mobile' or e164 like '+905%')
     order by (kind = 'mobile') desc, position limit 1`,
  ).get(cardId) as { e164: string } | undefined;
  return phone ? { address: phone.e164, skipReason: null } : { address: null, skipReason: 'cep telefonu yok' };
}

/**
 * The card's facts for rendering at send time, binned or not: the recipient was fixed at the start, and a card
 * deleted since still deserves its own salutation. Null when the card is gone altogether.
 */
export function factsForSending(db: Db, cardId: string): RecipientFacts | null {
  const card = stmt(db, CARD_SQL.replace(' and c.deleted_at is null', '')).get(cardId) as CardRow | undefined;
  return card ? factsOf(db, card) : null;
}

/** A card as a recipient (its own address for the channel); null when the card does not exist or is deleted. */
export function resolveCard(db: Db, cardId: string, channel: Channel): Resolved | null {
  const card = cardRow(db, cardId);
  if (!card) return null;
  return { cardId, name: card.displayName, facts: factsOf(db, card), ...cardAddress(db, cardId, channel) };
}

/** A typed address or number, checked for the channel: the normalised form, or null when it cannot be one. */
export function normaliseAddress(raw: string, channel: Channel): string | null {
  const text = raw.trim();
  if (channel === 'sms') return normalisePhone(text).e164;
  return /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(text) ? text.toLowerCase() : null;
}

/** The recipients of a single send, in the order given; refuses unknown cards and unreadable addresses by row. */
export function resolveGiven(
  db: Db,
  to: { cardId?: string | undefined; address?: string | undefined; name?: string | undefined }[],
  channel: Channel,
): Resolved[] {
  const fields: Record<string, string> = {};
  const out = to.map((r, i): Resolved | null => {
    const given = r.address ? normaliseAddress(r.address, channel) : null;
    if (r.address && !given) {
      fields[`to.${i}.address`] =
        channel === 'sms'
          ? `"${r.address}" bir telefon numarası olarak okunamadı`
          : `"${r.address}" geçerli bir e-posta adresi değil`;
      return null;
    }
    if (r.cardId) {
      const card = resolveCard(db, r.cardId, channel);
      if (!card) {
        fields[`to.${i}.cardId`] = 'Kart bulunamadı (silinmiş olabilir)';
        return null;
      }
      const name = r.name ?? card.name;
      return given ? { ...card, name, address: given, skipReason: null } : { ...card, name };
    }
    if (!given) {
      fields[`to.${i}.address`] =
        channel === 'sms' ? 'Telefon numarası ya da kart gerekli' : 'Adres ya da kart gerekli';
      return null;
    }
    const name = r.name ?? '';
    return { cardId: null, name: name || given, address: given, facts: { kind: 'address', name }, skipReason: null };
  });
  const first = Object.values(fields)[0];
  if (first) throw invalidInput(`Alıcı: ${first}.`, fields);
  return out as Resolved[];
}

/**
 * The segment's live members now, in Turkish name order, each resolved; members sharing an address (a couple
 * with one mailbox) get it once: the later ones are recorded as skipped, so no one gets it twice.
 */
export function resolveSegment(
  db: Db,
  segmentId: string,
  channel: Channel,
  today: string,
): { name: string; members: Resolved[] } {
  const name = (
    stmt(db, 'select name from segments where id = ? and deleted_at is null').get(segmentId) as
      { name: string } | undefined
  )?.name;
  if (name === undefined) throw notFound('Segment');
  const { cardType, where } = segmentFilter(db, segmentId, today);
  const ids = db.$client
    .prepare(
      `select c.id from cards c where c.type = ? and c.deleted_at is null and (${where.sql}) order by c.sort_key, c.id`,
    )
    .pluck()
    .all(cardType, ...where.params) as string[];
  const seen = new Set<string>();
  const members = ids.flatMap((id) => {
    const r = resolveCard(db, id, channel);
    if (!r) return [];
    if (r.address && seen.has(r.address))
      return [{ ...r, skipReason: `aynı adres başka bir alıcıda var (${r.address})`, address: null }];
    if (r.address) seen.add(r.address);
    return [r];
  });
  return { name, members };
}

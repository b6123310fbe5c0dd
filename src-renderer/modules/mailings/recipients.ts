import { z } from 'zod';
import type { Channel } from '../../../src-shared/contract/mailings';
import type { emailOut, phoneOut } from '../../../src-shared/contract/cards';
import { normalisePhone } from '../../../src-shared/domain/phone';

type Email = z.infer<typeof emailOut>;
type Phone = z.infer<typeof phoneOut>;

/** The card a compose starts from, with what it can be reached at. */
export interface ComposeCard {
  id: string;
  displayName: string;
  emails: Email[];
  phones: Phone[];
}

/** One recipient on screen; `address` empty means "the card's primary address/mobile", chosen by main. */
export interface Recipient {
  key: string;
  cardId?: string;
  name: string;
  address: string;
}

/** What a card can be reached at on a channel: its e-mails (primary first) or its mobiles (numbers otherwise). */
export function cardAddresses(card: ComposeCard, channel: Channel): { address: string; label: string }[] {
  if (channel === 'email')
    return [...card.emails]
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
      .map((e) => ({ address: e.address, label: e.address }));
  return card.phones.filter((p) => p.kind === 'mobile').map((p) => ({ address: p.e164 ?? p.number, label: p.display }));
}

/** The recipients a compose from a card starts with: the card's first address on the channel. */
export function startRecipients(card: ComposeCard | undefined, channel: Channel): Recipient[] {
  if (!card) return [];
  const first = cardAddresses(card, channel)[0];
  if (!first) return [];
  return [{ key: `${card.id}:${first.address}`, cardId: card.id, name: card.displayName, address: first.address }];
}

const email = z.email();

/** A typed address or number, checked for the channel; null with the reason's key when it is not one. */
export function readAddress(raw: string, channel: Channel): { address: string } | { problem: 'badEmail' | 'badPhone' } {
  const value = raw.trim();
  if (channel === 'email') {
    const lower = value.toLowerCase();
    return email.safeParse(lower).success ? { address: lower } : { problem: 'badEmail' };
  }
  const { e164 } = normalisePhone(value);
  return e164 ? { address: e164 } : { problem: 'badPhone' };
}

export const sameRecipient = (a: Recipient, b: Recipient) =>
  a.address && b.address ? a.address === b.address : a.cardId === b.cardId && !a.address && !b.address;

/** The contract's recipient: a card with its chosen address, a card alone (main picks), or a bare address. */
export function toRecipientInput(r: Recipient) {
  return {
    ...(r.cardId ? { cardId: r.cardId } : {}),
    ...(r.address ? { address: r.address } : {}),
    name: r.name,
  };
}

/**
 * Who an attendee is, copied from where they come from: a person card (name, primary e-mail, first phone, primary
 * institution and role), a staff member (name, e-mail) or an outsider typed in. The copy is what the invitation and
 * the badge use, so a badge can be corrected without touching the card.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { ParsedInput } from '../../../src-shared/contract';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import { readContacts } from '../cards/contacts';
import { affiliationsOf } from '../cards/affiliation-rows';

export type AttendeeInput = ParsedInput<'agenda.addAttendees'>['attendees'][number];

export interface AttendeeDetails {
  kind: AttendeeOut['kind'];
  cardId: string | null;
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  institutionName: string | null;
  roleTitle: string | null;
}

/** Enough to refuse a typo that no mail server would take ("ayse@", "ayse kaya@x"). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const lowerEmail = (email: string | null | undefined) => (email ? email.trim().toLowerCase() : null);

/** A live person card's details; `field` names the input the message belongs under. */
export function personDetails(db: Db, cardId: string, field: string): AttendeeDetails {
  const card = stmt(db, 'select type, display_name as name, deleted_at as deletedAt from cards where id = ?').get(
    cardId,
  ) as { type: string; name: string; deletedAt: string | null } | undefined;
  if (!card || card.type !== 'person') {
    const message = `Kişi kartı bulunamadı (${cardId}).`;
    throw invalidInput(message, { [field]: message });
  }
  if (card.deletedAt) {
    const message = `«${card.name}» kartı çöp kutusunda; önce geri alın.`;
    throw invalidInput(message, { [field]: message });
  }
  const contacts = readContacts(db, cardId);
  const primaryLink = affiliationsOf(db, cardId, 'person')[0];
  return {
    kind: 'person',
    cardId,
    userId: null,
    name: card.name,
    email: lowerEmail((contacts.emails.find((e) => e.isPrimary) ?? contacts.emails[0])?.address),
    phone: contacts.phones[0]?.display ?? null,
    institutionName: primaryLink?.institutionTitle ?? null,
    roleTitle: primaryLink?.role ?? null,
  };
}

function staffDetails(db: Db, userId: string, field: string): AttendeeDetails {
  const user = stmt(db, 'select name, email from users where id = ?').get(userId) as
    { name: string; email: string | null } | undefined;
  if (!user) {
    const message = `Kullanıcı bulunamadı (${userId}).`;
    throw invalidInput(message, { [field]: message });
  }
  return {
    kind: 'staff',
    cardId: null,
    userId,
    name: user.name,
    email: lowerEmail(user.email),
    phone: null,
    institutionName: null,
    roleTitle: null,
  };
}

/** The details of one attendee of `agenda.addAttendees` (index `i` names the field of a refusal). */
export function attendeeDetails(db: Db, input: AttendeeInput, i: number): AttendeeDetails {
  switch (input.kind) {
    case 'person':
      return personDetails(db, input.cardId, `attendees.${i}.cardId`);
    case 'staff':
      return staffDetails(db, input.userId, `attendees.${i}.userId`);
    case 'external':
      if (input.email && !EMAIL_SHAPE.test(input.email)) {
        const message = `«${input.name}» için e-posta adresi geçerli değil: ${input.email}`;
        throw invalidInput(message, { [`attendees.${i}.email`]: message });
      }
      return {
        kind: 'external',
        cardId: null,
        userId: null,
        name: input.name,
        email: lowerEmail(input.email),
        phone: input.phone ?? null,
        institutionName: input.institutionName ?? null,
        roleTitle: input.roleTitle ?? null,
      };
  }
}

/**
 * What makes two attendees of one event the same one: the card, the user, or the e-mail address (a reply is
 * matched by its address, so two attendees with one address could not be told apart).
 */
export function identityKeys(a: Pick<AttendeeDetails, 'cardId' | 'userId' | 'email'>): string[] {
  return [
    a.cardId ? `card:${a.cardId}` : null,
    a.userId ? `user:${a.userId}` : null,
    a.email ? `email:${a.email}` : null,
  ].filter((k): k is string => k !== null);
}

import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { addressInput, emailInput, ibanInput, phoneInput } from '../../../src-shared/contract/cards';
import { formatIban } from '../../../src-shared/domain/tr-identifiers';
import type { CardStamp } from './card-rows';

export interface ContactsInput {
  phones: z.output<typeof phoneInput>[];
  emails: z.output<typeof emailInput>[];
  addresses: z.output<typeof addressInput>[];
  ibans: z.output<typeof ibanInput>[];
}

/** Checks what zod cannot: phone numbers must be readable as phone numbers. */
export function validateContacts(input: ContactsInput): void {
  const fields: Record<string, string> = {};
  input.phones.forEach((p, i) => {
    if (!normalisePhone(p.number).e164)
      fields[`phones.${i}.number`] = `"${p.number}" geçerli bir telefon numarası değil`;
  });
  const seen = new Set<string>();
  input.emails.forEach((e, i) => {
    if (seen.has(e.address)) fields[`emails.${i}.address`] = `${e.address} iki kez yazılmış`;
    seen.add(e.address);
  });
  const seenIbans = new Set<string>();
  input.ibans.forEach((b, i) => {
    if (seenIbans.has(b.iban)) fields[`ibans.${i}.iban`] = `${b.iban} iki kez yazılmış`;
    seenIbans.add(b.iban);
  });
  const keys = Object.keys(fields);
  if (keys.length) throw invalidInput(`Kart kaydedilemedi: ${fields[keys[0]!]}.`, fields);
}

/** Replaces a card's phones, e-mails, addresses and IBANs (the card form edits them as one). */
export function replaceContacts(db: Db, cardId: string, input: ContactsInput, stamp: CardStamp): void {
  stmt(db, 'delete from phones where card_id = ?').run(cardId);
  stmt(db, 'delete from emails where card_id = ?').run(cardId);
  stmt(db, 'delete from addresses where card_id = ?').run(cardId);
  stmt(db, 'delete from ibans where card_id = ?').run(cardId);
  const stamps = [stamp.at, stamp.at, stamp.userId];
  input.phones.forEach((p, position) => {
    stmt(
      db,
      `insert into phones (id, card_id, position, kind, number, e164, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), cardId, position, p.kind, p.number, normalisePhone(p.number).e164, ...stamps);
  });
  // Exactly one primary e-mail when there are any: the first marked one, else the first.
  const primaryIndex = Math.max(
    0,
    input.emails.findIndex((e) => e.isPrimary),
  );
  input.emails.forEach((e, position) => {
    stmt(
      db,
      `insert into emails (id, card_id, position, kind, address, is_primary, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), cardId, position, e.kind, e.address, position === primaryIndex ? 1 : 0, ...stamps);
  });
  input.addresses.forEach((a, position) => {
    stmt(
      db,
      `insert into addresses (id, card_id, position, kind, line, district, province, postal_code, country,
         created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      newId(),
      cardId,
      position,
      a.kind,
      a.line ?? null,
      a.district ?? null,
      a.province ?? null,
      a.postalCode ?? null,
      a.country ?? null,
      ...stamps,
    );
  });
  input.ibans.forEach((b, position) => {
    stmt(
      db,
      `insert into ibans (id, card_id, position, iban, bank_name, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), cardId, position, b.iban, b.bankName ?? null, ...stamps);
  });
}

type PhoneKind = z.output<typeof phoneInput>['kind'];
type EmailKind = z.output<typeof emailInput>['kind'];
type AddressKind = z.output<typeof addressInput>['kind'];

export function readContacts(db: Db, cardId: string) {
  const phoneRows = stmt(db, 'select id, kind, number, e164 from phones where card_id = ? order by position').all(
    cardId,
  ) as { id: string; kind: PhoneKind; number: string; e164: string | null }[];
  const emailRows = stmt(
    db,
    'select id, kind, address, is_primary as isPrimary from emails where card_id = ? order by position',
  ).all(cardId) as { id: string; kind: EmailKind; address: string; isPrimary: number }[];
  const addressRows = stmt(
    db,
    `select id, kind, line, district, province, postal_code as postalCode, country
     from addresses where card_id = ? order by position`,
  ).all(cardId) as {
    id: string;
    kind: AddressKind;
    line: string | null;
    district: string | null;
    province: string | null;
    postalCode: string | null;
    country: string | null;
  }[];
  const ibanRows = stmt(
    db,
    'select id, iban, bank_name as bankName from ibans where card_id = ? order by position',
  ).all(cardId) as { id: string; iban: string; bankName: string | null }[];
  return {
    phones: phoneRows.map((p) => ({ ...p, display: normalisePhone(p.number).display })),
    ibans: ibanRows.map((b) => ({ ...b, display: formatIban(b.iban) })),
    emails: emailRows.map((e) => ({ ...e, isPrimary: e.isPrimary === 1 })),
    addresses: addressRows,
  };
}

export type StoredContacts = ReturnType<typeof readContacts>;

/** Text of the contact details for the search index. */
export function contactsSearchText(c: StoredContacts): string {
  return [
    ...c.phones.flatMap((p) => {
      // Digits in the forms people type them: 05321234567, 5321234567, +905321234567.
      const digits = p.e164?.replace(/\D/g, '') ?? '';
      const national = digits.startsWith('90') ? digits.slice(2) : digits;
      return [...new Set([p.display, p.number, digits, national, national ? '0' + national : ''])];
    }),
    ...c.emails.map((e) => e.address),
    ...c.addresses.map((a) => [a.line, a.district, a.province, a.postalCode, a.country].filter(Boolean).join(' ')),
    ...c.ibans.map((b) => [b.iban, b.bankName].filter(Boolean).join(' ')),
  ].join(' ');
}

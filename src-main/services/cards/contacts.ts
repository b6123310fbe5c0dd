import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { addresses, emails, phones } from '../../db/schema';
import { newId } from '../../core/ids';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { addressInput, emailInput, phoneInput } from '../../../src-shared/contract/cards';
import type { CardStamp } from './card-rows';

export interface ContactsInput {
  phones: z.output<typeof phoneInput>[];
  emails: z.output<typeof emailInput>[];
  addresses: z.output<typeof addressInput>[];
}

/** Checks what zod cannot: phone numbers must be readable as phone numbers. */
export function validateContacts(input: ContactsInput): void {
  const fields: Record<string, string> = {};
  input.phones.forEach((p, i) => {
    if (!normalisePhone(p.number).e164) fields[`phones.${i}.number`] = `"${p.number}" geçerli bir telefon numarası değil`;
  });
  const seen = new Set<string>();
  input.emails.forEach((e, i) => {
    if (seen.has(e.address)) fields[`emails.${i}.address`] = `${e.address} iki kez yazılmış`;
    seen.add(e.address);
  });
  const keys = Object.keys(fields);
  if (keys.length) throw invalidInput(`Kart kaydedilemedi: ${fields[keys[0]!]}.`, fields);
}

/** Replaces a card's phones, e-mails and addresses (the card form edits them as one). */
export function replaceContacts(db: Db, cardId: string, input: ContactsInput, stamp: CardStamp): void {
  db.delete(phones).where(eq(phones.cardId, cardId)).run();
  db.delete(emails).where(eq(emails.cardId, cardId)).run();
  db.delete(addresses).where(eq(addresses.cardId, cardId)).run();
  const common = { cardId, createdAt: stamp.at, updatedAt: stamp.at, createdBy: stamp.userId };
  input.phones.forEach((p, position) => {
    const { e164 } = normalisePhone(p.number);
    db.insert(phones)
      .values({ id: newId(), position, kind: p.kind, number: p.number, e164, ...common })
      .run();
  });
  // Exactly one primary e-mail when there are any: the first marked one, else the first.
  const primaryIndex = Math.max(
    0,
    input.emails.findIndex((e) => e.isPrimary),
  );
  input.emails.forEach((e, position) => {
    db.insert(emails)
      .values({ id: newId(), position, kind: e.kind, address: e.address, isPrimary: position === primaryIndex, ...common })
      .run();
  });
  input.addresses.forEach((a, position) => {
    db.insert(addresses)
      .values({
        id: newId(),
        position,
        kind: a.kind,
        line: a.line ?? null,
        district: a.district ?? null,
        province: a.province ?? null,
        postalCode: a.postalCode ?? null,
        country: a.country ?? null,
        ...common,
      })
      .run();
  });
}

export function readContacts(db: Db, cardId: string) {
  const phoneRows = db.select().from(phones).where(eq(phones.cardId, cardId)).orderBy(asc(phones.position)).all();
  const emailRows = db.select().from(emails).where(eq(emails.cardId, cardId)).orderBy(asc(emails.position)).all();
  const addressRows = db
    .select()
    .from(addresses)
    .where(eq(addresses.cardId, cardId))
    .orderBy(asc(addresses.position))
    .all();
  return {
    phones: phoneRows.map((p) => ({
      id: p.id,
      kind: p.kind as z.output<typeof phoneInput>['kind'],
      number: p.number,
      e164: p.e164,
      display: normalisePhone(p.number).display,
    })),
    emails: emailRows.map((e) => ({
      id: e.id,
      kind: e.kind as z.output<typeof emailInput>['kind'],
      address: e.address,
      isPrimary: e.isPrimary,
    })),
    addresses: addressRows.map((a) => ({
      id: a.id,
      kind: a.kind as z.output<typeof addressInput>['kind'],
      line: a.line,
      district: a.district,
      province: a.province,
      postalCode: a.postalCode,
      country: a.country,
    })),
  };
}

/** Text of the contact details for the search index. */
export function contactsSearchText(c: ContactsInput): string {
  return [
    ...c.phones.flatMap((p) => {
      const n = normalisePhone(p.number);
      // Digits in the forms people type them: 05321234567, 5321234567, +905321234567.
      const digits = n.e164?.replace(/\D/g, '') ?? '';
      const national = digits.startsWith('90') ? digits.slice(2) : digits;
      return [p.number, n.display, digits, national, national ? '0' + national : ''];
    }),
    ...c.emails.map((e) => e.address),
    ...c.addresses.map((a) => [a.line, a.district, a.province, a.postalCode, a.country].filter(Boolean).join(' ')),
  ].join(' ');
}

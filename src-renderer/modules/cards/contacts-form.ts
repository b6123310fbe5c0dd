import type { Institution, Person, PersonFields } from '../../../src-shared/contract/cards';

/** A card's stored contact details as form values (null → undefined). */
export function contactsToForm(
  card: Person | Institution,
): Pick<PersonFields, 'phones' | 'emails' | 'addresses' | 'ibans'> {
  return {
    phones: card.phones.map((p) => ({ kind: p.kind, number: p.display })),
    emails: card.emails.map((e) => ({ kind: e.kind, address: e.address, isPrimary: e.isPrimary })),
    ibans: card.ibans.map((b) => ({ iban: b.display, bankName: b.bankName ?? undefined })),
    addresses: card.addresses.map((a) => ({
      kind: a.kind,
      line: a.line ?? undefined,
      district: a.district ?? undefined,
      province: a.province ?? undefined,
      postalCode: a.postalCode ?? undefined,
      country: a.country ?? undefined,
    })),
  };
}

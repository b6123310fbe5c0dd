import type { Institution, Person, PersonFields } from '../../../src-shared/contract/cards';
import { officialPlace } from '../../../src-shared/domain/tr-places';

/**
 * A stored address's il and ilçe as the form's selects know them: an imported
 * "ISTANBUL / KADIKOY" opens as "İstanbul / Kadıköy"; a name that is no
 * official il or ilçe is kept as it was (the select shows it too).
 */
function placeToForm(province: string | null, district: string | null) {
  if (!province) return { province: undefined, district: district ?? undefined };
  return officialPlace(province, district ?? undefined);
}

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
      ...placeToForm(a.province, a.district),
      postalCode: a.postalCode ?? undefined,
      country: a.country ?? undefined,
    })),
  };
}

/**
 * Words an office worker would type to find institutions of a kind
 * ("tedarikçi", "banka"); indexed with the institution in both languages.
 */
export const INSTITUTION_KIND_WORDS: Record<string, string> = {
  customer: 'müşteri customer',
  prospect: 'potansiyel aday prospect',
  supplier: 'tedarikçi supplier',
  subcontractor: 'taşeron alt yüklenici subcontractor',
  bank: 'banka bank',
  group_company: 'grup şirketi group company',
  other: '',
};

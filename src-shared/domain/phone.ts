import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface NormalisedPhone {
  /** E.164, e.g. +905321234567; null when the number cannot be read as a phone number. */
  e164: string | null;
  /** How a Turkish office writes it: "0532 123 45 67" at home, international otherwise. */
  display: string;
}

/** Reads a phone number the way people type it in Turkey (default region TR). */
export function normalisePhone(raw: string): NormalisedPhone {
  const parsed = parsePhoneNumberFromString(raw, 'TR');
  if (!parsed || !parsed.isPossible()) return { e164: null, display: raw.trim() };
  const display = parsed.country === 'TR' ? parsed.formatNational() : parsed.formatInternational();
  return { e164: parsed.number, display };
}

/**
 * The kind a Turkish number most likely is, for pre-filling the phone kind:
 * national numbers starting with 5 are mobiles, with 2, 3 or 4 landlines.
 * null when it cannot tell (foreign or unreadable numbers).
 */
export function likelyPhoneKind(raw: string): 'mobile' | 'work' | null {
  const { e164 } = normalisePhone(raw);
  if (!e164?.startsWith('+90')) return null;
  const first = e164.charAt(3);
  if (first === '5') return 'mobile';
  if (first === '2' || first === '3' || first === '4') return 'work';
  return null;
}

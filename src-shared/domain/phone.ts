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

import { randomInt } from 'node:crypto';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

/**
 * Letters and digits nobody confuses when reading a code off a badge or typing it from an SMS:
 * no 0/O, 1/I/L. 31^8 ≈ 8.5·10^11 codes, so a guessed code almost never hits anyone.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

const MAX_TRIES = 20;

function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A fresh code no attendee of any event has (call inside the transaction that inserts it). */
export function newAttendeeCode(db: Db): string {
  const taken = stmt(db, 'select 1 from event_attendees where code = ?');
  for (let i = 0; i < MAX_TRIES; i++) {
    const code = randomCode();
    if (!taken.get(code)) return code;
  }
  // Twenty collisions in a row means the random source is broken, not that the space is full.
  throw new Error('Katılımcı kodu üretilemedi: rastgele sayı kaynağı hatalı.');
}

/**
 * The codes a typed or scanned text may stand for, most likely first: upper-case with spaces, dashes and other
 * separators dropped (people type "k7m2-p9qx"); a scanner that adds a prefix or suffix (an AIM identifier, a
 * check character) leaves the code at one end of the text.
 */
export function codeCandidates(text: string): string[] {
  const plain = text.toLocaleUpperCase('en-US').replace(/[^0-9A-Z]/g, '');
  const candidates = [plain];
  if (plain.length > CODE_LENGTH) candidates.push(plain.slice(0, CODE_LENGTH), plain.slice(-CODE_LENGTH));
  return [...new Set(candidates)].filter((c) => c.length > 0);
}

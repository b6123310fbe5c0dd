import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per run: whoever has it (the URL fragment the host printed) may call the contract. */
export const newSecret = (): string => crypto.randomBytes(24).toString('base64url');

export const SECRET_HEADER = 'x-kartotek-secret';

/** Constant-time comparison, so the secret cannot be guessed byte by byte from timings. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Only our own names for the loopback address are accepted in Host: a page on
 * some other site that resolves its name to 127.0.0.1 (DNS rebinding) is refused.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site POSTs; when present it must be ourselves. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

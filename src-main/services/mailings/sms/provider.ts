/**
 * An SMS provider: one HTTP API that takes a number, a text and an approved sender name and answers with its own
 * message id, or says why not. A permanent failure (bad number, refused sender, no credit) is not retried; a
 * temporary one (network, the provider busy) is.
 */
export interface SmsMessage {
  /** E.164, e.g. +905321112233. */
  to: string;
  text: string;
  sender: string;
}

export interface SmsCredentials {
  apiUrl: string;
  username: string;
  password: string;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

/** Why a provider did not take a message; `permanent` says whether trying again could help. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export const SMS_TIMEOUT_MS = 15_000;

export const basicAuth = (c: SmsCredentials) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;

/** fetch with a timeout; a network failure is temporary and worded without the credentials. */
export async function post(url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new SmsSendError(`SMS sağlayıcısına ulaşılamadı (${cause})`, false);
  }
}

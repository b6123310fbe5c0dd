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

/**
 * Whose problem a failure is: this recipient's (the row fails or waits), the account's (credentials, sender name,
 * the provider unreachable: the account waits, rows untouched), or unanswered (the request went out and no answer
 * came: the message may have been sent, so the row becomes uncertain).
 */
export type SmsFailureScope = 'recipient' | 'account' | 'unanswered';

/** Why a provider did not take a message; `permanent` says whether trying again could help. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly scope: SmsFailureScope = 'recipient',
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export const SMS_TIMEOUT_MS = 15_000;

export const basicAuth = (c: SmsCredentials) =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;

/**
 * fetch with a timeout, worded without the credentials. No connection is the account's problem (nothing went out);
 * a timeout after the request was sent may have delivered it (unanswered).
 */
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
    if ((err as Error).name === 'TimeoutError' || cause === 'UND_ERR_SOCKET')
      throw new SmsSendError(`SMS sağlayıcısı yanıt vermedi (${cause})`, false, 'unanswered');
    throw new SmsSendError(`SMS sağlayıcısına ulaşılamadı (${cause})`, false, 'account');
  }
}

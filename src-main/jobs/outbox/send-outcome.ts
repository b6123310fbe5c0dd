/**
 * What a failed send means for the row and for the account. The rule: only the recipient's own refusal (5xx at
 * RCPT or DATA) fails a row; anything about the account (cannot connect, EHLO, login refused, a timeout before the
 * message was handed over, the account disabled or removed) leaves the row untouched and the account waits; no
 * answer after the message was handed over makes the row uncertain (it may have gone out, so it is never retried
 * on its own).
 */
import { SmsSendError } from '../../services/mailings/sms/provider';

/** The account cannot send now (disabled, removed, no password): the account waits, rows stay as they are. */
export class AccountUnavailable extends Error {}

/** This one message cannot be built (a missing attachment): the row fails with the reason, nothing was sent. */
export class MessageUnbuildable extends Error {}

export type SendOutcome =
  | { kind: 'failed'; message: string }
  | { kind: 'retry'; message: string }
  | { kind: 'account'; message: string }
  | { kind: 'uncertain'; message: string };

const RECIPIENT_STAGES = new Set(['RCPT TO', 'DATA']);

/** `handedOver`: the server had said 354 to DATA (the message was on its way) when the error came. */
export function classifySendError(err: unknown, handedOver: boolean): SendOutcome {
  if (err instanceof AccountUnavailable) return { kind: 'account', message: err.message };
  if (err instanceof MessageUnbuildable) return { kind: 'failed', message: err.message };
  if (err instanceof SmsSendError) {
    if (err.scope === 'account') return { kind: 'account', message: err.message };
    if (err.scope === 'unanswered') return { kind: 'uncertain', message: unanswered(err.message) };
    return { kind: err.permanent ? 'failed' : 'retry', message: err.message };
  }
  const e = err as { response?: string; responseCode?: number; command?: string; message?: string; code?: string };
  if (e.responseCode) {
    const sentence = e.response ?? e.message ?? String(e.responseCode);
    if (RECIPIENT_STAGES.has(e.command ?? '') || e.code === 'EENVELOPE' || e.code === 'EMESSAGE') {
      if (e.command === 'MAIL FROM') return { kind: 'account', message: `Gönderen reddedildi: ${sentence}` };
      return { kind: e.responseCode >= 500 ? 'failed' : 'retry', message: sentence };
    }
    return { kind: 'account', message: accountSentence(e.command, sentence) };
  }
  const detail = `${e.code ?? 'bağlantı hatası'}${e.message ? `: ${e.message}` : ''}`;
  if (handedOver) return { kind: 'uncertain', message: unanswered(`bağlantı koptu (${detail})`) };
  return { kind: 'account', message: `Sunucuya bağlanılamadı (${detail})` };
}

const unanswered = (why: string) => `Yanıt alınamadı, iletinin ulaşıp ulaşmadığı bilinmiyor: ${why}`;

function accountSentence(command: string | undefined, sentence: string): string {
  if (command?.startsWith('AUTH')) return `Sunucu kullanıcı adını ya da parolayı kabul etmedi: ${sentence}`;
  return `Sunucu bağlantıyı kabul etmedi: ${sentence}`;
}

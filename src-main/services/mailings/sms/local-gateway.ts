/**
 * The local gateway: a small JSON API Kartotek defines, for an SMS modem or gateway on the office network (and for
 * tests, tests/support/sms-gateway.ts):
 *   POST {apiUrl}/messages   Authorization: Basic user:password   {"to": "+90…", "text": "…", "sender": "…"}
 *   200/201 {"id": "…"}      400/422 {"error": "…"} (permanent)   401/403 wrong credentials (the account waits)
 *   429 and 5xx: busy (the account waits, temporary)
 */
import { basicAuth, post, SmsSendError, type SmsCredentials, type SmsMessage, type SmsProvider } from './provider';

export function localGateway(c: SmsCredentials): SmsProvider {
  return {
    async send(message: SmsMessage) {
      const url = `${c.apiUrl.replace(/\/+$/, '')}/messages`;
      const res = await post(url, { authorization: basicAuth(c) }, message);
      const body = (await res.json().catch(() => ({}))) as { id?: unknown; error?: unknown };
      if (res.ok && typeof body.id === 'string') return { providerId: body.id };
      if (res.status === 401 || res.status === 403)
        throw new SmsSendError('SMS ağ geçidi kullanıcı adını ya da parolayı kabul etmedi', true, 'account');
      const reason = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
      const permanent = res.ok || (res.status >= 400 && res.status < 500 && res.status !== 429);
      // Busy (429, 5xx) is the gateway's state, not this number's: the account waits.
      throw new SmsSendError(`SMS ağ geçidi reddetti: ${reason}`, permanent, permanent ? 'recipient' : 'account');
    },
  };
}

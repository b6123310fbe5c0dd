/**
 * Netgsm (netgsm.com.tr), REST v2 as its published client (@netgsm/sms) uses it:
 *   POST {apiUrl}/sms/rest/v2/send   Authorization: Basic usercode:password
 *   {"msgheader": sender, "encoding": "TR", "messages": [{"msg": text, "no": "5321112233"}]}
 *   → {"code": "00", "jobid": "…"} on success, another code otherwise.
 * apiUrl is normally https://api.netgsm.com.tr. Not verified against the live service from here (no account):
 * the codes below follow Netgsm's documentation of this endpoint.
 */
import {
  basicAuth,
  post,
  SmsSendError,
  type SmsCredentials,
  type SmsFailureScope,
  type SmsMessage,
  type SmsProvider,
} from './provider';

/** Netgsm's answer codes; the account's problems (login, sender name, limits, their system) make the account wait. */
const CODES: Record<string, { text: string; permanent: boolean; scope: SmsFailureScope }> = {
  '20': { text: 'mesaj metni hatalı ya da çok uzun', permanent: true, scope: 'recipient' },
  '30': {
    text: 'kullanıcı adı/parola geçersiz ya da API erişimi yok (IP kısıtı olabilir)',
    permanent: true,
    scope: 'account',
  },
  '40': { text: 'gönderici adı (başlık) Netgsm’de tanımlı değil', permanent: true, scope: 'account' },
  '50': { text: 'İYS kontrollü gönderim bu hesapla yapılamaz', permanent: true, scope: 'account' },
  '51': { text: 'hesapta İYS marka bilgisi yok', permanent: true, scope: 'account' },
  '70': { text: 'istek hatalı (eksik ya da yanlış parametre)', permanent: true, scope: 'recipient' },
  '80': { text: 'gönderim sınırı aşıldı', permanent: false, scope: 'account' },
  // A rate limit (too many requests in a short time): waiting helps.
  '85': { text: 'kısa sürede çok fazla istek (hız sınırı)', permanent: false, scope: 'account' },
  '100': { text: 'Netgsm sistem hatası', permanent: false, scope: 'account' },
  '101': { text: 'Netgsm sistem hatası', permanent: false, scope: 'account' },
};

/**
 * Netgsm takes Turkish numbers in the 10-digit national form (5XXXXXXXXX, their pattern ^[0-9]{10}$); null for a
 * number that is not a Turkish one.
 */
export function netgsmNumber(e164: string): string | null {
  const m = /^\+90(\d{10})$/.exec(e164.replace(/[\s-]/g, ''));
  return m ? m[1]! : null;
}

/** Basic auth in clear text is not sent anywhere: the API address must be https. */
export const netgsmUrlProblem = (apiUrl: string): string | null =>
  /^https:\/\//i.test(apiUrl.trim()) ? null : 'Netgsm API adresi https:// ile başlamalı (parola açık metin gitmesin)';

export function netgsm(c: SmsCredentials): SmsProvider {
  return {
    async send(message: SmsMessage) {
      const urlProblem = netgsmUrlProblem(c.apiUrl);
      if (urlProblem) throw new SmsSendError(urlProblem, true, 'account');
      const no = netgsmNumber(message.to);
      if (!no) throw new SmsSendError(`${message.to}: Netgsm yalnızca Türkiye numaralarına gönderir`, true);
      const url = `${c.apiUrl.replace(/\/+$/, '')}/sms/rest/v2/send`;
      const res = await post(
        url,
        { authorization: basicAuth(c) },
        { msgheader: message.sender, encoding: 'TR', messages: [{ msg: message.text, no }] },
      );
      const body = (await res.json().catch(() => ({}))) as { code?: unknown; jobid?: unknown; description?: unknown };
      const code = String(body.code ?? '');
      if (res.ok && code === '00' && body.jobid !== undefined) return { providerId: String(body.jobid) };
      if (res.status >= 500 || res.status === 429)
        throw new SmsSendError(`Netgsm yanıt vermedi (HTTP ${res.status})`, false, 'account');
      if (res.status === 401 || res.status === 403)
        throw new SmsSendError('Netgsm kullanıcı adını ya da parolayı kabul etmedi', true, 'account');
      const known = CODES[code];
      const detail = known?.text ?? (typeof body.description === 'string' ? body.description : `HTTP ${res.status}`);
      throw new SmsSendError(
        `Netgsm reddetti (${code || res.status}): ${detail}`,
        known?.permanent ?? true,
        known?.scope ?? 'recipient',
      );
    },
  };
}

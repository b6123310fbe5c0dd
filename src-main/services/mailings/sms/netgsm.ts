/**
 * Netgsm (netgsm.com.tr), REST v2 as its published client (@netgsm/sms) uses it:
 *   POST {apiUrl}/sms/rest/v2/send   Authorization: Basic usercode:password
 *   {"msgheader": sender, "encoding": "TR", "messages": [{"msg": text, "no": "905321112233"}]}
 *   → {"code": "00", "jobid": "…"} on success, another code otherwise.
 * apiUrl is normally https://api.netgsm.com.tr. Not verified against the live service from here (no account):
 * the codes below follow Netgsm's documentation of this endpoint.
 */
import { basicAuth, post, SmsSendError, type SmsCredentials, type SmsMessage, type SmsProvider } from './provider';

const CODES: Record<string, { text: string; permanent: boolean }> = {
  '20': { text: 'mesaj metni hatalı ya da çok uzun', permanent: true },
  '30': { text: 'kullanıcı adı/parola geçersiz ya da API erişimi yok (IP kısıtı olabilir)', permanent: true },
  '40': { text: 'gönderici adı (başlık) Netgsm’de tanımlı değil', permanent: true },
  '50': { text: 'İYS kontrollü gönderim bu hesapla yapılamaz', permanent: true },
  '51': { text: 'hesapta İYS marka bilgisi yok', permanent: true },
  '70': { text: 'istek hatalı (eksik ya da yanlış parametre)', permanent: true },
  '80': { text: 'gönderim sınırı aşıldı', permanent: false },
  '85': { text: 'aynı numaraya aynı mesaj kısa sürede tekrar gönderilemez', permanent: true },
  '100': { text: 'Netgsm sistem hatası', permanent: false },
  '101': { text: 'Netgsm sistem hatası', permanent: false },
};

export function netgsm(c: SmsCredentials): SmsProvider {
  return {
    async send(message: SmsMessage) {
      const url = `${c.apiUrl.replace(/\/+$/, '')}/sms/rest/v2/send`;
      const no = message.to.replace(/^\+/, '');
      const res = await post(
        url,
        { authorization: basicAuth(c) },
        { msgheader: message.sender, encoding: 'TR', messages: [{ msg: message.text, no }] },
      );
      const body = (await res.json().catch(() => ({}))) as { code?: unknown; jobid?: unknown; description?: unknown };
      const code = String(body.code ?? '');
      if (res.ok && code === '00' && body.jobid !== undefined) return { providerId: String(body.jobid) };
      if (res.status >= 500 || res.status === 429)
        throw new SmsSendError(`Netgsm yanıt vermedi (HTTP ${res.status})`, false);
      const known = CODES[code];
      const detail = known?.text ?? (typeof body.description === 'string' ? body.description : `HTTP ${res.status}`);
      throw new SmsSendError(`Netgsm reddetti (${code || res.status}): ${detail}`, known?.permanent ?? true);
    },
  };
}

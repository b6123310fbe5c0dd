/**
 * How many SMS parts a text costs, for the preview. Three encodings, cheapest first:
 * - gsm7: the GSM 03.38 default alphabet (ü, ö, Ü, Ö, Ç are in it); the extension characters ({ } [ ] ~ \ ^ | €)
 *   take two septets; 160 in one part, 153 a part when split;
 * - gsm7-tr: the Turkish national single-shift table (3GPP TS 23.038), which Turkish operators and Netgsm's
 *   `encoding: TR` use: ş ğ ı Ş Ğ İ ç take two septets and the table's header costs three, so 155 in one part
 *   and 149 a part when split;
 * - ucs2: anything else (emoji, Arabic…): 70 in one part, 67 a part when split.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const TURKISH_SHIFT = 'ŞşĞğİıç';

export interface SmsSegments {
  encoding: 'gsm7' | 'gsm7-tr' | 'ucs2';
  /** Septets (gsm) or UTF-16 units (ucs2) the text takes. */
  units: number;
  parts: number;
}

export function smsSegments(text: string): SmsSegments {
  let units = 0;
  let turkish = false;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) units += 1;
    else if (GSM7_EXTENSION.includes(ch)) units += 2;
    else if (TURKISH_SHIFT.includes(ch)) {
      units += 2;
      turkish = true;
    } else return ucs2(text);
  }
  if (turkish) return { encoding: 'gsm7-tr', units, parts: partsOf(units, 155, 149) };
  return { encoding: 'gsm7', units, parts: partsOf(units, 160, 153) };
}

function ucs2(text: string): SmsSegments {
  const units = text.length;
  return { encoding: 'ucs2', units, parts: partsOf(units, 70, 67) };
}

const partsOf = (units: number, single: number, each: number) =>
  units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / each);

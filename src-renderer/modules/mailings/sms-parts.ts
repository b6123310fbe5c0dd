/**
 * How many SMS a text takes. GSM 03.38 (7-bit) carries 160 characters in one SMS and 153 in each part of a longer
 * one; the extension table (€, [, ], {, }…) costs two. Any other letter (ş, ğ, ı, İ, Ş, Ğ…) makes the whole text
 * UCS-2: 70 in one, 67 per part. Providers bill by parts, so the person sees this before sending.
 */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export interface SmsParts {
  chars: number;
  parts: number;
  unicode: boolean;
}

export function smsParts(text: string): SmsParts {
  const chars = [...text];
  let septets = 0;
  let unicode = false;
  for (const c of chars) {
    if (GSM_BASIC.has(c)) septets += 1;
    else if (GSM_EXTENDED.has(c)) septets += 2;
    else unicode = true;
  }
  if (unicode) {
    // UCS-2 counts UTF-16 code units: an emoji takes two.
    const units = text.length;
    return { chars: chars.length, parts: units === 0 ? 0 : units <= 70 ? 1 : Math.ceil(units / 67), unicode };
  }
  return { chars: chars.length, parts: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153), unicode };
}

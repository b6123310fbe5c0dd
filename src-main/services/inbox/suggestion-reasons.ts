import type { SuggestionKind } from '../../../src-shared/contract/inbox';

/**
 * The stored reason of a suggestion is a Turkish sentence people can read in the
 * database and in logs ("VKN 1234567890 eşleşti"); it is written only here and
 * read back into (kind, value) here, so the English screen can word it itself.
 */
const FORMATS: Record<SuggestionKind, { write: (value: string) => string; read: RegExp }> = {
  vkn: { write: (v) => `VKN ${v} eşleşti`, read: /^VKN (.+) eşleşti$/ },
  tckn: { write: (v) => `T.C. Kimlik No ${v} eşleşti`, read: /^T\.C\. Kimlik No (.+) eşleşti$/ },
  email: { write: (v) => `E-posta ${v} eşleşti`, read: /^E-posta (.+) eşleşti$/ },
  name: { write: (v) => `"${v}" adı geçiyor`, read: /^"(.+)" adı geçiyor$/ },
};

/** Stored when the text was looked at and points at no card, so it is not looked at again on every list. */
export const NO_MATCH_REASON = 'Eşleşen kart bulunamadı';

export function reasonText(kind: SuggestionKind, value: string): string {
  return FORMATS[kind].write(value);
}

export function readReason(reason: string): { kind: SuggestionKind; value: string } | null {
  for (const [kind, format] of Object.entries(FORMATS) as [SuggestionKind, (typeof FORMATS)[SuggestionKind]][]) {
    const match = format.read.exec(reason);
    if (match) return { kind, value: match[1]! };
  }
  return null;
}

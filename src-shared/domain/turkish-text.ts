/**
 * Turkish-aware text folding and sorting.
 *
 * Search folds both the indexed text and the query with `foldForSearch`, so that
 * `cagri` finds "Çağrı", `isik` finds "IŞIK" and `istanbul` finds "İSTANBUL".
 * SQLite's own `remove_diacritics` cannot do this: it leaves dotless ı alone and
 * lower-cases I to i (which is wrong in Turkish), hence this function.
 */

/** Letters that do not decompose under NFD but still have a plain Latin reading. */
const EXTRA_FOLDS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
};
const EXTRA_FOLD_RE = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS_RE = /\p{M}+/gu;

/**
 * Lower-case with the Turkish rules regardless of the host's locale data:
 * I → ı and İ → i (a plain toLowerCase would give i and "i̇").
 * NFC first, so that a decomposed İ (I + U+0307, as macOS and some web forms
 * send it) is read as İ and not as I followed by a stray dot.
 */
export function turkishLowerCase(text: string): string {
  return text.normalize('NFC').replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

/** Upper-case with the Turkish rules: i → İ and ı → I. */
export function turkishUpperCase(text: string): string {
  return text.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase();
}

/**
 * The one folding function for search: Turkish lower-case, then ı → i and every
 * diacritic removed (ş→s, ğ→g, ç→c, ö→o, ü→u, â→a, î→i, û→u, é→e …).
 * Whitespace runs collapse to one space.
 */
export function foldForSearch(text: string): string {
  return turkishLowerCase(text)
    .normalize('NFD')
    .replace(COMBINING_MARKS_RE, '')
    .replace(EXTRA_FOLD_RE, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Letters of the Turkish alphabet that sort after their Latin base letter
 * (c < ç < d, g < ğ < h, h < ı < i, o < ö < p, s < ş < t, u < ü < v).
 * Each becomes the base letter followed by '{', which is greater than any ASCII
 * letter, so "ç…" sorts after every "c…" word with plain byte comparison.
 */
const SORT_LETTERS: Record<string, string> = {
  ç: 'c{',
  ğ: 'g{',
  ı: 'h{',
  ö: 'o{',
  ş: 's{',
  ü: 'u{',
};

/**
 * A key that orders names as a Turkish reader expects when compared byte by
 * byte (SQLite's BINARY collation, which better-sqlite3 cannot replace):
 * "Çelik" after "Cengiz", "Işık" before "İnce", "Öztürk" after "Oral".
 */
export function turkishSortKey(text: string): string {
  const lower = turkishLowerCase(text).normalize('NFC');
  let key = '';
  for (const ch of lower) {
    const mapped = SORT_LETTERS[ch];
    if (mapped) {
      key += mapped;
      continue;
    }
    // Other accented letters (â, î, û, é …) sort with their base letter.
    key += ch.normalize('NFD').replace(COMBINING_MARKS_RE, '');
  }
  return key.replace(/\s+/g, ' ').trim();
}

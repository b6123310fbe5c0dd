/**
 * Template rendering: `{ad}`-style placeholders replaced by one recipient's values. Pure, so the preview, the
 * queue and the tests render the same way.
 *
 * The salutation rule ({hitap}), one rule for the whole firm:
 * - a person with a title (persons.honorific): "Sayın Dr. Ayşe Yılmaz" (title, first and last name);
 * - without a title but with a gender: "Sayın Ayşe Hanım" / "Sayın Mehmet Bey" (first name with Hanım/Bey,
 *   the everyday polite Turkish form);
 * - neither: "Sayın Ayşe Yılmaz";
 * - an institution, or an address with no name: "Sayın Yetkili"; a bare address with a name: "Sayın <name>".
 * {unvan} alone is the title, else "Bay"/"Bayan" from the gender, else nothing.
 *
 * persons.honorific is the "Hitap" column of imported lists and often holds a courtesy word ("Sayın", "Sn.",
 * "Bay", "Hanım"…) rather than a title: those count as no title, so nobody is greeted "Sayın Sayın …" or
 * "Sayın Bey Mehmet …". A courtesy word in front of a real title ("Sayın Dr.") is dropped, the title kept.
 */
import { PLACEHOLDERS } from '../../../../src-shared/contract/mailings';
import { invalidInput } from '../../../../src-shared/contract/errors';
import { foldForSearch, turkishLowerCase } from '../../../../src-shared/domain/turkish-text';

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/** What is known about one recipient, before it becomes placeholder values. */
export interface RecipientFacts {
  kind: 'person' | 'institution' | 'address';
  honorific?: string | null;
  gender?: 'female' | 'male' | null;
  firstName?: string | null;
  lastName?: string | null;
  /** The institution's title (institution cards) or the person's primary institution. */
  institution?: string | null;
  /** A name given by hand or the card's display name (institutions, bare addresses). */
  name?: string | null;
}

const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,40})\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Courtesy words, folded: they say how to address someone, not what title they hold. */
const COURTESY_WORDS = new Set(
  ['Sayın', 'Sn', 'Bay', 'Bayan', 'Bey', 'Hanım', 'Hanımefendi', 'Beyefendi'].map(foldForSearch),
);
const isCourtesy = (word: string) => COURTESY_WORDS.has(foldForSearch(word.replace(/[.,:;]+$/, '')));

/** The title part of persons.honorific: courtesy words removed ("Sayın Dr." → "Dr.", "Sn." → ""). */
export function titleFromHonorific(honorific: string | null | undefined): string {
  return clean(honorific)
    .split(' ')
    .filter((word) => word !== '' && !isCourtesy(word))
    .join(' ');
}

/** The {hitap} salutation, by the rule at the top of this file. */
export function salutationOf(f: RecipientFacts): string {
  if (f.kind !== 'person') return f.kind === 'address' && clean(f.name) ? `Sayın ${clean(f.name)}` : 'Sayın Yetkili';
  const first = clean(f.firstName);
  const last = clean(f.lastName);
  const honorific = titleFromHonorific(f.honorific);
  if (honorific) return joinWords(['Sayın', honorific, first, last]);
  if (f.gender && first) return joinWords(['Sayın', first, f.gender === 'female' ? 'Hanım' : 'Bey']);
  return joinWords(['Sayın', first, last]) === 'Sayın' ? 'Sayın Yetkili' : joinWords(['Sayın', first, last]);
}

/** {unvan}: the card's title, else Bay/Bayan from the gender, else empty. */
export function titleOf(f: RecipientFacts): string {
  if (f.kind !== 'person') return '';
  const honorific = titleFromHonorific(f.honorific);
  if (honorific) return honorific;
  return f.gender === 'female' ? 'Bayan' : f.gender === 'male' ? 'Bay' : '';
}

const joinWords = (words: string[]) => words.filter((w) => w !== '').join(' ');

/** Every placeholder value of one recipient; `referans` and `tarih` come from the queue. */
export function placeholderValues(f: RecipientFacts, referenceNo: string, todayIso: string): PlaceholderValues {
  const first = clean(f.firstName);
  const last = clean(f.lastName);
  const full = f.kind === 'person' ? joinWords([first, last]) : clean(f.name);
  return {
    hitap: salutationOf(f),
    unvan: titleOf(f),
    ad: f.kind === 'person' ? first : '',
    soyad: f.kind === 'person' ? last : '',
    adsoyad: full,
    kurum: clean(f.institution),
    referans: referenceNo,
    tarih: turkishDate(todayIso),
  };
}

/** YYYY-MM-DD as Turkish letters write it: 02.03.2026. */
export function turkishDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** The placeholders of a text that Kartotek does not know, in order of appearance, each once. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1]!;
    if (!KNOWN.has(turkishLowerCase(name)) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/**
 * Refuses texts with unknown placeholders, naming them and the ones that exist. `field` is the input field the
 * message belongs to (subject, body, fields.body…).
 */
export function assertKnownPlaceholders(texts: Record<string, string>): void {
  const fields: Record<string, string> = {};
  for (const [field, text] of Object.entries(texts)) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length > 0) {
      fields[field] =
        `Bilinmeyen yer tutucu: ${unknown.map((u) => `{${u}}`).join(', ')}. ` +
        `Kullanılabilenler: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`;
    }
  }
  const first = Object.values(fields)[0];
  if (first) throw invalidInput(first, fields);
}

/**
 * Replaces the placeholders. A placeholder that renders empty takes one neighbouring space with it, so
 * "Sayın {unvan} {soyad}" for someone with no title is "Sayın Yılmaz", not "Sayın  Yılmaz".
 */
export function renderTemplate(text: string, values: PlaceholderValues): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const start = match.index;
    const key = turkishLowerCase(match[1]!) as Placeholder;
    if (!KNOWN.has(key)) continue;
    out += text.slice(last, start);
    let end = start + match[0].length;
    const value = values[key];
    if (value === '') {
      if (text[end] === ' ' && (out === '' || out.endsWith(' ') || out.endsWith('\n'))) end += 1;
      else if (out.endsWith(' ')) out = out.slice(0, -1);
      else if (text[end] === ' ') end += 1;
    }
    out += value;
    last = end;
  }
  return out + text.slice(last);
}

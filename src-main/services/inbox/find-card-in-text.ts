import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { SuggestionKind } from '../../../src-shared/contract/inbox';
import { isValidTckn, isValidVkn, maskTckn } from '../../../src-shared/domain/tr-identifiers';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';

export interface FoundCard {
  cardId: string;
  kind: SuggestionKind;
  /** What matched, safe to show and store (a TCKN masked). */
  value: string;
}

/** A scanned contract of 200 pages is read only this far: who a letter is from or to stands near its top. */
const MAX_TEXT_CHARS = 300_000;
/** Numbers and addresses looked up per document, at most (one indexed lookup each). */
const MAX_LOOKUPS = 100;

const LIVE = 'c.deleted_at is null and c.merged_into is null';

/**
 * The card a document's text points at, strongest evidence first: a VKN of an
 * institution, a TCKN of a person, an e-mail address of a card, then a card's
 * name written in the text. The first hit in the text wins within each kind
 * (a letterhead comes before the body).
 */
export function findCardInText(db: Db, rawText: string, fileName: string): FoundCard | null {
  const text = `${fileName}\n${rawText.slice(0, MAX_TEXT_CHARS)}`;
  return byIdentifier(db, text) ?? byEmail(db, text) ?? byName(db, text);
}

function byIdentifier(db: Db, text: string): FoundCard | null {
  const numbers = [...new Set(Array.from(text.matchAll(/(?<!\d)(\d{10,11})(?!\d)/g), (m) => m[1]!))].slice(
    0,
    MAX_LOOKUPS,
  );
  const vkns = numbers.filter((n) => n.length === 10 && isValidVkn(n));
  for (const vkn of vkns) {
    const row = stmt(
      db,
      `select c.id from institutions i join cards c on c.id = i.card_id where i.vkn = ? and ${LIVE}
       order by c.created_at limit 1`,
    ).get(vkn) as { id: string } | undefined;
    if (row) return { cardId: row.id, kind: 'vkn', value: vkn };
  }
  const tckns = numbers.filter((n) => n.length === 11 && isValidTckn(n));
  for (const tckn of tckns) {
    const row = stmt(
      db,
      `select c.id from persons p join cards c on c.id = p.card_id where p.tckn = ? and ${LIVE}
       order by c.created_at limit 1`,
    ).get(tckn) as { id: string } | undefined;
    if (row) return { cardId: row.id, kind: 'tckn', value: maskTckn(tckn) };
  }
  return null;
}

function byEmail(db: Db, text: string): FoundCard | null {
  const addresses = [
    ...new Set(
      Array.from(text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu), (m) =>
        m[0].toLowerCase().replace(/\.+$/, ''),
      ),
    ),
  ].slice(0, MAX_LOOKUPS);
  for (const address of addresses) {
    // Addresses are stored lower-case (mail linking compares them exactly).
    const row = stmt(
      db,
      `select c.id from emails e join cards c on c.id = e.card_id where e.address = ? and ${LIVE}
       order by e.is_primary desc, c.created_at limit 1`,
    ).get(address) as { id: string } | undefined;
    if (row) return { cardId: row.id, kind: 'email', value: address };
  }
  return null;
}

/**
 * Words that say nothing about which card is meant: legal forms and the
 * common words of letters and invoices. Left out of the index query (they would
 * bring back every "… Sanayi ve Ticaret Ltd. Şti.") and cut off the end of
 * institution names, so "Anadolu Gıda San. ve Tic. A.Ş." in a letter still
 * finds "Anadolu Gıda Sanayi ve Ticaret A.Ş.".
 */
const LEGAL_WORDS = new Set(
  'a s as ltd sti limited sirketi anonim sanayi san ticaret tic ve inc llc gmbh co corp holding'.split(' '),
);
const COMMON_WORDS = new Set(
  'ile icin bir bu da de sayin tarih sayi sayfa fatura teklif konu ekte ilgi the and of for to'.split(' '),
);

/** Distinct folded words of the text in order of appearance (at most WORD_LIMIT). */
const WORD_LIMIT = 2000;
const WORDS_PER_QUERY = 200;
const CANDIDATES_PER_QUERY = 30;

function wordsOf(folded: string): string[] {
  const seen = new Set<string>();
  for (const word of folded.split(' ')) {
    if (word.length < 3 || /^\d+$/.test(word) || LEGAL_WORDS.has(word) || COMMON_WORDS.has(word)) continue;
    seen.add(word);
    if (seen.size >= WORD_LIMIT) break;
  }
  return [...seen];
}

/** Folded, punctuation as single spaces: names and text compare word by word. */
const plain = (text: string) =>
  foldForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A name without its legal form at the end ("anadolu gida sanayi ve ticaret a s" → "anadolu gida"). */
function coreOf(name: string): string {
  const words = name.split(' ');
  while (words.length > 1 && LEGAL_WORDS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** Too short or too common to point at one card when found in a text on its own. */
function specificEnough(name: string, type: CardType): boolean {
  const words = name.split(' ').filter(Boolean);
  if (words.length >= 2) return true;
  return type === 'institution' && name.length >= 6;
}

interface Candidate {
  id: string;
  type: CardType;
  displayName: string;
  shortName: string | null;
}

/**
 * Card names in the text. Checking every card's name against every document
 * would not scale to 100k cards, so the search index is asked the other way
 * round: which cards have any of the document's words in their title (a few
 * OR-queries of 200 words over the title column; bm25 ranks cards sharing the
 * rarest and most words first). Only those candidates, at most a few hundred,
 * are then checked for their whole name (or the name without its legal form,
 * or the short name) occurring in the text word for word. The longest name
 * found wins: "Anadolu Gıda Dağıtım" beats "Anadolu Gıda".
 */
function byName(db: Db, text: string): FoundCard | null {
  const folded = ` ${plain(text)} `;
  const words = wordsOf(folded.trim());
  const candidates = new Map<string, Candidate>();
  for (let i = 0; i < words.length; i += WORDS_PER_QUERY) {
    const match = `title : (${words
      .slice(i, i + WORDS_PER_QUERY)
      .map((w) => `"${w}"`)
      .join(' OR ')})`;
    const rows = stmt(
      db,
      `select c.id, c.type, c.display_name as displayName, i.short_name as shortName
       from search_fts join search_docs d on d.doc_id = search_fts.rowid
       join cards c on c.id = d.entity_id left join institutions i on i.card_id = c.id
       where search_fts match ? and d.entity_type in ('person', 'institution') and d.deleted = 0 and ${LIVE}
       order by bm25(search_fts, 10.0, 1.0) limit ${CANDIDATES_PER_QUERY}`,
    ).all(match) as Candidate[];
    for (const row of rows) candidates.set(row.id, row);
  }
  let best: { card: Candidate; name: string; length: number } | null = null;
  for (const card of candidates.values()) {
    const full = plain(card.displayName);
    const names = [full, coreOf(full), ...(card.shortName ? [plain(card.shortName)] : [])];
    for (const name of names) {
      if (!name || !specificEnough(name, card.type) || !folded.includes(` ${name} `)) continue;
      const better =
        !best ||
        name.length > best.length ||
        (name.length === best.length && card.type === 'institution' && best.card.type === 'person');
      if (better) best = { card, name, length: name.length };
      break;
    }
  }
  return best ? { cardId: best.card.id, kind: 'name', value: best.card.displayName } : null;
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import type { CardInput, InstitutionInput, PersonInput } from './validate-row';

/**
 * When a row "is" a card that already exists (the rule the duplicate choice
 * skip / update / create applies to). A row matches a live card of its type
 * that has:
 *   - the same T.C. Kimlik No (persons) or VKN (institutions), or
 *   - one of the row's e-mail addresses, or
 *   - one of the row's phone numbers (compared as E.164, so 0532 123 45 67 and
 *     +90 532 1234567 are the same), or
 *   - persons: the same full name (folded: "ŞÜKRÜ ÖZTÜRK" = "Şükrü Öztürk"),
 *     used only when the row has no e-mail and no phone — when it has some,
 *     one of them must match as above, since two people may share a name;
 *   - institutions: the same title, folded.
 * Cards in the recycle bin never match. Rows earlier in the same file count as
 * cards too, so a file that lists someone twice does not create him twice.
 * When several cards match, the oldest wins.
 */
export class MatchIndex {
  private readonly keys = new Map<string, string>();

  constructor(
    db: Db,
    private readonly cardType: CardType,
  ) {
    const live = `join cards c on c.id = x.card_id and c.type = ? and c.deleted_at is null`;
    const add = (rows: unknown[], prefix: string, fold = (v: string) => v) => {
      for (const r of rows as { key: string | null; id: string }[]) {
        if (r.key) this.remember(prefix + fold(r.key), r.id);
      }
    };
    add(
      stmt(db, `select x.address as key, x.card_id as id from emails x ${live} order by c.created_at`).all(cardType),
      'e:',
    );
    add(
      stmt(db, `select x.e164 as key, x.card_id as id from phones x ${live} order by c.created_at`).all(cardType),
      'p:',
    );
    const idTable = cardType === 'person' ? 'select x.tckn as key' : 'select x.vkn as key';
    const table = cardType === 'person' ? 'persons' : 'institutions';
    add(stmt(db, `${idTable}, x.card_id as id from ${table} x ${live} order by c.created_at`).all(cardType), 'i:');
    add(
      stmt(
        db,
        `select display_name as key, id from cards where type = ? and deleted_at is null order by created_at`,
      ).all(cardType),
      'n:',
      foldForSearch,
    );
  }

  private remember(key: string, id: string): void {
    if (!this.keys.has(key)) this.keys.set(key, id);
  }

  private keysOf(input: CardInput): { strong: string[]; name: string | null } {
    const strong = [
      ...input.emails.map((e) => `e:${e.address}`),
      ...input.phones.flatMap((p) => {
        const e164 = normalisePhone(p.number).e164;
        return e164 ? [`p:${e164}`] : [];
      }),
    ];
    const identifier = this.cardType === 'person' ? (input as PersonInput).tckn : (input as InstitutionInput).vkn;
    if (identifier) strong.push(`i:${identifier}`);
    const name =
      this.cardType === 'person'
        ? foldForSearch(`${(input as PersonInput).firstName} ${(input as PersonInput).lastName}`)
        : foldForSearch((input as InstitutionInput).title);
    return { strong, name: `n:${name}` };
  }

  /** The id (or pending key) of the card this row matches, if any. */
  find(input: CardInput): string | undefined {
    const { strong, name } = this.keysOf(input);
    for (const key of strong) {
      const id = this.keys.get(key);
      if (id) return id;
    }
    const nameCounts = this.cardType === 'institution' || (input.emails.length === 0 && input.phones.length === 0);
    return nameCounts && name ? this.keys.get(name) : undefined;
  }

  /** Makes a row's card findable by later rows (`id` is a card id or a pending key). */
  add(input: CardInput, id: string): void {
    const { strong, name } = this.keysOf(input);
    for (const key of strong) this.remember(key, id);
    if (name) this.remember(name, id);
  }
}

/** Live institutions by folded title, for linking persons to "their" institution by name. */
export function institutionsByTitle(db: Db): Map<string, string> {
  const map = new Map<string, string>();
  const rows = stmt(
    db,
    `select id, display_name as title from cards where type = 'institution' and deleted_at is null order by created_at`,
  ).all() as { id: string; title: string }[];
  for (const r of rows) {
    const key = foldForSearch(r.title);
    if (!map.has(key)) map.set(key, r.id);
  }
  return map;
}

/**
 * The live card a card id stands for now: itself, or (merged) the card that
 * absorbed it, followed through merges of merges; null when binned.
 */
export function liveSuccessor(db: Db, id: string): string | null {
  const read = stmt(db, 'select deleted_at as deletedAt, merged_into as mergedInto from cards where id = ?');
  const seen = new Set<string>();
  for (let current: string | null = id; current && !seen.has(current);) {
    seen.add(current);
    const row = read.get(current) as { deletedAt: string | null; mergedInto: string | null } | undefined;
    if (!row) return null;
    if (!row.deletedAt) return current;
    current = row.mergedInto;
  }
  return null;
}

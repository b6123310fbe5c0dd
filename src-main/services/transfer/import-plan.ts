import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { DuplicateAction } from '../../../src-shared/contract/transfer';
import { getInstitution } from '../cards/institutions';
import { getPerson } from '../cards/persons';
import { normaliseTags, tagsOf } from '../criteria/tags';
import { ContractError } from '../../../src-shared/contract/errors';
import type { RowExtras } from './card-extras';
import { institutionsByTitle, liveSuccessor, MatchIndex } from './duplicates';
import { cardAsInput, mergeInputs, mergeLinks } from './merge';
import { checkFields, type CardInput, type FieldProblem, type LinkInput } from './validate-row';
import type { PlannedCard, WriteFailure } from './write-cards';
import type { PlannedExtras } from './write-extras';

export type RowOutcome = 'created' | 'updated' | 'skipped';

/** What the plan read before checking's pauses, read again when writing (see ImportPlan.freshen). */
export interface FreshPlan {
  toWrite: PlannedCard[];
  /** Folded title → id of a live institution. */
  institutionIds: Map<string, string>;
  /** Folded title → title: named by a card to write and not (or no longer) a live institution. */
  institutionsToCreate: Map<string, string>;
  /** Rows whose matched existing card was binned or merged meanwhile, with what they had been counted as. */
  lost: { failure: WriteFailure; outcome: 'updated' | 'skipped' }[];
}

/**
 * What an import will write, built row by row from checked rows: a new card,
 * a skipped duplicate, or an update merged into a card (an existing one, or
 * one an earlier row of the same file creates). Reads the database, never
 * writes it, so a dry run is the same plan left unwritten.
 */
export class ImportPlan {
  private readonly cards: PlannedCard[] = [];
  /** Pending keys ("new:3") and existing card ids → their card in the plan. */
  private readonly byKey = new Map<string, PlannedCard>();
  private readonly index: MatchIndex | null;
  /** Live institutions by folded title, for persons' "institution" columns. */
  readonly institutionIds: Map<string, string>;
  private readonly newInstitutions = new Map<string, string>();
  /** Existing cards that rows were skipped for → those rows. */
  private readonly skippedFor = new Map<string, number[]>();
  readonly outcomes: Record<RowOutcome, number> = { created: 0, updated: 0, skipped: 0 };

  constructor(
    private readonly db: Db,
    private readonly cardType: CardType,
    private readonly onDuplicate: DuplicateAction,
    withLinks: boolean,
  ) {
    this.index = onDuplicate === 'create' ? null : new MatchIndex(db, cardType);
    this.institutionIds = withLinks ? institutionsByTitle(db) : new Map();
  }

  /** Adds a checked row; answers what it will do, or the problems that stop it. */
  add(row: number, input: CardInput, links: LinkInput[], extras: RowExtras): RowOutcome | FieldProblem[] {
    for (const l of links) {
      if (!this.institutionIds.has(l.folded) && !this.newInstitutions.has(l.folded)) {
        this.newInstitutions.set(l.folded, l.title);
      }
    }
    const match = this.index?.find(input);
    if (!match) {
      const key = `new:${this.cards.length}`;
      const planned = { tags: extras.tags, tagsGiven: extras.tags.length > 0, criteria: extras.criteria };
      this.push(key, { action: 'create', input, links, extras: planned, rows: [row] });
      this.index?.add(input, key);
      return this.count('created');
    }
    if (this.onDuplicate === 'skip') {
      if (!match.startsWith('new:')) this.skippedFor.set(match, [...(this.skippedFor.get(match) ?? []), row]);
      return this.count('skipped');
    }
    const card = this.byKey.get(match) ?? this.existing(match);
    if (Array.isArray(card)) return card;
    const merged = checkFields(
      this.cardType,
      mergeInputs(card.input as unknown as Record<string, unknown>, input),
      new Map(),
    );
    if (!merged.ok) {
      return merged.problems.map((p) => ({ column: undefined, message: `Kartla birleştirilince: ${p.message}` }));
    }
    const mergedExtras = mergeExtras(card.extras, extras);
    if (Array.isArray(mergedExtras)) return mergedExtras;
    card.input = merged.input;
    card.extras = mergedExtras;
    card.links = mergeLinks(card.links, links);
    card.rows.push(row);
    this.index?.add(input, match);
    return this.count('updated');
  }

  /** The cards to write: an update no row ended up changing (all its rows failed) writes nothing. */
  toWrite(): PlannedCard[] {
    return this.cards.filter((c) => c.rows.length > 0);
  }

  /** Institutions to create (folded title → title): those named by a card that will be written. */
  institutionsToCreate(): Map<string, string> {
    const cards = this.toWrite();
    return new Map(
      [...this.newInstitutions].filter(([folded]) => cards.some((c) => c.links.some((l) => l.folded === folded))),
    );
  }

  /**
   * The plan made current; call it inside the write transaction. Checking
   * pauses for the event loop, so another window may meanwhile have binned or
   * merged an institution the plan links to, or a card rows were matched
   * with: institutions are read again by title (a merged one followed to the
   * card that absorbed it, a binned one created anew), and rows whose matched
   * card is gone are answered as lost rather than written against a tombstone.
   */
  freshen(): FreshPlan {
    const institutionIds =
      this.institutionIds.size || this.newInstitutions.size ? institutionsByTitle(this.db) : new Map<string, string>();
    for (const [folded, id] of this.institutionIds) {
      if (institutionIds.has(folded)) continue;
      const survivor = liveSuccessor(this.db, id);
      if (survivor) institutionIds.set(folded, survivor);
    }
    const lost: FreshPlan['lost'] = [];
    const gone = (id: string) => liveSuccessor(this.db, id) !== id;
    const message = (id: string) => {
      const { name } = stmt(this.db, 'select display_name as name from cards where id = ?').get(id) as { name: string };
      return `Eşleşen kart (${name}) içe aktarma sürerken çöp kutusuna taşındı ya da birleştirildi; dosyayı yeniden içe aktarın.`;
    };
    for (const [id, rows] of this.skippedFor) {
      if (gone(id)) lost.push({ failure: { rows, message: message(id) }, outcome: 'skipped' });
    }
    const toWrite = this.toWrite().filter((card) => {
      if (card.action !== 'update' || !card.cardId || !gone(card.cardId)) return true;
      lost.push({ failure: { rows: card.rows, message: message(card.cardId) }, outcome: 'updated' });
      return false;
    });
    const institutionsToCreate = new Map<string, string>();
    for (const card of toWrite) {
      for (const l of card.links) {
        if (!institutionIds.has(l.folded) && !institutionsToCreate.has(l.folded)) {
          institutionsToCreate.set(l.folded, this.newInstitutions.get(l.folded) ?? l.title);
        }
      }
    }
    return { toWrite, institutionIds, institutionsToCreate, lost };
  }

  private count(outcome: RowOutcome): RowOutcome {
    this.outcomes[outcome]++;
    return outcome;
  }

  private push(key: string, card: PlannedCard): PlannedCard {
    this.cards.push(card);
    this.byKey.set(key, card);
    return card;
  }

  /** An existing card to update, read now; its updatedAt guards against an edit before the write. */
  private existing(id: string): PlannedCard | FieldProblem[] {
    const card = this.cardType === 'person' ? getPerson(this.db, id) : getInstitution(this.db, id);
    const base = checkFields(this.cardType, cardAsInput(card), new Map());
    if (!base.ok) {
      return [
        {
          column: undefined,
          message: `Eşleşen kart (${card.displayName}) geçersiz veri taşıyor: ${base.problems[0]!.message}`,
        },
      ];
    }
    const planned: PlannedCard = {
      action: 'update',
      cardId: id,
      expectedUpdatedAt: card.updatedAt,
      input: base.input,
      links: [],
      // The card's own tags, so the file's are added to them (and the limit checked now, not when writing).
      extras: { tags: tagsOf(this.db, id), tagsGiven: false, criteria: new Map() },
      rows: [],
    };
    return this.push(id, planned);
  }
}

/**
 * A row's tags and criteria values merged into a card's: the row's values win
 * field by field, its tags are added (a file never takes a tag off a card).
 */
function mergeExtras(base: PlannedExtras, row: RowExtras): PlannedExtras | FieldProblem[] {
  const criteria = new Map([...base.criteria, ...row.criteria]);
  if (!row.tags.length) return { ...base, criteria };
  try {
    return { tags: normaliseTags([...base.tags, ...row.tags]), tagsGiven: true, criteria };
  } catch (err) {
    if (!(err instanceof ContractError)) throw err;
    return [{ column: row.tagsColumn, message: `Kartla birleştirilince: ${err.message}` }];
  }
}

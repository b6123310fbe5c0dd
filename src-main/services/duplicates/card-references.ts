/**
 * Every column that points at a card, and what a merge does with its rows.
 *
 * A merge promises that every link, note, document and mail of the loser moves to
 * the survivor. That promise holds only while this list names every such column:
 * a module that adds a table with a foreign key to cards.id adds one line here (or
 * to NOT_MOVED with its reason). tests/integration/duplicates-references.test.ts
 * reads the live schema and fails when a column is in neither list.
 */

export interface CardReference {
  table: string;
  /** The column holding the card id. */
  column: string;
  /**
   * When a loser's row would duplicate a row the survivor already has, the loser's
   * row is dropped instead of moved (and kept in the merge record, to come back on
   * undo). A SQL condition over `r` (the loser's row) and `s` (any row of the same
   * table); `@survivor` is the survivor's id. Absent: every row moves.
   */
  duplicateWhen?: string;
  /** A condition on `r` under which the moved row would point the survivor at itself: dropped too. */
  selfWhen?: string;
  /** Moved rows go after the survivor's own in this ordering column, instead of interleaving with them. */
  position?: string;
  /**
   * A flag the survivor may hold at most once (its primary e-mail, its primary
   * institution): moved rows lose it when the survivor already has one.
   */
  singleFlag?: string;
}

/** Symmetric institution relations read the same both ways: B–A duplicates A–B (as cards.relate refuses). */
const SYMMETRIC_RELATIONS = `('group_company', 'partner')`;

export const CARD_REFERENCES: readonly CardReference[] = [
  {
    table: 'phones',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and coalesce(s.e164, s.number) = coalesce(r.e164, r.number)',
    position: 'position',
  },
  {
    table: 'emails',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.address = r.address',
    position: 'position',
    singleFlag: 'is_primary',
  },
  {
    table: 'addresses',
    column: 'card_id',
    // The same place twice, whatever it was filed as (work, billing …): the survivor's filing wins.
    duplicateWhen: `s.card_id = @survivor and s.line is r.line and s.district is r.district
      and s.province is r.province and s.postal_code is r.postal_code and s.country is r.country`,
    position: 'position',
  },
  {
    table: 'ibans',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.iban = r.iban',
    position: 'position',
  },
  { table: 'institution_domains', column: 'card_id', duplicateWhen: 's.card_id = @survivor and s.domain = r.domain' },
  { table: 'institution_kinds', column: 'card_id', duplicateWhen: 's.card_id = @survivor and s.kind = r.kind' },
  { table: 'card_tags', column: 'card_id', duplicateWhen: 's.card_id = @survivor and s.tag = r.tag' },
  // Per criterion the survivor's answer wins; all of it, also for fields with several values.
  {
    table: 'criteria_values',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.field_id = r.field_id',
  },
  {
    table: 'profile_items',
    column: 'card_id',
    // A hobby or language once per person, whatever its spelling ("satranç" / "Satranç").
    duplicateWhen: 's.card_id = @survivor and s.list = r.list and kartotek_fold(s.name) = kartotek_fold(r.name)',
    position: 'position',
  },
  { table: 'body_measurements', column: 'card_id' },
  {
    table: 'person_relatives',
    column: 'person_id',
    duplicateWhen: `(s.person_id = @survivor and s.relative_id = r.relative_id)
      or (s.relative_id = @survivor and s.person_id = r.relative_id)`,
    selfWhen: 'r.relative_id = @survivor',
  },
  {
    table: 'person_relatives',
    column: 'relative_id',
    duplicateWhen: `(s.relative_id = @survivor and s.person_id = r.person_id)
      or (s.person_id = @survivor and s.relative_id = r.person_id)`,
    selfWhen: 'r.person_id = @survivor',
  },
  {
    table: 'affiliations',
    column: 'person_id',
    duplicateWhen: 's.person_id = @survivor and s.institution_id = r.institution_id',
    singleFlag: 'is_primary',
  },
  // A person linked to both institutions keeps the survivor's link; if only the
  // dropped one was their primary, they are left without one (the card then shows
  // the first link), rather than the merge silently changing the survivor's link.
  {
    table: 'affiliations',
    column: 'institution_id',
    duplicateWhen: 's.institution_id = @survivor and s.person_id = r.person_id',
  },
  {
    table: 'institution_relations',
    column: 'from_id',
    duplicateWhen: `s.kind = r.kind and ((s.from_id = @survivor and s.to_id = r.to_id)
      or (r.kind in ${SYMMETRIC_RELATIONS} and s.to_id = @survivor and s.from_id = r.to_id))`,
    selfWhen: 'r.to_id = @survivor',
  },
  {
    table: 'institution_relations',
    column: 'to_id',
    duplicateWhen: `s.kind = r.kind and ((s.to_id = @survivor and s.from_id = r.from_id)
      or (r.kind in ${SYMMETRIC_RELATIONS} and s.from_id = @survivor and s.to_id = r.from_id))`,
    selfWhen: 'r.from_id = @survivor',
  },
  {
    table: 'document_cards',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.document_id = r.document_id',
  },
  {
    table: 'note_cards',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.note_id = r.note_id',
  },
  {
    table: 'task_cards',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.task_id = r.task_id',
  },
  {
    table: 'event_cards',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.event_id = r.event_id',
  },
  // An attendee row is the person at that event: the survivor keeps the invitation (both rows stay when both were
  // invited, since each carries its own code and check-in).
  { table: 'event_attendees', column: 'card_id' },
  // An inbox file suggested for the loser is suggested for the survivor.
  { table: 'inbox_items', column: 'suggested_card_id' },
  // A mail on both cards stays once, on the survivor.
  {
    table: 'mail_message_cards',
    column: 'card_id',
    duplicateWhen: 's.card_id = @survivor and s.message_id = r.message_id',
  },
  // Who got a mailing: the record follows the person to the survivor.
  { table: 'mailing_recipients', column: 'card_id' },
];

/** Columns pointing at cards whose rows stay with the loser, and why. */
export const NOT_MOVED: readonly { table: string; column: string; why: string }[] = [
  { table: 'persons', column: 'card_id', why: "the loser's own fields: the tombstone keeps them, undo needs them" },
  { table: 'institutions', column: 'card_id', why: "the loser's own fields: the tombstone keeps them" },
  { table: 'merges', column: 'survivor_id', why: 'the record of merges itself' },
  { table: 'merges', column: 'loser_id', why: 'the record of merges itself' },
  {
    table: 'duplicate_dismissals',
    column: 'first_id',
    why: '"different cards" was said of this pair, not of the card the loser went into',
  },
  {
    table: 'duplicate_dismissals',
    column: 'second_id',
    why: '"different cards" was said of this pair, not of the card the loser went into',
  },
];

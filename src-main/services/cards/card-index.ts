import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity } from '../search/search-index';
import { contactsSearchText, readContacts } from './contacts';
import { affiliationsOf } from './affiliation-rows';
import { loadCard } from './card-rows';
import { INSTITUTION_KIND_WORDS } from './kind-words';

/**
 * Rewrites the search text of one card from what the database now holds.
 * Called inside the transaction of every write that changes what a card can be
 * found by (its own fields, contacts, links, or the name of a linked card).
 * Cards in the recycle bin stay indexed so the bin's search box finds them;
 * global search leaves them out (searchAll) and lists filter on deleted_at.
 */
export function reindexCard(db: Db, id: string): void {
  const card = loadCard(db, id);
  const contacts = readContacts(db, id);
  const contactText = contactsSearchText({
    phones: contacts.phones,
    emails: contacts.emails,
    addresses: contacts.addresses.map((a) => ({
      kind: a.kind,
      line: a.line ?? undefined,
      district: a.district ?? undefined,
      province: a.province ?? undefined,
      postalCode: a.postalCode ?? undefined,
      country: a.country ?? undefined,
    })),
  });
  if (card.type === 'person') {
    const p = stmt(db, 'select honorific, notes from persons where card_id = ?').get(id) as {
      honorific: string | null;
      notes: string | null;
    };
    const links = affiliationsOf(db, id, 'person').map((a) => [a.institutionTitle, a.role, a.department].join(' '));
    indexEntity(db, {
      type: 'person',
      id,
      title: card.displayName,
      body: [p.honorific, contactText, ...links, p.notes].filter(Boolean).join(' '),
    });
  } else {
    const i = stmt(
      db,
      'select short_name as shortName, sector, website, notes from institutions where card_id = ?',
    ).get(id) as { shortName: string | null; sector: string | null; website: string | null; notes: string | null };
    const kinds = (stmt(db, 'select kind from institution_kinds where card_id = ?').all(id) as { kind: string }[])
      .map((k) => INSTITUTION_KIND_WORDS[k.kind] ?? k.kind)
      .join(' ');
    indexEntity(db, {
      type: 'institution',
      id,
      title: [card.displayName, i.shortName].filter(Boolean).join(' '),
      body: [i.sector, kinds, i.website, contactText, i.notes].filter(Boolean).join(' '),
    });
  }
}

/**
 * Persons carry the titles of their institutions in their search text; after an
 * institution is renamed, its people are re-indexed in the same transaction.
 */
export function reindexPeopleOf(db: Db, institutionId: string): void {
  const rows = stmt(db, 'select person_id as id from affiliations where institution_id = ?').all(institutionId);
  for (const row of rows as { id: string }[]) reindexCard(db, row.id);
}

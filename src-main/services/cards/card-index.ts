import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity } from '../search/search-index';
import { contactsSearchText, readContacts } from './contacts';
import { affiliationsOf } from './affiliation-rows';
import { loadCard } from './card-rows';
import { INSTITUTION_KIND_WORDS } from './kind-words';
import { profileSearchText } from '../profile/profile-search-text';
import { refreshNotesOf } from '../notes/notes-of-card';
import { refreshTasksOf } from '../tasks/task-index';
import { refreshEventsOf } from '../agenda/event-index';

/**
 * Rewrites what is derived from a card for finding and listing it: its folded
 * search text and the summary its list row shows (first phone, primary e-mail,
 * first il, institutions with roles), from what the database now holds.
 * Called inside the transaction of every write that changes any of it (its own
 * fields, contacts, links, or the name or bin state of a linked card).
 * Cards in the recycle bin stay indexed so the bin's search box finds them;
 * global search leaves them out (searchAll) and lists filter on deleted_at.
 */
export function refreshCardIndexes(db: Db, id: string): void {
  const card = loadCard(db, id);
  const contacts = readContacts(db, id);
  const links = card.type === 'person' ? affiliationsOf(db, id, 'person') : [];
  writeListSummary(db, id, {
    phone: contacts.phones[0]?.display ?? null,
    email: (contacts.emails.find((e) => e.isPrimary) ?? contacts.emails[0])?.address ?? null,
    province: contacts.addresses.find((a) => a.province)?.province ?? null,
    institutions: links.length
      ? links.map((a) => a.institutionTitle + (a.role ? ` (${a.role})` : '')).join(', ')
      : null,
  });
  // Notes, tasks and events carry the card's name in their search text.
  refreshNotesOf(db, id);
  refreshTasksOf(db, id);
  refreshEventsOf(db, id);
  const contactText = contactsSearchText(contacts);
  if (card.type === 'person') {
    const p = stmt(db, 'select honorific, source, notes from persons where card_id = ?').get(id) as {
      honorific: string | null;
      source: string | null;
      notes: string | null;
    };
    const linkText = links.map((a) => [a.institutionTitle, a.role, a.department].join(' '));
    indexEntity(db, {
      type: 'person',
      id,
      deleted: card.deletedAt !== null,
      ownerId: card.ownerId,
      datedAt: card.createdAt,
      title: card.displayName,
      // Hobbies, associations, schools and languages: "rotary" or "satranç" finds the person.
      body: [p.honorific, contactText, ...linkText, profileSearchText(db, id), p.source, p.notes]
        .filter(Boolean)
        .join(' '),
    });
  } else {
    const i = stmt(
      db,
      `select short_name as shortName, sector, tax_office as taxOffice, vkn, trade_registry_no as tradeRegistryNo,
         website, source, notes from institutions where card_id = ?`,
    ).get(id) as Record<
      'shortName' | 'sector' | 'taxOffice' | 'vkn' | 'tradeRegistryNo' | 'website' | 'source' | 'notes',
      string | null
    >;
    const domains = (
      stmt(db, 'select domain from institution_domains where card_id = ?').all(id) as { domain: string }[]
    )
      .map((d) => d.domain)
      .join(' ');
    const kinds = (stmt(db, 'select kind from institution_kinds where card_id = ?').all(id) as { kind: string }[])
      .map((k) => INSTITUTION_KIND_WORDS[k.kind] ?? k.kind)
      .join(' ');
    indexEntity(db, {
      type: 'institution',
      id,
      deleted: card.deletedAt !== null,
      ownerId: card.ownerId,
      datedAt: card.createdAt,
      title: [card.displayName, i.shortName].filter(Boolean).join(' '),
      // The VKN and trade registry number are how accounting finds a firm.
      body: [i.sector, kinds, i.vkn, i.taxOffice, i.tradeRegistryNo, i.website, domains, contactText, i.source, i.notes]
        .filter(Boolean)
        .join(' '),
    });
  }
}

function writeListSummary(
  db: Db,
  id: string,
  summary: { phone: string | null; email: string | null; province: string | null; institutions: string | null },
): void {
  stmt(
    db,
    `update cards set list_phone = ?, list_email = ?, list_province = ?, list_institutions = ? where id = ?`,
  ).run(summary.phone, summary.email, summary.province, summary.institutions, id);
}

/**
 * Persons carry the titles of their institutions in their search text; after an
 * institution is renamed, deleted or restored, its people are refreshed in the
 * same transaction.
 */
export function refreshPeopleOf(db: Db, institutionId: string): void {
  const rows = stmt(db, 'select person_id as id from affiliations where institution_id = ?').all(institutionId);
  for (const row of rows as { id: string }[]) refreshCardIndexes(db, row.id);
}

import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity, unindexEntity } from '../search/search-index';
import { isoOf, spanOf } from './event-times';
import { eventRow } from './event-rows';

/**
 * Rewrites an event's row in the global search index: its title; its location, description and the names of
 * its cards as the body (so "Yılmaz bütçe" finds the meeting). Dated by its start; owned by its organizer. A
 * changed instance of a binned series is binned with it. Call inside the transaction of every write to the event.
 */
export function indexEvent(db: Db, eventId: string): void {
  const event = stmt(db, 'select 1 from events where id = ?').get(eventId) ? eventRow(db, eventId) : null;
  if (!event) {
    unindexEntity(db, eventId);
    return;
  }
  const parentDeleted = event.parentId
    ? stmt(db, 'select deleted_at is not null from events where id = ?').pluck().get(event.parentId) === 1
    : false;
  const names = stmt(
    db,
    'select c.display_name from event_cards ec join cards c on c.id = ec.card_id where ec.event_id = ?',
  )
    .pluck()
    .all(eventId) as string[];
  indexEntity(db, {
    type: 'event',
    id: event.id,
    title: event.title,
    body: [event.location ?? '', event.description, ...names].join('\n'),
    deleted: event.deletedAt !== null || parentDeleted,
    ownerId: event.organizerId ?? event.createdBy,
    datedAt: isoOf(spanOf(event).startMs),
  });
}

/** An event and its changed instances (a series' bin state reaches them). */
export function indexEventAndInstances(db: Db, eventId: string): void {
  indexEvent(db, eventId);
  for (const id of stmt(db, 'select id from events where parent_id = ?').pluck().all(eventId) as string[]) {
    indexEvent(db, id);
  }
}

/** The events linked to a card, re-indexed after the card was renamed, binned or merged (their body names it). */
export function refreshEventsOf(db: Db, cardId: string): void {
  for (const id of stmt(db, 'select event_id from event_cards where card_id = ?').pluck().all(cardId) as string[]) {
    indexEvent(db, id);
  }
}

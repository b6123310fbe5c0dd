import type { Db } from '../../db/connection';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { auditEntries } from './audit-entries';
import { noteEntries } from '../notes/note-timeline';
import { eventEntries } from '../agenda/event-timeline';
import { taskEntries } from '../tasks/task-timeline';
import { mailEntries } from '../mail/mail-timeline';

/**
 * One source of timeline entries for a card. It returns at most `limit` of its
 * entries strictly older than `before` (by `at`, then by entry id: the
 * order of `newestFirst`), newest first. Entry ids carry the provider's prefix
 * ("audit:…", "note:…") so they are unique across providers. `userId` is who
 * reads the timeline (null: nobody in particular), for sources with private rows.
 */
export type TimelineProvider = (
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
  userId: string | null,
) => TimelineEntry[];

/**
 * Every source of a card's timeline. A module that has something to show on
 * cards (notes, mail, documents, tasks, events) adds its provider here: one line.
 */
export const TIMELINE_PROVIDERS: readonly TimelineProvider[] = [
  auditEntries,
  noteEntries,
  taskEntries,
  eventEntries,
  mailEntries,
];

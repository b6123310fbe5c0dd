import type { Db } from '../../db/connection';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { loadCard } from '../cards/card-rows';
import { TIMELINE_PROVIDERS, type TimelineProvider } from './providers';
import { cursorOf, newestFirst } from './order';

/**
 * One page of a card's timeline as `userId` may see it: every provider's
 * newest entries before the cursor, merged by time. Each provider is asked for
 * one more than the page so that a next page is announced only when there is one.
 */
export function timelineForCard(
  db: Db,
  input: { cardId: string; before?: TimelineCursor | undefined; limit: number; userId?: string | undefined },
  providers: readonly TimelineProvider[] = TIMELINE_PROVIDERS,
): { entries: TimelineEntry[]; next: TimelineCursor | null } {
  // Deleted cards keep their timeline; unknown ids are NOT_FOUND.
  loadCard(db, input.cardId);
  const merged = providers
    .flatMap((provider) => provider(db, input.cardId, input.before, input.limit + 1, input.userId ?? null))
    .sort(newestFirst);
  const entries = merged.slice(0, input.limit);
  const last = entries.at(-1);
  return { entries, next: merged.length > input.limit && last ? cursorOf(last) : null };
}

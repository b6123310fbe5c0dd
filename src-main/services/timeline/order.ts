import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';

/** Newest first; entries of the same moment by id, so that paging never skips or repeats one. */
export function newestFirst(a: TimelineCursor, b: TimelineCursor): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export const cursorOf = (entry: TimelineEntry): TimelineCursor => ({ at: entry.at, id: entry.id });

/** The timeline slice of the contract: everything that happened with a card, newest first. */
import { z } from 'zod';
import { defineCall } from './define';
import { idSchema } from './common';
import { CARD_TYPES } from './cards';

/**
 * What an entry is about; the UI picks its icon by this. The kinds of the
 * modules still to come (note, mail, document, task, event) are declared
 * already, so each of them only has to add its provider.
 */
export const TIMELINE_KINDS = [
  'created',
  'changed',
  'deleted',
  'restored',
  'linked',
  'unlinked',
  'merged',
  'imported',
  'profile',
  'criteria',
  'note',
  'mail',
  'document',
  'task',
  'event',
  'other',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * A place in the timeline: entries strictly older than (at, id). Time alone is
 * not enough: one import or merge writes many entries in the same millisecond.
 */
export const timelineCursor = z.object({ at: z.string().max(40), id: z.string().max(100) });
export type TimelineCursor = z.infer<typeof timelineCursor>;

export const timelineEntry = z.object({
  /** Unique across providers (prefixed by the provider). */
  id: z.string(),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /**
   * The headline: data where the entry has some (a mail's subject, a file's
   * name); for audit entries the action's name, which the UI words itself.
   */
  title: z.string(),
  /** For audit entries: the action (create, update, link, merge …) the UI has words for. */
  action: z.string().optional(),
  /** For changes: the fields that changed (firstName, phones, addresses …), for the UI to name. */
  fields: z.array(z.string()).optional(),
  /** A second line: the text of a note, a role, the note of a relation. */
  detail: z.string().optional(),
  userName: z.string().optional(),
  /** Another card the entry is about (the institution linked, the card merged in). */
  link: z.object({ type: z.enum(CARD_TYPES), id: z.string(), label: z.string() }).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timelineCalls = {
  'timeline.forCard': defineCall({
    summary: 'What happened with a card (changes, links, notes … from every module), newest first, paged by time.',
    input: z.object({
      cardId: idSchema,
      /** The `next` of the previous page; none for the newest entries. */
      before: timelineCursor.optional(),
      limit: z.number().int().min(1).max(200).default(30),
    }),
    output: z.object({
      entries: z.array(timelineEntry),
      /** Where the next (older) page starts; null when there is nothing older. */
      next: timelineCursor.nullable(),
    }),
  }),
};

export const timelineEvents = {};

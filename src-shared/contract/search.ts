import { z } from 'zod';
import { defineCall } from './define';
import { idSchema, isoDate } from './common';
import { CARD_TYPES } from './cards';

/** What global search finds, in the order the palette shows the groups. */
export const SEARCH_TYPES = ['person', 'institution', 'document', 'note', 'task', 'event', 'mail'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Hits per type when the caller does not say (the palette's short list). */
export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 200;

/** Snippets mark the matched words with these (never HTML: the renderer highlights them as text). */
export const SNIPPET_OPEN = '[';
export const SNIPPET_CLOSE = ']';

const filedOn = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const searchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  /** Folded text around the match; matched words wrapped in SNIPPET_OPEN and SNIPPET_CLOSE. Empty when only the name matched. */
  snippet: z.string(),
  /** bm25 rank: lower is better; names weigh ten times the body. */
  rank: z.number(),
  /** Documents: 1-based page of the first match in the text; null when the name explains the hit (and for cards). */
  page: z.number().int().min(1).nullable(),
  /** Documents: the current content's type; null for cards. */
  mimeType: z.string().nullable(),
  /** Documents: the live cards it is filed on (for a subtitle); empty for cards. */
  cards: z.array(filedOn),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchGroup = z.object({
  type: z.enum(SEARCH_TYPES),
  /** Best first, at most `limit`. */
  hits: z.array(searchHit),
  /** More hits of this type than `limit`. */
  more: z.boolean(),
});
export type SearchGroup = z.infer<typeof searchGroup>;

const optionalDate = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(isoDate(what).optional());

export const searchInput = z
  .object({
    q: z.string().max(500, { message: 'Arama en fazla 500 karakter olabilir' }),
    types: z
      .array(z.enum(SEARCH_TYPES))
      .max(SEARCH_TYPES.length)
      .optional()
      .transform((t) => (t?.length ? [...new Set(t)] : undefined)),
    /** Only what this user owns (cards) or filed (documents). */
    ownerId: idSchema.optional(),
    /** Created on or after this day (Istanbul calendar). */
    from: optionalDate('Başlangıç tarihi'),
    /** Created on or before this day (Istanbul calendar). */
    to: optionalDate('Bitiş tarihi'),
    /** Hits per type. */
    limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, {
    message: 'Başlangıç tarihi bitiş tarihinden sonra olamaz',
    path: ['to'],
  });
export type SearchInput = z.output<typeof searchInput>;

export const searchCalls = {
  'search.query': defineCall({
    summary:
      'Global search over everything the user may see (cards, documents with their text), Turkish-folded, prefix ' +
      'matching, every word must match; grouped by type, best first, names above body text.',
    input: searchInput,
    output: z.object({ groups: z.array(searchGroup) }),
  }),
};

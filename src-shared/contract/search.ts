import { z } from 'zod';
import { defineCall } from './define';

export const SEARCH_TYPES = ['person', 'institution', 'document'] as const;

export const searchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  /** Folded body text around the match; matched words wrapped in [ and ]. */
  snippet: z.string(),
  /** bm25 rank: lower is better. */
  rank: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchCalls = {
  'search.query': defineCall({
    summary: 'Global search over everything the user may see, Turkish-folded, prefix matching, every word must match.',
    input: z.object({
      q: z.string().max(500),
      types: z
        .array(z.enum(SEARCH_TYPES))
        .max(SEARCH_TYPES.length)
        .optional()
        .transform((t) => (t ? [...new Set(t)] : t)),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: z.object({ hits: z.array(searchHit) }),
  }),
};

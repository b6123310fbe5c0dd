/** The segments slice: saved queries over cards, evaluated when used. */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, requiredText } from './common';
import { SEGMENT_CARD_TYPES, segmentQuery } from '../domain/segment-query';

export const segmentOut = z.object({
  id: z.string(),
  name: z.string(),
  cardType: z.enum(SEGMENT_CARD_TYPES),
  query: segmentQuery,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof segmentOut>;

export const segmentSummary = segmentOut.omit({ query: true });
export type SegmentSummary = z.infer<typeof segmentSummary>;

const idInput = z.object({ id: idSchema });

export const segmentsCalls = {
  'segments.list': defineCall({
    summary: 'The saved segments, by name (optionally of one card type).',
    input: z.object({ cardType: z.enum(SEGMENT_CARD_TYPES).optional() }),
    output: z.object({ segments: z.array(segmentSummary) }),
  }),
  'segments.get': defineCall({ summary: 'One saved segment with its query.', input: idInput, output: segmentOut }),
  'segments.save': defineCall({
    summary: 'Create (no id) or replace a saved segment; the query is checked by compiling it.',
    input: z.object({
      id: idSchema.optional(),
      name: requiredText(120, 'Segment adı'),
      cardType: z.enum(SEGMENT_CARD_TYPES),
      query: segmentQuery,
    }),
    output: segmentOut,
  }),
  'segments.delete': defineCall({
    summary: 'Delete a saved segment.',
    input: idInput,
    output: z.object({ id: z.string() }),
  }),
  'segments.count': defineCall({
    summary: 'How many live cards a segment has now: a saved one by id, or an unsaved query.',
    input: z.union([
      z.object({ id: idSchema }),
      z.object({ cardType: z.enum(SEGMENT_CARD_TYPES), query: segmentQuery }),
    ]),
    output: z.object({ count: z.number() }),
  }),
};

export const segmentsEvents = {
  'segments.changed': defineEvent({
    summary: 'A saved segment was created, changed or deleted.',
    payload: z.object({ id: z.string(), action: z.enum(['saved', 'deleted']) }),
  }),
};

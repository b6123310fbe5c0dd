import { z } from 'zod';
import { defineCall } from './define';
import { idSchema } from './common';

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const auditCalls = {
  'audit.list': defineCall({
    summary: 'The change history of one entity (newest first), or of everything.',
    input: z.object({
      entityId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ entries: z.array(auditEntry) }),
  }),
};

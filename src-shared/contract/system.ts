import { z } from 'zod';
import { defineCall } from './define';

export const systemCalls = {
  'system.info': defineCall({
    summary: 'Version, data folder, schema version and the current user.',
    input: z.object({}).strict().default({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number(),
      user: z.object({ id: z.string(), name: z.string() }),
    }),
  }),
  'system.check': defineCall({
    summary: 'Integrity check of the database file and the migration state.',
    input: z.object({}).strict().default({}),
    output: z.object({
      ok: z.boolean(),
      integrity: z.array(z.string()),
      foreignKeyProblems: z.number(),
      schemaVersion: z.number(),
      latestSchemaVersion: z.number(),
      counts: z.record(z.string(), z.number()),
    }),
  }),
};

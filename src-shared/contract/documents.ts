/** The documents slice: files filed on cards, stored inside the database. */
import { z } from 'zod';
import { defineCall } from './define';
import { idSchema, requiredText } from './common';
import { CARD_TYPES } from './cards';

/** At most this many bytes per `documents.read` (the web host takes 10 MB per call; base64 grows by a third). */
export const DOCUMENT_READ_BYTES = 4 * 1024 * 1024;
/** The largest file that can be filed. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024 * 1024;

export const DOCUMENT_SOURCES = ['picker', 'drop', 'paste', 'camera', 'folder', 'mail', 'cli'] as const;
export const TEXT_STATUSES = ['pending', 'done', 'failed', 'none'] as const;

const cardOut = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const documentSummary = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  source: z.string(),
  textStatus: z.enum(TEXT_STATUSES),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  versionCount: z.number(),
  /** Every card the document is filed on (forCard: the others only). */
  cards: z.array(cardOut),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentVersionOut = z.object({
  version: z.number(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const documentOut = documentSummary.extend({
  sha256: z.string(),
  deleted: z.boolean(),
  /** Newest first. */
  versions: z.array(documentVersionOut),
});
export type DocumentDetail = z.infer<typeof documentOut>;

const filing = z.object({ documentId: idSchema, cardId: idSchema });

export const documentsCalls = {
  'documents.attach': defineCall({
    summary: 'File an uploaded file (transfer.upload) on a card; the same bytes are stored once.',
    input: z.object({ uploadId: idSchema, cardId: idSchema, source: z.enum(DOCUMENT_SOURCES).default('picker') }),
    output: documentOut,
  }),
  'documents.attachExisting': defineCall({
    summary: 'File a document that is already in the database on one more card.',
    input: filing,
    output: documentOut,
  }),
  'documents.detach': defineCall({
    summary: 'Take a document off a card; on no card any more, it goes to the recycle bin.',
    input: filing,
    output: z.object({ documentId: z.string(), deleted: z.boolean() }),
  }),
  'documents.forCard': defineCall({
    summary: "A card's documents, newest first, with the other cards each one is filed on.",
    input: z.object({ cardId: idSchema }),
    output: z.object({ documents: z.array(documentSummary) }),
  }),
  'documents.get': defineCall({
    summary: 'One document with its versions and cards.',
    input: z.object({ id: idSchema }),
    output: documentOut,
  }),
  'documents.addVersion': defineCall({
    summary: 'A new version of a document from an uploaded file; the earlier versions stay.',
    input: z.object({ documentId: idSchema, uploadId: idSchema }),
    output: documentOut,
  }),
  'documents.read': defineCall({
    summary: 'A piece of a document (current or given version) as base64, for downloading in chunks.',
    input: z.object({
      id: idSchema,
      version: z.number().int().min(1).optional(),
      offset: z.number().int().min(0).default(0),
      length: z
        .number()
        .int()
        .min(1)
        .max(DOCUMENT_READ_BYTES, { message: 'Bir seferde en çok 4 MB okunabilir' })
        .default(DOCUMENT_READ_BYTES),
    }),
    output: z.object({ data: z.string(), size: z.number(), done: z.boolean(), name: z.string(), mimeType: z.string() }),
  }),
  'documents.rename': defineCall({
    summary: 'Rename a document (its current version).',
    input: z.object({ id: idSchema, name: requiredText(255, 'Belge adı') }),
    output: documentOut,
  }),
};

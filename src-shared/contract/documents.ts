/** The documents slice: files filed on cards, stored inside the database. */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, requiredText } from './common';
import { CARD_TYPES } from './cards';

/** At most this many bytes per `documents.read` (the web host takes 10 MB per call; base64 grows by a third). */
export const DOCUMENT_READ_BYTES = 4 * 1024 * 1024;
/** The largest file that can be filed. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024 * 1024;

export const DOCUMENT_SOURCES = ['picker', 'drop', 'paste', 'camera', 'folder', 'mail', 'cli'] as const;
/** pending: waiting for the extraction job; locked: password-protected, text once the user gives the password. */
export const TEXT_STATUSES = ['pending', 'done', 'failed', 'none', 'locked'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];
/** At most this many characters of extracted text per `documents.text` (the preview of a long file shows the start). */
export const DOCUMENT_TEXT_CHARS = 2_000_000;

export const MAX_DOCUMENT_TAG_LENGTH = 60;
export const MAX_DOCUMENT_TAGS = 50;
/** A document tag: trimmed, one spelling per Turkish-folded form. */
export const documentTag = requiredText(MAX_DOCUMENT_TAG_LENGTH, 'Etiket');

const cardOut = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const documentSummary = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  source: z.string(),
  textStatus: z.enum(TEXT_STATUSES),
  /** Why there is no text (failed, none, locked), in the user's words. */
  textError: z.string().nullable(),
  tags: z.array(z.string()),
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
  'documents.text': defineCall({
    summary: "A document's extracted text, page by page (the first DOCUMENT_TEXT_CHARS characters), and its status.",
    input: z.object({ id: idSchema }),
    output: z.object({
      status: z.enum(TEXT_STATUSES),
      reason: z.string().nullable(),
      pages: z.array(z.string()),
      /** Pages of the whole document (pages may hold fewer when truncated). */
      pageCount: z.number().nullable(),
      truncated: z.boolean(),
      extractor: z.string().nullable(),
    }),
  }),
  'documents.unlock': defineCall({
    summary: 'Extracts the text of a password-protected document with the password the user gave (never stored).',
    input: z.object({ id: idSchema, password: z.string().min(1, { message: 'Parola boş olamaz' }).max(1000) }),
    output: documentOut,
  }),
  'documents.retryText': defineCall({
    summary: 'Queues a document whose extraction failed for one more try.',
    input: z.object({ id: idSchema }),
    output: documentOut,
  }),
  'documents.extraction': defineCall({
    summary: 'Where the text extraction job is: documents waiting, the one in work, failures.',
    input: z.object({}).default({}),
    output: z.object({
      pending: z.number(),
      failed: z.number(),
      running: z.object({ documentId: z.string(), name: z.string() }).nullable(),
    }),
  }),
  'documents.setTags': defineCall({
    summary: "Replaces a document's tags (each spelled as already used elsewhere when it folds the same).",
    input: z.object({
      id: idSchema,
      tags: z
        .array(documentTag)
        .max(MAX_DOCUMENT_TAGS, { message: `Bir belgede en fazla ${MAX_DOCUMENT_TAGS} etiket olabilir` }),
    }),
    output: documentOut,
  }),
  'documents.tags': defineCall({
    summary: 'Every document tag in use with how many documents carry it, for suggestions.',
    input: z.object({}).default({}),
    output: z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) }),
  }),
  'documents.openExternal': defineCall({
    summary: "Opens a document (current or given version) with the OS's default program; desktop app only.",
    input: z.object({ id: idSchema, version: z.number().int().min(1).optional() }),
    output: z.object({ opened: z.boolean() }),
  }),
  'documents.rename': defineCall({
    summary: 'Rename a document (its current version).',
    input: z.object({ id: idSchema, name: requiredText(255, 'Belge adı') }),
    output: documentOut,
  }),
};

export const documentsEvents = {
  'documents.textChanged': defineEvent({
    summary: 'Text extraction finished (or was reset) for these documents; their status and search hits changed.',
    payload: z.object({ documentIds: z.array(z.string()), status: z.enum(TEXT_STATUSES) }),
  }),
  'documents.extraction': defineEvent({
    summary: 'Progress of the text extraction job (sent when a document starts and when the queue drains).',
    payload: z.object({
      pending: z.number(),
      running: z.object({ documentId: z.string(), name: z.string() }).nullable(),
    }),
  }),
};

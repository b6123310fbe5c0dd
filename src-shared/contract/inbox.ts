/**
 * The inbox slice: watched folders (a scanner's or any program's output folder)
 * and the files picked up from them, waiting to be filed on a card.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, optionalText, requiredText } from './common';
import { CARD_TYPES } from './cards';
import { TEXT_STATUSES } from './documents';

/**
 * An OS error on a file or folder, as a code the screen words in its own language
 * (not found, no permission, open in another program, read-only); `other` comes
 * with the OS's own message in `detail`.
 */
export const FILE_ERRORS = ['notFound', 'noAccess', 'busy', 'readOnly', 'other'] as const;
export type FileError = (typeof FILE_ERRORS)[number];

/** Why a folder cannot be watched right now, from the watch's last look (an unplugged drive is `missing`). */
export const folderProblemOut = z.object({
  code: z.enum(['missing', 'notFolder', 'unreadable']),
  /** For `unreadable`: what the OS said. */
  error: z.enum(FILE_ERRORS).nullable(),
  detail: z.string().nullable(),
});
export type FolderProblem = z.infer<typeof folderProblemOut>;

/** Why the original file stayed in its folder after filing or discarding. */
export const fileProblemOut = z.object({
  /** `changed`: written again after it was taken, so it holds something not in the database. */
  code: z.enum(['changed', 'notRemoved']),
  path: z.string(),
  /** For `notRemoved`: what the OS said. */
  error: z.enum(FILE_ERRORS).nullable(),
  detail: z.string().nullable(),
});
export type FileProblem = z.infer<typeof fileProblemOut>;

export const watchedFolderOut = z.object({
  id: z.string(),
  path: z.string(),
  label: z.string().nullable(),
  /** Why the folder cannot be watched right now, as of the watch's last look; null when fine (or not looked at yet). */
  problem: folderProblemOut.nullable(),
  /** Files from this folder waiting to be filed. */
  waiting: z.number(),
  createdAt: z.string(),
});
export type WatchedFolder = z.infer<typeof watchedFolderOut>;

/** How a suggestion was found, strongest first. */
export const SUGGESTION_KINDS = ['vkn', 'tckn', 'email', 'name'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const inboxSuggestion = z.object({
  card: z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() }),
  kind: z.enum(SUGGESTION_KINDS),
  /** What matched: the VKN, the masked TCKN, the address or the name as found in the text. */
  value: z.string(),
  /** The stored sentence, in Turkish ("VKN 1234567890 eşleşti"). */
  reason: z.string(),
});
export type InboxSuggestion = z.infer<typeof inboxSuggestion>;

export const inboxItemOut = z.object({
  id: z.string(),
  document: z.object({
    id: z.string(),
    name: z.string(),
    mimeType: z.string(),
    size: z.number(),
    textStatus: z.enum(TEXT_STATUSES),
  }),
  folder: z.object({ id: z.string(), path: z.string(), label: z.string().nullable() }),
  /** Where the file was found. */
  filePath: z.string(),
  foundAt: z.string(),
  /** null: no card found yet (text still being read) or nothing in the text points at a card. */
  suggestion: inboxSuggestion.nullable(),
});
export type InboxItem = z.infer<typeof inboxItemOut>;

const itemInput = z.object({ itemId: idSchema });

export const inboxCalls = {
  'inbox.folders.list': defineCall({
    summary: 'The watched folders, each with what keeps it from being watched (missing, unreadable) and its count.',
    input: z.object({}).default({}),
    output: z.object({ folders: z.array(watchedFolderOut) }),
  }),
  'inbox.folders.add': defineCall({
    summary: 'Watch one more folder (admins only): it must exist, be a folder and be readable.',
    input: z.object({ path: requiredText(1000, 'Klasör yolu'), label: optionalText(120) }),
    output: watchedFolderOut,
  }),
  'inbox.folders.remove': defineCall({
    summary: 'Stop watching a folder (admins only); its waiting files stay in the inbox.',
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string() }),
  }),
  'inbox.list': defineCall({
    summary: 'Files waiting to be filed, newest first, each with the card its text points at.',
    input: z.object({}).default({}),
    output: z.object({ items: z.array(inboxItemOut) }),
  }),
  'inbox.count': defineCall({
    summary: 'How many files wait to be filed (the badge in the menu).',
    input: z.object({}).default({}),
    output: z.object({ waiting: z.number() }),
  }),
  'inbox.file': defineCall({
    summary:
      'File a waiting document on a card; after that the original is removed from the watched folder ' +
      '(the filing stands even when it cannot be removed: the answer says why).',
    input: z.object({ itemId: idSchema, cardId: idSchema }),
    output: z.object({
      documentId: z.string(),
      card: z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() }),
      /** true when the original file is gone from the folder. */
      fileRemoved: z.boolean(),
      /** Why the original is still there, when it is. */
      fileProblem: fileProblemOut.nullable(),
    }),
  }),
  'inbox.discard': defineCall({
    summary: 'Throw a waiting file away: the document goes to the recycle bin, the original leaves the folder.',
    input: itemInput,
    output: z.object({
      documentId: z.string(),
      fileRemoved: z.boolean(),
      fileProblem: fileProblemOut.nullable(),
    }),
  }),
  'inbox.scan': defineCall({
    summary: 'Look into every watched folder now; answers how many new files came in.',
    input: z.object({}).default({}),
    output: z.object({ added: z.number() }),
  }),
};

export const inboxEvents = {
  'inbox.changed': defineEvent({
    summary: 'Files came in, were filed or discarded, a suggestion was found, or the watched folders changed.',
    payload: z.object({ waiting: z.number() }),
  }),
};

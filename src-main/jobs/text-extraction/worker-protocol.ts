/**
 * Messages between the extraction job and its worker process (IPC channel).
 * Only names cross: the worker reads the bytes from the database file itself,
 * so a large file is never copied through the channel.
 */
import type { ExtractResult } from './extract-types';

/** Larger contents are not read at all: their text would not fit the worker's memory cap anyway. */
export const MAX_EXTRACT_BYTES = 256 * 1024 * 1024;

/** Given once, on the worker's command line (nothing secret in it). */
export interface WorkerSetup {
  dbFile: string;
  maxBytes: number;
  /** The app's data folder: the OCR language data is copied under it (see ocr.ts). */
  dataDir: string;
}

export interface ExtractRequest {
  id: number;
  sha256: string;
  name: string;
  mimeType: string;
  /** Only for documents.unlock; only over the channel (never argv or env), never stored, never logged. */
  password?: string;
  /** When to stop reading pages and answer with those read (ExtractInput.deadline), set by the host. */
  deadline: number;
}

export interface ExtractReply {
  id: number;
  result: ExtractResult;
}

/**
 * What the text extractors take and give. The extraction job runs them inside a
 * worker process with a memory cap and a time limit; they are plain functions of
 * the bytes, tested without the job.
 */

export interface ExtractInput {
  bytes: Uint8Array;
  /** The document's file name (its extension decides the format when the type is generic). */
  name: string;
  mimeType: string;
  /** Given by the user for a password-protected file; never stored. */
  password?: string;
  /** OCR for images and for PDF pages without embedded text. */
  ocr: OcrEngine;
  /**
   * When (Date.now() milliseconds) to stop reading pages: the pages read by then are the
   * result (`done`), the later ones stay empty. The job sets it at 80% of its time limit
   * (text-worker-host.ts), so a scan too long to OCR in time gives the text of its first
   * pages instead of a kill that loses them all (and a retry that loses them again); the
   * kill at the limit stays for a page that overruns. Checked between pages, so the first
   * page is always read. Without it: no limit.
   */
  deadline?: number;
}

export type ExtractResult =
  /** pages: one string per page for paged formats (PDF, OCR'd TIFF pages), one for the rest. */
  | { status: 'done'; pages: string[]; extractor: string }
  /** Nothing to extract (unknown binary, an image with no text): not an error. */
  | { status: 'none'; reason: string; extractor?: string }
  /** Password-protected: text once the user gives the password. */
  | { status: 'locked'; reason: string }
  /** Corrupt, truncated, hostile or too large: the document stays stored and openable. */
  | { status: 'failed'; reason: string };

export interface OcrEngine {
  /** Text of one image (PNG/JPEG/BMP/PBM bytes or a PNG rendered from a PDF page), Turkish and English. */
  recognize(image: Uint8Array): Promise<string>;
  /** Frees the OCR worker. */
  close(): Promise<void>;
}

/**
 * What the text extractors take and give. The extraction job runs them inside a
 * worker thread with a memory cap and a time limit; they are plain functions of
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

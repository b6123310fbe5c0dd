/**
 * Bounds on what one file may cost. The extraction job adds a memory cap and a
 * time limit around all of it; these make the common hostile cases fail early,
 * with a reason, instead of at the cap.
 */
export const LIMITS = {
  /** PDF pages read for embedded text; a file claiming more gives its first pages. */
  pdfTextPages: 2000,
  /** Pages without embedded text that are rendered and OCR'd (about a second each); later ones stay empty. */
  pdfOcrPages: 100,
  /** Longest side of a PDF page rendered for OCR: ~300 dpi for A4, and never a giant canvas. */
  ocrRenderSide: 3500,
  /** Text kept from one file; more is cut (a search index entry, not an archive). */
  textChars: 20_000_000,
  /** Declared uncompressed size of all entries of an Office/OpenDocument zip. */
  zipUncompressedBytes: 300 * 1024 * 1024,
  /** Uncompressed:compressed ratio refused once the declared total passes zipRatioFromBytes. */
  zipRatio: 500,
  zipRatioFromBytes: 50 * 1024 * 1024,
  /** Images: pixels and longest side decoded for OCR. */
  imagePixels: 40_000_000,
  imageSide: 30_000,
  /** Pages OCR'd from a multi-page TIFF. */
  tiffPages: 100,
  /** Spreadsheet cells read (all sheets). */
  sheetCells: 2_000_000,
} as const;

/** True once the extraction's deadline (ExtractInput.deadline) has passed: read no further page. */
export const pastDeadline = (deadline: number | undefined): boolean => deadline !== undefined && Date.now() >= deadline;

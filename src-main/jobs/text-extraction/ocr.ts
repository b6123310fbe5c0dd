import type { OcrEngine } from './extract-types';

/** OCR in Turkish and English, offline. (Placeholder until the tesseract.js engine lands.) */
export function createOcrEngine(): OcrEngine {
  return {
    recognize: () => Promise.reject(new Error('OCR is not available yet')),
    close: () => Promise.resolve(),
  };
}

import type { ExtractInput, ExtractResult } from './extract-types';

/**
 * Text of a file by its type. (Placeholder: plain text only, until the
 * extractors for PDF, Office, mail and images land.)
 */
export async function extractText(input: ExtractInput): Promise<ExtractResult> {
  if (input.mimeType.startsWith('text/')) {
    return { status: 'done', pages: [Buffer.from(input.bytes).toString('utf8')], extractor: 'text' };
  }
  return { status: 'none', reason: 'Bu dosya türünden metin çıkarılamıyor.' };
}

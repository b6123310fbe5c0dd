import mammoth from 'mammoth';
import { ExtractFailure } from './extract-failure';
import { guardZip } from './zip-guard';

/** A Word document (.docx): paragraphs as lines (mammoth's raw text, tables and lists included). */
export async function extractDocx(bytes: Uint8Array): Promise<string> {
  const entries = guardZip(bytes);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new ExtractFailure('dosya bozuk: Word belgesinin içeriği (word/document.xml) yok');
  }
  const result = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  return result.value;
}

import fs from 'node:fs';
import { invalidInput } from '../../../src-shared/contract/errors';
import { MAX_ICS_BYTES } from './ics-blocks';

/** An .ics file is UTF-8 by RFC 5545; an old Turkish export may still be windows-1254. */
export function readIcsFile(path: string, fileName: string): string {
  const bytes = fs.readFileSync(path);
  if (bytes.length > MAX_ICS_BYTES) {
    throw invalidInput(
      `"${fileName}" çok büyük: en çok ${MAX_ICS_BYTES / (1024 * 1024)} MB'lık .ics içe aktarılabilir.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1254').decode(bytes);
  }
}

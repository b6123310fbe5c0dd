import { DOCUMENT_READ_BYTES } from '../../../src-shared/contract/documents';
import type { Client } from '../../app/client';
import { saveFile } from '../transfer/transfer-files';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface DocumentBytes {
  parts: Uint8Array<ArrayBuffer>[];
  size: number;
  name: string;
  mimeType: string;
  /** False when reading stopped at `limit` before the end of the file. */
  complete: boolean;
}

/**
 * Reads a document (or one version) from main in 4 MB pieces, the web host's body
 * limit; `limit` stops early, for previews that only show the start of a file.
 */
export async function readDocument(
  client: Client,
  id: string,
  options: { version?: number; limit?: number } = {},
): Promise<DocumentBytes> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.call('documents.read', {
      id,
      version: options.version,
      offset,
      length: DOCUMENT_READ_BYTES,
    });
    const bytes = bytesOf(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    const reachedLimit = options.limit !== undefined && offset >= options.limit;
    if (chunk.done || reachedLimit || bytes.length === 0)
      return { parts, size: offset, name: chunk.name, mimeType: chunk.mimeType, complete: chunk.done };
  }
}

/** One buffer of all the pieces (pdf.js wants the file whole). */
export function joinParts(parts: Uint8Array<ArrayBuffer>[], size: number): Uint8Array<ArrayBuffer> {
  if (parts.length === 1 && parts[0]!.length === size) return parts[0]!;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

/** Downloads the current version or an earlier one under the name it had. */
export async function saveDocument(client: Client, id: string, version?: number): Promise<void> {
  const file = await readDocument(client, id, { version });
  saveFile(file.parts, file.name, file.mimeType);
}

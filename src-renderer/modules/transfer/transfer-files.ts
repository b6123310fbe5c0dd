import { TRANSFER_CHUNK_BYTES } from '../../../src-shared/contract/transfer';
import type { Client } from '../../app/client';

/** A slice of a file as base64 (FileReader does the encoding natively, in one go). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file to main in 4 MB chunks (the web host takes at most 10 MB per
 * call, and the renderer cannot hand main a path). Answers the upload id.
 */
export async function uploadFile(client: Client, file: File, onProgress: (fraction: number) => void): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const data = await base64Of(file.slice(offset, offset + TRANSFER_CHUNK_BYTES));
    const result = await client.call('transfer.upload', { uploadId, fileName: file.name, offset, data });
    uploadId = result.uploadId;
    offset = result.size;
    onProgress(file.size ? offset / file.size : 1);
  } while (offset < file.size);
  return uploadId;
}

/** Hands bytes to the browser as a download with this name. */
export function saveFile(parts: BlobPart[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches an export from main chunk by chunk and saves it. */
export async function downloadExport(
  client: Client,
  file: { downloadId: string; fileName: string; mimeType: string },
): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.call('transfer.download', { downloadId: file.downloadId, offset });
    const binary = atob(chunk.data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) break;
  }
  saveFile(parts, file.fileName, file.mimeType);
}

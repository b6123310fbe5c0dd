import crypto from 'node:crypto';
import fs from 'node:fs';
import { BLOB_CHUNK_BYTES, type BlobInfo } from '../../services/documents/blob-store';

/** Opening a link fails (ELOOP) instead of reading what it points at; Windows has no such flag (links need admin there). */
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Hashes a file in a watched folder, the first pass before storing it. Only a
 * regular file is read: a symbolic link dropped into a shared scanner folder
 * (pointing at someone's private key, say) or a named pipe is refused, even if
 * it replaced the file after the folder was listed. Stops between chunks once
 * `signal` is aborted (the app is closing).
 */
export async function hashRegularFile(file: string, signal?: AbortSignal): Promise<BlobInfo> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | NO_FOLLOW);
  try {
    if (!(await handle.stat()).isFile())
      throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTFILE' });
    const hash = crypto.createHash('sha256');
    const buffer = Buffer.alloc(BLOB_CHUNK_BYTES);
    let size = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}

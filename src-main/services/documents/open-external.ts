import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServiceContext } from '../../core/context';
import { stmt } from '../../db/statements';
import { ContractError, notFound } from '../../../src-shared/contract/errors';
import { blobStream, readBlobRange } from './blob-store';
import { runnableReason } from './runnable-files';
import { documentRow } from './live-rows';

/**
 * A file name safe to create on any desk OS: separators become '_' (a slash in a
 * document's name is not a folder), no characters Windows refuses, no reserved
 * device names, not empty. The name stays recognisable because the user sees it
 * in the title bar of the program that opens it.
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(safe)) safe = `_${safe}`;
  return safe.slice(-200) || 'belge';
}

/**
 * Opens a document (its current or a given version) with the OS's default program:
 * the bytes are written under DATA/open/<document>/<version>/ (the user's own
 * folder, not a shared temp dir) and handed to the desktop shell. Written once per
 * version: the program may still hold the file open from last time.
 */
export async function openExternal(ctx: ServiceContext, input: { id: string; version?: number | undefined }) {
  if (!ctx.desktop) {
    throw new ContractError(
      'CONFLICT',
      'Dosyayı varsayılan programla açmak yalnızca masaüstü uygulamasında olur; burada "İndir"i kullanın.',
    );
  }
  const document = documentRow(ctx.db, input.id);
  if (!document) throw notFound(`Belge (${input.id})`);
  const row = stmt(
    ctx.db,
    `select version, name, sha256 from document_versions where document_id = ?
       and version = coalesce(?, (select max(version) from document_versions where document_id = ?))`,
  ).get(document.id, input.version ?? null, document.id) as
    { version: number; name: string; sha256: string } | undefined;
  if (!row) throw notFound(`"${document.name}" belgesinin ${input.version}. sürümü`);
  const shownName = input.version === undefined ? document.name : row.name;
  const runnable = runnableReason(shownName, readBlobRange(ctx.db, row.sha256, 0, 8));
  if (runnable) {
    throw new ContractError(
      'FORBIDDEN',
      `"${shownName}" ${runnable} çalıştırılabilir bir dosya; güvenlik için Kartotek onu açmaz. ` +
        'Açmanız gerekiyorsa "İndir" ile kaydedip önce virüs taramasından geçirin.',
    );
  }
  const dir = path.join(ctx.dataDir, 'open', document.id, String(row.version));
  // The current version's file carries the document's current name (it may have been renamed).
  const file = path.join(dir, safeFileName(shownName));
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const partial = `${file}.part`;
    await pipeline(blobStream(ctx.db, row.sha256), fs.createWriteStream(partial, { mode: 0o600 }));
    fs.renameSync(partial, file);
  }
  await ctx.desktop.openPath(file);
  return { opened: true };
}

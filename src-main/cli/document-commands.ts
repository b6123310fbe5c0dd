import path from 'node:path';
import type { KartotekApp } from '../core/app';
import { isoNow } from '../core/context';
import { ContractError } from '../../src-shared/contract/errors';
import { CARD_TYPES } from '../../src-shared/contract/cards';
import { attachFile } from '../services/documents/document-writes';
import { liveCard } from '../services/documents/live-rows';
import { getDocument } from '../services/documents/document-reads';
import { CommandError } from './transfer-commands';

const TARGET = /^(person|institution):([0-9a-f-]{36})$/i;

/**
 * `docs add FILE --to person:ID`: files a file from disk on a card. The CLI runs
 * on the same machine as the data folder, so main reads the path itself (no
 * upload), through the same service, checks and audit as the app.
 */
export async function docsAddCommand(
  app: KartotekApp,
  input: { file: string | undefined; to: string | undefined },
): Promise<{ documentId: string; textStatus: string }> {
  if (!input.file) throw new CommandError('eklenecek dosya gerekli: kartotek docs add DOSYA --to person:KİMLİK', true);
  const target = TARGET.exec(input.to ?? '');
  if (!target)
    throw new CommandError(`--to ${CARD_TYPES.join('|')}:KİMLİK olmalı (verilen: "${input.to ?? ''}")`, true);
  const [, type, cardId] = target as unknown as [string, string, string];
  try {
    const card = liveCard(app.ctx.db, cardId);
    if (card.type !== type.toLowerCase()) throw new CommandError(`${cardId} bir ${type} kartı değil (${card.type}).`);
    const change = await attachFile(
      app.ctx.db,
      { userId: app.ctx.userId, at: isoNow(app.ctx) },
      { file: { path: path.resolve(input.file), fileName: path.basename(input.file) }, cardId, source: 'cli' },
    );
    return { documentId: change.documentId, textStatus: getDocument(app.ctx.db, change.documentId).textStatus };
  } catch (err) {
    if (err instanceof ContractError) throw new CommandError(`${err.code}: ${err.message}`);
    throw err;
  }
}

import path from 'node:path';
import type { KartotekApp } from '../core/app';
import { isoNow } from '../core/context';
import { ContractError } from '../../src-shared/contract/errors';
import { CARD_TYPES } from '../../src-shared/contract/cards';
import { attachFile } from '../services/documents/document-writes';
import { liveCard } from '../services/documents/live-rows';
import { getDocument } from '../services/documents/document-reads';
import { documentText } from '../services/documents/document-text';
import { drainTextExtraction } from '../jobs/text-extraction/text-extraction-job';
import { CommandError } from './transfer-commands';

const TARGET = /^(person|institution):([0-9a-f-]{36})$/i;

/**
 * `docs add FILE --to person:ID`: files a file from disk on a card. The CLI runs
 * on the same machine as the data folder, so main reads the path itself (no
 * upload), through the same service, checks and audit as the app. Then, unless
 * `wait` is false, extracts that file's text (the CLI runs no background job),
 * so the answer carries the final text status and the text is searchable.
 */
export async function docsAddCommand(
  app: KartotekApp,
  input: { file: string | undefined; to: string | undefined; wait?: boolean },
): Promise<{ documentId: string; textStatus: string; textError: string | null }> {
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
    if (input.wait !== false) await drainTextExtraction(app, { documentIds: [change.documentId] });
    const { textStatus, textError } = getDocument(app.ctx.db, change.documentId);
    return { documentId: change.documentId, textStatus, textError };
  } catch (err) {
    if (err instanceof ContractError) throw new CommandError(`${err.code}: ${err.message}`);
    throw err;
  }
}

/**
 * `docs text ID`: the extracted text, pages separated by form feeds (as
 * pdftotext writes them). No text (yet) is not an error: main.ts writes the
 * reason to stderr and leaves stdout empty.
 */
export function docsTextCommand(app: KartotekApp, id: string | undefined) {
  if (!id) throw new CommandError('belge kimliği gerekli: kartotek docs text KİMLİK', true);
  try {
    // All of it: a script asking for the text wants the whole text, not the preview's first part.
    return documentText(app.ctx.db, id, Number.MAX_SAFE_INTEGER);
  } catch (err) {
    if (err instanceof ContractError) throw new CommandError(`${err.code}: ${err.message}`);
    throw err;
  }
}

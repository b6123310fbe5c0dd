import type { ServiceContext } from '../../core/context';
import type { CardType } from '../../../src-shared/contract/cards';
import type { TransferInspection } from '../../../src-shared/contract/transfer';
import { isCriterionTarget } from '../../../src-shared/contract/transfer';
import { criteriaColumns } from './card-extras';
import { layoutKey, suggestMapping } from './columns';
import { rememberedMapping } from './mapping-store';
import { openSheet, DEFAULT_SHEET_LIMITS, type SheetLimits } from './read/sheet';
import { yieldToEventLoop } from './read/records';
import { sweepTempFiles, uploadFile } from './temp-files';

const SAMPLE_ROWS = 5;

/**
 * What an uploaded file holds, for the mapping step: its format and encoding,
 * the header row, the first rows, how many rows there are (the whole file is
 * read, as a stream) and the mapping to offer: the one last used for the same
 * header row, else one suggested from the headers (criteria fields' too, so a
 * Kartotek export reads back with no mapping work).
 */
export async function inspectUpload(
  ctx: ServiceContext,
  input: { uploadId: string; cardType: CardType },
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<TransferInspection> {
  sweepTempFiles(ctx.dataDir, ctx.now());
  const upload = uploadFile(ctx.dataDir, input.uploadId);
  const sheet = await openSheet(upload.path, upload.fileName, input.cardType, limits);
  const sample: string[][] = [];
  let rowCount = 0;
  for await (const record of sheet.rows) {
    if (sample.length < SAMPLE_ROWS) sample.push(record.cells);
    if (++rowCount % 1000 === 0) await yieldToEventLoop();
  }
  const criteria = criteriaColumns(ctx.db, input.cardType);
  const live = new Set(criteria.map((c) => c.target));
  const remembered = rememberedMapping(
    ctx.db,
    input.cardType,
    layoutKey(sheet.headers),
    sheet.headers.length,
    (t) => !isCriterionTarget(t) || live.has(t),
  );
  return {
    uploadId: input.uploadId,
    fileName: upload.fileName,
    format: sheet.kind.format,
    encoding: sheet.kind.encoding,
    delimiter: sheet.delimiter,
    headers: sheet.headers,
    sample,
    rowCount,
    mapping: remembered ?? suggestMapping(input.cardType, sheet.headers, criteria),
    mappingSource: remembered ? 'remembered' : 'suggested',
    warnings: sheet.warnings,
  };
}

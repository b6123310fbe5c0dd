import fs from 'node:fs';
import { once } from 'node:events';
import type { z } from 'zod';
import type { ServiceContext } from '../../../core/context';
import type { Institution, Person } from '../../../../src-shared/contract/cards';
import { ContractError } from '../../../../src-shared/contract/errors';
import type { transferCalls } from '../../../../src-shared/contract/transfer';
import { todayInIstanbul } from '../../../../src-shared/domain/dates';
import { foldForSearch } from '../../../../src-shared/domain/turkish-text';
import { getInstitution } from '../../cards/institutions';
import { getPerson } from '../../cards/persons';
import { startJob, type Job } from '../jobs';
import { yieldToEventLoop } from '../read/records';
import { discardExport, newExportFile } from '../temp-files';
import { exportColumns, flattenCard, type FlatCard } from './card-columns';
import { exportIds, segmentName } from './export-query';
import { writeCsv, writeXlsx } from './write-sheet';
import { vcardOf } from './write-vcard';

export type ExportInput = z.output<(typeof transferCalls)['transfer.export']['input']>;

const MIME_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  vcf: 'text/vcard;charset=utf-8',
} as const;

const CARDS_PER_SLICE = 200;

const cancelledError = () => new ContractError('CONFLICT', 'Dışa aktarma iptal edildi.');

function fileNameFor(ctx: ServiceContext, input: ExportInput): string {
  const what = input.cardType === 'person' ? 'kisiler' : 'kurumlar';
  const segment = input.filter.segmentId ? segmentName(ctx.db, input.filter.segmentId) : null;
  const slug = segment
    ? foldForSearch(segment)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
    : '';
  return `${what}${slug ? `-${slug}` : ''}-${todayInIstanbul(ctx.now())}.${input.format}`;
}

/** Reads the cards in slices, letting the event loop run between them (progress, cancel). */
async function* readCards(ctx: ServiceContext, input: ExportInput, ids: readonly string[], job: Job) {
  for (let i = 0; i < ids.length; i++) {
    if (i % CARDS_PER_SLICE === 0 && i > 0) {
      job.progress('exporting', i, ids.length);
      await yieldToEventLoop();
      if (job.signal.aborted) throw cancelledError();
    }
    yield input.cardType === 'person' ? getPerson(ctx.db, ids[i]!) : getInstitution(ctx.db, ids[i]!);
  }
}

async function writeVcf(file: string, cards: AsyncGenerator<Person | Institution>): Promise<void> {
  const out = fs.createWriteStream(file);
  try {
    for await (const card of cards) {
      if (!out.write(vcardOf(card))) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/**
 * Writes the cards of a list or segment to a temp file that `transfer.download`
 * hands out in chunks. Sheets read every card first (the widest card decides
 * how many phone columns there are), then write; vCards stream straight out.
 */
export async function runExport(ctx: ServiceContext, input: ExportInput) {
  const job = startJob(ctx.events, input.jobId);
  const fileName = fileNameFor(ctx, input);
  const target = newExportFile(
    ctx.dataDir,
    { fileName, createdAt: ctx.now().toISOString(), mimeType: MIME_TYPES[input.format] },
    ctx.now(),
  );
  try {
    const ids = exportIds(ctx.db, input.cardType, input.filter, todayInIstanbul(ctx.now()));
    job.progress('exporting', 0, ids.length);
    if (input.format === 'vcf') {
      await writeVcf(target.path, readCards(ctx, input, ids, job));
    } else {
      const flat: FlatCard[] = [];
      for await (const card of readCards(ctx, input, ids, job)) flat.push(flattenCard(card));
      const columns = exportColumns(input.cardType, flat);
      const keepGoing = (done: number) => {
        job.progress('exporting', done, ids.length);
        return !job.signal.aborted;
      };
      if (input.format === 'csv') await writeCsv(target.path, columns, flat, keepGoing);
      else await writeXlsx(target.path, input.cardType, columns, flat, keepGoing);
      if (job.signal.aborted) throw cancelledError();
    }
    job.progress('done', ids.length, ids.length);
    return {
      downloadId: target.downloadId,
      fileName,
      mimeType: MIME_TYPES[input.format],
      size: fs.statSync(target.path).size,
      rowCount: ids.length,
    };
  } catch (err) {
    discardExport(ctx.dataDir, target.downloadId);
    throw err;
  } finally {
    job.finish();
  }
}

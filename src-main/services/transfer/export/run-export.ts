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
import { liveFields } from '../../criteria/definitions';
import type { CriteriaField } from '../card-extras';
import { startJob, type Job } from '../jobs';
import { yieldToEventLoop } from '../read/records';
import { discardExport, newExportFile } from '../temp-files';
import { exportColumns, flattenCard, type FlatCard } from './card-columns';
import { extrasOfCards, type CardExtras } from './card-extras';
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

interface ExportedCard {
  card: Person | Institution;
  extras: CardExtras;
}

/**
 * Reads the cards in slices, letting the event loop run between them
 * (progress, cancel); each slice's tags and criteria values in one go.
 */
async function* readCards(
  ctx: ServiceContext,
  input: ExportInput,
  ids: readonly string[],
  fields: readonly CriteriaField[],
  job: Job,
): AsyncGenerator<ExportedCard> {
  for (let start = 0; start < ids.length; start += CARDS_PER_SLICE) {
    if (start > 0) {
      job.progress('exporting', start, ids.length);
      await yieldToEventLoop();
      if (job.signal.aborted) throw cancelledError();
    }
    const slice = ids.slice(start, start + CARDS_PER_SLICE);
    const extras = extrasOfCards(ctx.db, slice, fields, input.format !== 'vcf');
    for (const id of slice) {
      const card = input.cardType === 'person' ? getPerson(ctx.db, id) : getInstitution(ctx.db, id);
      // The ids were chosen before the pauses: a card binned or merged away since is not exported.
      if (card.deletedAt) continue;
      yield { card, extras: extras.get(id)! };
    }
  }
}

async function writeVcf(file: string, cards: AsyncGenerator<ExportedCard>): Promise<void> {
  const out = fs.createWriteStream(file);
  try {
    for await (const { card, extras } of cards) {
      if (!out.write(vcardOf(card, extras.tags))) await once(out, 'drain');
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
    const fields = liveFields(ctx.db, input.cardType);
    let rowCount = 0;
    const cards = async function* () {
      for await (const card of readCards(ctx, input, ids, fields, job)) {
        rowCount++;
        yield card;
      }
    };
    if (input.format === 'vcf') {
      await writeVcf(target.path, cards());
    } else {
      const flat: FlatCard[] = [];
      for await (const { card, extras } of cards()) flat.push(flattenCard(card, extras));
      const columns = exportColumns(input.cardType, flat, fields);
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
      rowCount,
    };
  } catch (err) {
    discardExport(ctx.dataDir, target.downloadId);
    throw err;
  } finally {
    job.finish();
  }
}

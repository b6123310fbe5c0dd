import type { z } from 'zod';
import { actingStamp, isoNow, type ServiceContext } from '../../core/context';
import { writeTransaction } from '../../db/transaction';
import type { CardType } from '../../../src-shared/contract/cards';
import { invalidInput } from '../../../src-shared/contract/errors';
import {
  isRepeatableTarget,
  parseTarget,
  type TransferImportReport,
  type TransferRowError,
  type transferCalls,
} from '../../../src-shared/contract/transfer';
import { checkWholeRow, ExtrasReader } from './card-extras';
import { headerOf, layoutKey } from './columns';
import { ImportPlan } from './import-plan';
import { startJob, type Job } from './jobs';
import { rememberMapping } from './mapping-store';
import { openSheet, DEFAULT_SHEET_LIMITS, type SheetLimits } from './read/sheet';
import { yieldToEventLoop } from './read/records';
import { planColumns, rowInput } from './row-input';
import { discardUpload, uploadFile } from './temp-files';
import type { FieldProblem } from './validate-row';
import { RowWriteError, writePlan } from './write-cards';

export type ImportInput = z.output<(typeof transferCalls)['transfer.import']['input']>;

/** The report holds this many errors; the count of rows with errors is always exact. */
export const MAX_REPORTED_ERRORS = 5000;
/** Rows checked between two looks at the event loop (cancel, progress). */
const ROWS_PER_SLICE = 250;
/** cards.changed events after an import: enough for every open list to refetch, not one per card of 100k. */
const MAX_CHANGE_EVENTS = 50;

/**
 * The mapping must name the card (persons: first and last name, or a full
 * name; institutions: the title), a field can take one column only, and a
 * criteria column must go to a live field of the card type.
 */
function checkMapping(
  cardType: CardType,
  mapping: readonly (string | null)[],
  headers: readonly string[],
  extras: ExtrasReader,
): void {
  if (mapping.length !== headers.length) {
    throw invalidInput(
      `Eşleme ${mapping.length} sütun için, dosyada ${headers.length} sütun var; dosyayı yeniden inceleyin.`,
    );
  }
  const has = (t: string) => mapping.includes(t);
  if (cardType === 'person' && !has('fullName') && !(has('firstName') && has('lastName'))) {
    throw invalidInput('Eşleme eksik: "Ad" ve "Soyad" sütunlarını (ya da "Ad soyad" sütununu) seçin.');
  }
  if (cardType === 'institution' && !has('title')) throw invalidInput('Eşleme eksik: "Unvan" sütununu seçin.');
  const first = new Map<string, number>();
  mapping.forEach((t, i) => {
    if (!t || isRepeatableTarget(t)) return;
    const target = parseTarget(t);
    if (target.group === 'criterion' && !extras.isLive(target.fieldId)) {
      throw invalidInput(
        `"${headers[i]}" sütunu artık olmayan bir kriter alanına eşlenmiş (silinmiş ya da ${cardType === 'person' ? 'kişi' : 'kurum'} kartlarında yok); dosyayı yeniden inceleyin.`,
      );
    }
    const earlier = first.get(t);
    if (earlier !== undefined) {
      const field = target.group === 'criterion' ? extras.headerOf(target.fieldId) : headerOf(t);
      throw invalidInput(
        `"${headers[earlier]}" ve "${headers[i]}" sütunları aynı alana (${field}) eşlenmiş; birini değiştirin.`,
      );
    }
    first.set(t, i);
  });
}

interface Outcomes {
  created: number;
  updated: number;
  skipped: number;
}

class ErrorLog {
  readonly errors: TransferRowError[] = [];
  readonly rows = new Set<number>();
  truncated = false;
  constructor(private readonly headers: readonly string[]) {}
  add(row: number, problems: readonly FieldProblem[]): void {
    this.rows.add(row);
    for (const p of problems) {
      if (this.errors.length >= MAX_REPORTED_ERRORS) {
        this.truncated = true;
        return;
      }
      this.errors.push({
        row,
        column: p.column === undefined ? '' : (this.headers[p.column] ?? ''),
        message: p.message,
      });
    }
  }
}

/**
 * Reads, checks and (unless a dry run) writes the rows of an uploaded file.
 * Reading and checking run in slices that let the event loop breathe, so
 * progress events go out and `transfer.cancel` gets through; writing is one
 * synchronous transaction at the end, so an import is whole or not at all.
 */
export async function runImport(
  ctx: ServiceContext,
  input: ImportInput,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<TransferImportReport> {
  const job = startJob(ctx.events, input.jobId, input.uploadId);
  try {
    return await importWith(ctx, input, job, limits);
  } finally {
    job.finish();
  }
}

async function importWith(
  ctx: ServiceContext,
  input: ImportInput,
  job: Job,
  limits: SheetLimits,
): Promise<TransferImportReport> {
  const { db } = ctx;
  const { cardType, mapping } = input;
  const upload = uploadFile(ctx.dataDir, input.uploadId);
  job.progress('reading', 0, null);
  const sheet = await openSheet(upload.path, upload.fileName, cardType, limits);
  const extras = new ExtrasReader(db, cardType);
  try {
    checkMapping(cardType, mapping, sheet.headers, extras);
  } catch (err) {
    await sheet.rows.return(undefined);
    throw err;
  }
  rememberMapping(db, cardType, layoutKey(sheet.headers), mapping, isoNow(ctx));

  const columns = planColumns(mapping);
  const withLinks = mapping.some((t) => t?.startsWith('affiliation.'));
  const plan = new ImportPlan(db, cardType, input.onDuplicate, withLinks);
  const errors = new ErrorLog(sheet.headers);
  let rowCount = 0;
  let cancelled = false;

  for await (const record of sheet.rows) {
    rowCount++;
    if (rowCount % ROWS_PER_SLICE === 0) {
      job.progress('validating', rowCount, null);
      await yieldToEventLoop();
      if (job.signal.aborted) {
        cancelled = true;
        break;
      }
    }
    if (record.error) {
      errors.add(record.row, [{ column: undefined, message: record.error }]);
      continue;
    }
    const checked = checkWholeRow(cardType, rowInput(columns, record.cells), extras);
    const outcome = checked.ok ? plan.add(record.row, checked.input, checked.links, checked.extras) : checked.problems;
    if (Array.isArray(outcome)) errors.add(record.row, outcome);
  }
  const toWrite = plan.toWrite();
  const institutions = plan.institutionsToCreate();
  const report = (committed: boolean, counts: Outcomes, institutionsCreated: number): TransferImportReport => ({
    jobId: job.id,
    dryRun: input.dryRun,
    committed,
    cancelled,
    rowCount,
    ...counts,
    institutionsCreated,
    errorRows: errors.rows.size,
    errors: errors.errors,
    errorsTruncated: errors.truncated,
    warnings: sheet.warnings,
  });
  const none: Outcomes = { created: 0, updated: 0, skipped: 0 };
  if (cancelled) return report(false, none, 0);
  if (input.dryRun) {
    job.progress('done', rowCount, rowCount);
    return report(false, plan.outcomes, institutions.size);
  }
  if (errors.rows.size > 0 && !input.validRowsOnly) {
    job.progress('done', rowCount, rowCount);
    return report(false, none, 0);
  }

  job.progress('writing', 0, toWrite.length);
  const stamp = actingStamp(ctx);
  let written;
  try {
    written = writeTransaction(db, () => {
      const fresh = plan.freshen();
      if (fresh.lost.length && !input.validRowsOnly) throw new RowWriteError(fresh.lost[0]!.failure);
      const result = writePlan(
        db,
        cardType,
        fresh.toWrite,
        fresh.institutionsToCreate,
        fresh.institutionIds,
        stamp,
        input.validRowsOnly,
      );
      return { ...result, lost: fresh.lost };
    });
  } catch (err) {
    if (!(err instanceof RowWriteError)) throw err;
    errors.add(err.failure.rows[0]!, [{ column: undefined, message: err.failure.message }]);
    return report(false, none, 0);
  }
  for (const failure of written.failures) {
    for (const row of failure.rows) errors.add(row, [{ column: undefined, message: failure.message }]);
  }
  // Rows of cards that failed to write, or whose matched card went away, move from their outcome to the errors.
  const counts = { ...plan.outcomes };
  for (const { failure, outcome } of written.lost) {
    for (const row of failure.rows) errors.add(row, [{ column: undefined, message: failure.message }]);
    counts[outcome] -= failure.rows.length;
  }
  for (const failure of written.failures) {
    const card = toWrite.find((c) => c.rows === failure.rows)!;
    if (card.action === 'create') {
      counts.created--;
      counts.updated -= failure.rows.length - 1;
    } else counts.updated -= failure.rows.length;
  }
  discardUpload(ctx.dataDir, input.uploadId);
  ctx.events.emit('transfer.imported', {
    cardType,
    created: counts.created,
    updated: counts.updated,
    institutionsCreated: written.institutionsCreated,
  });
  // Institutions made for persons' links are new cards too: institution lists elsewhere must show them.
  for (const id of written.institutions.slice(0, MAX_CHANGE_EVENTS)) {
    ctx.events.emit('cards.changed', { id, type: 'institution', action: 'created' });
  }
  for (const w of written.written.slice(0, MAX_CHANGE_EVENTS)) {
    ctx.events.emit('cards.changed', {
      id: w.id,
      type: cardType,
      action: w.action === 'create' ? 'created' : 'updated',
    });
  }
  job.progress('done', rowCount, rowCount);
  return report(true, counts, written.institutionsCreated);
}

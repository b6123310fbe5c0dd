import type { transferCalls } from '../../../src-shared/contract/transfer';
import type { Handlers } from '../handler-types';
import { cancelJob } from './jobs';
import { inspectUpload } from './inspect';
import { runImport } from './run-import';
import { runExport } from './export/run-export';
import { appendUpload, discardUpload, readExportChunk } from './temp-files';

export const transferHandlers: Handlers<keyof typeof transferCalls> = {
  'transfer.upload': (input, ctx) => appendUpload(ctx.dataDir, input, ctx.now()),
  'transfer.inspect': (input, ctx) => inspectUpload(ctx, input),
  'transfer.import': (input, ctx) => runImport(ctx, input),
  'transfer.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'transfer.discard': (input, ctx) => ({ discarded: discardUpload(ctx.dataDir, input.uploadId) }),
  'transfer.export': (input, ctx) => runExport(ctx, input),
  'transfer.download': (input, ctx) => readExportChunk(ctx.dataDir, input.downloadId, input.offset),
};

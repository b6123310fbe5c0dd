import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { actingStamp, type ServiceContext } from '../../core/context';
import { log } from '../../core/log';
import { MAX_DOCUMENT_BYTES } from '../../../src-shared/contract/documents';
import type { BlobInfo } from '../../services/documents/blob-store';
import { signalTextQueue } from '../../services/documents/text-extraction-signal';
import { waitingCount } from '../../services/inbox/inbox-reads';
import { isKnownFile, isWaitingContent, storeFolderFile } from '../../services/inbox/inbox-writes';
import { fileErrorText, mtimeOf } from '../../services/inbox/original-file';
import { folderProblemOf, noteFolderProblem } from '../../services/inbox/folder-health';
import { liveFolders, type FolderRow } from '../../services/inbox/watched-folders';
import { isCandidateName } from './candidate-files';
import { hashRegularFile } from './hash-regular-file';

interface Look {
  size: number;
  mtimeMs: number;
  /** When the file was first seen at this size and time (performance.now(), immune to clock changes). */
  at: number;
}

export interface ScanResult {
  /** Files taken into the inbox by this scan. */
  added: number;
  /** Files seen for the first time, still growing or not yet still for long enough: taken by a later scan. */
  unsettled: number;
}

export interface ScannerOptions {
  /** The first pass over a file (replaceable in tests to make a file vanish at the worst moment). */
  hash?: (file: string, signal: AbortSignal) => Promise<BlobInfo>;
  /** How long a file must keep the same size and time, across two looks, before it is taken. */
  stableMs?: number;
}

/**
 * Two looks at least this far apart must agree. A scanner or a copy over SMB can
 * stall for a moment mid-file; two looks milliseconds apart ("scan now" right
 * after a poll) would take such a file half-written.
 */
export const STABLE_MS = 2000;
/** A file that could not be read (no permission, locked) is tried again after this long even if unchanged. */
const UNREADABLE_RETRY_MS = 5 * 60_000;
/** OS errors that mean "not readable as it is", as opposed to "gone" or "changed". */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'EBUSY']);

const sameFile = (a: Omit<Look, 'at'>, b: Omit<Look, 'at'>) => a.size === b.size && a.mtimeMs === b.mtimeMs;
const clock = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes new files from the watched folders into the inbox. A file is taken only
 * once it holds still: the same size and modification time on two looks at
 * least STABLE_MS apart, so a scanner or a copy still writing it is never read
 * half. Only regular files: links and anything else are left alone. Whatever is
 * remembered between scans lives here, in memory; what was taken lives in the
 * database (path, size and time of every inbox item), so a restart never takes a
 * file twice, it only looks once more before taking a new one.
 */
/** Added to the wait of "scan now" so the second look is surely past the stable time. */
const SETTLE_MARGIN_MS = 20;

export class FolderScanner {
  /** The earliest look at each file not taken yet, at its current size and time. */
  private readonly seen = new Map<string, Look>();
  /** Files left alone at this size and time (the same content already waiting, too large), not re-hashed each poll. */
  private readonly passed = new Map<string, string>();
  /** Files that could not be read at this size and time, and when to try them again. */
  private readonly unreadable = new Map<string, { key: string; retryAt: number }>();
  /** Scans run one at a time: the poll and "scan now" never race for the same file. */
  private queue: Promise<unknown> = Promise.resolve();
  /** When every file found unsettled by the last scan could be taken, if it holds still until then. */
  private settledAt = 0;
  private readonly hash: NonNullable<ScannerOptions['hash']>;
  private readonly stableMs: number;
  /** Set when the app closes: no file is read further and the database is not touched again. */
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly ctx: ServiceContext,
    options: ScannerOptions = {},
  ) {
    this.hash = options.hash ?? hashRegularFile;
    this.stableMs = options.stableMs ?? STABLE_MS;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** One look into every watched folder; announces new files (and folders going or coming back) with inbox.changed. */
  scan(): Promise<ScanResult> {
    const next = this.queue.then(() => this.scanFolders());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * "Scan now" from the inbox page: a file seen for the first time cannot be
   * known to be finished yet, so it is looked at once more as soon as it could
   * have held still for long enough.
   */
  async scanNow(): Promise<number> {
    const first = await this.scan();
    if (first.unsettled === 0 || this.stopped) return first.added;
    // A timer may fire a millisecond before the clock says it is due: wait a little past it.
    await sleep(Math.max(0, this.settledAt - clock()) + SETTLE_MARGIN_MS);
    return first.added + (await this.scan()).added;
  }

  /**
   * Stops for good: hashing is abandoned at the next chunk and nothing touches the
   * database any more. Resolves when the scan under way has ended (one stuck on an
   * offline share may take long; since it no longer writes, callers need not wait).
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    return this.queue.then(() => undefined);
  }

  private async scanFolders(): Promise<ScanResult> {
    const result: ScanResult = { added: 0, unsettled: 0 };
    if (this.stopped) return result;
    const db = this.ctx.db;
    this.settledAt = 0;
    const present = new Set<string>();
    let foldersChanged = false;
    for (const folder of liveFolders(db)) {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(folder.path, { withFileTypes: true });
      } catch (err) {
        // Missing or unreadable (unplugged drive, share offline): folders.list shows why; try again next time.
        if (this.stopped) return result;
        foldersChanged = noteFolderProblem(db, folder.id, folderProblemOf(err)) || foldersChanged;
        continue;
      }
      if (this.stopped) return result;
      foldersChanged = noteFolderProblem(db, folder.id, null) || foldersChanged;
      for (const entry of entries) {
        // Non-recursive: sub-folders are the user's own filing, not new arrivals. Links are never followed.
        if (!isCandidateName(entry.name) || !entry.isFile()) continue;
        if (this.stopped) return result;
        const filePath = path.join(folder.path, entry.name);
        present.add(filePath);
        const outcome = await this.look(folder, entry.name, filePath);
        if (outcome === 'added') result.added++;
        if (outcome === 'unsettled') result.unsettled++;
      }
    }
    if (this.stopped) return result;
    // Forget files that are gone, so memory does not grow with every scan ever seen.
    for (const memory of [this.seen, this.passed, this.unreadable]) {
      for (const known of memory.keys()) if (!present.has(known)) memory.delete(known);
    }
    if (result.added > 0) {
      // New documents wait for their text: wake the extraction job now rather than at its next poll.
      signalTextQueue(db);
    }
    if (result.added > 0 || foldersChanged) this.ctx.events.emit('inbox.changed', { waiting: waitingCount(db) });
    return result;
  }

  private unsettled(since: Look): 'unsettled' {
    this.settledAt = Math.max(this.settledAt, since.at + this.stableMs);
    return 'unsettled';
  }

  private async look(
    folder: FolderRow,
    fileName: string,
    filePath: string,
  ): Promise<'added' | 'unsettled' | 'skipped'> {
    let stat: fs.Stats;
    try {
      // lstat: a link is seen as a link (and skipped), never as the file it points at.
      stat = await fs.promises.lstat(filePath);
    } catch {
      this.seen.delete(filePath);
      return 'skipped';
    }
    if (this.stopped || !stat.isFile()) return 'skipped';
    const now = { size: stat.size, mtimeMs: mtimeOf(stat), at: clock() };
    const key = `${now.size}:${now.mtimeMs}`;
    if (this.passed.get(filePath) === key) return 'skipped';
    const unreadable = this.unreadable.get(filePath);
    if (unreadable?.key === key && now.at < unreadable.retryAt) return 'skipped';
    if (isKnownFile(this.ctx.db, { filePath, fileSize: now.size, fileMtimeMs: now.mtimeMs })) {
      this.seen.delete(filePath);
      return 'skipped';
    }
    const before = this.seen.get(filePath);
    // Unchanged since an earlier look: that look's time counts, so holding still adds up across scans.
    const since = before && sameFile(before, now) ? before : now;
    this.seen.set(filePath, since);
    // An empty file is a scanner that has only just created it (or nothing worth filing): keep watching it.
    if (now.size === 0) return 'skipped';
    if (since === now || now.at - since.at < this.stableMs) return this.unsettled(since);
    if (now.size > MAX_DOCUMENT_BYTES) {
      log.warn('folder watch: file too large for the inbox (over 2 GB)', { file: filePath, size: now.size });
      this.passed.set(filePath, key);
      return 'skipped';
    }
    return this.take(folder, fileName, filePath, since, key);
  }

  private async take(
    folder: FolderRow,
    fileName: string,
    filePath: string,
    seen: Look,
    key: string,
  ): Promise<'added' | 'unsettled' | 'skipped'> {
    let blob: BlobInfo;
    try {
      blob = await this.hash(filePath, this.abort.signal);
    } catch (err) {
      if (this.stopped) return 'skipped';
      return this.notRead(filePath, key, err);
    }
    if (this.stopped) return 'skipped';
    if (blob.size !== seen.size) {
      this.seen.delete(filePath);
      return 'unsettled';
    }
    // Looked at once more just before storing: replaced by a link, or written again, since it was listed.
    const still = await fs.promises.lstat(filePath).catch(() => null);
    if (this.stopped) return 'skipped';
    if (!still?.isFile() || !sameFile(seen, { size: still.size, mtimeMs: mtimeOf(still) })) {
      this.seen.delete(filePath);
      return still?.isFile() ? 'unsettled' : 'skipped';
    }
    const db = this.ctx.db;
    if (isWaitingContent(db, blob.sha256)) {
      log.info('folder watch: same content already waiting in the inbox', { file: filePath });
      this.passed.set(filePath, key);
      return 'skipped';
    }
    try {
      const stored = storeFolderFile(
        db,
        actingStamp(this.ctx),
        { folderId: folder.id, fileName, filePath, fileSize: seen.size, fileMtimeMs: seen.mtimeMs },
        blob,
      );
      this.seen.delete(filePath);
      return stored ? 'added' : 'skipped';
    } catch (err) {
      // The transaction rolled back: no blob, document or inbox row of this file exists.
      log.warn('folder watch: file not taken', { file: filePath, reason: fileErrorText(err) });
      this.seen.delete(filePath);
      return 'skipped';
    }
  }

  /**
   * A file that could not be hashed. Gone or changed: looked at afresh next time.
   * Not readable as it is (no permission, locked by another program): said once
   * and left alone until it changes, or for a while, instead of being re-read and
   * logged every few seconds for as long as it sits there.
   */
  private notRead(filePath: string, key: string, err: unknown): 'skipped' {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!UNREADABLE.has(code)) {
      this.seen.delete(filePath);
      if (code !== 'ENOENT') log.warn('folder watch: file not taken', { file: filePath, reason: fileErrorText(err) });
      return 'skipped';
    }
    if (this.unreadable.get(filePath)?.key !== key) {
      log.warn('folder watch: file cannot be read; left alone until it changes', {
        file: filePath,
        reason: fileErrorText(err),
      });
    }
    this.unreadable.set(filePath, { key, retryAt: clock() + UNREADABLE_RETRY_MS });
    return 'skipped';
  }
}

const scanners = new WeakMap<Db, FolderScanner>();

/** The scanner of this database: the polling job and "scan now" share what it has seen. */
export function folderScannerFor(ctx: ServiceContext, options?: ScannerOptions): FolderScanner {
  let scanner = scanners.get(ctx.db);
  if (!scanner || scanner.isStopped) {
    scanner = new FolderScanner(ctx, options);
    scanners.set(ctx.db, scanner);
  }
  return scanner;
}

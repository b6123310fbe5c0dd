/**
 * Fetches messages by UID in the order given and stores them group by group, each group in one write transaction
 * together with the folder's progress, so a crash between two groups leaves the database saying exactly where to
 * go on. Memory stays bounded: bodies are fetched in small groups by size, a very large message alone and cut.
 */
import type { ImapFlow } from 'imapflow';
import { writeTransaction } from '../../db/transaction';
import { log } from '../../core/log';
import { signalTextQueue } from '../../services/documents/text-extraction-signal';
import { getMailing } from '../../services/mailings/mailing-reads';
import {
  parseRawMessage,
  storeParsedMessage,
  type MailLocation,
  type ParsedMessage,
} from '../../services/mail/ingest/store-incoming';
import { parseHeadersOnly } from '../../services/mail/ingest/minimal-parse';
import { signalMailBodies } from '../../services/mail/ingest/body-signal';
import { DEFER_BODIES_ABOVE, emptyCounts, ScanStopped, type ScanCounts, type ScanEnv } from './scan-env';

/** UIDs asked about in one FETCH of sizes and flags. */
const META_BATCH = 50;
/**
 * Bodies fetched (and stored in one transaction) together: at most this many messages … Each commit costs a few
 * ms whatever its size (WAL pages, a new search-index segment): 50 took half the commit time of 25 in the bench.
 */
const BODY_BATCH = 50;
/** … and this many bytes. */
const BODY_BATCH_BYTES = 8 * 1024 * 1024;
/**
 * Larger messages are not fetched whole: the first MAX_KEPT_BYTES (headers, text, the start of the attachments)
 * are stored, as far as they can be read. A 200 MB mail must not take the desk's memory with it.
 */
export const MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
const MAX_KEPT_BYTES = 2 * 1024 * 1024;

interface Meta {
  uid: number;
  size: number;
  internalDate: string | null;
  seen: boolean;
}

export interface StoreTarget {
  accountId: string;
  folderId: string;
  role: 'inbox' | 'sent';
  uidValidity: string;
  /** Written in the same transaction as the message: the folder's progress past `uid`. */
  progress: (uid: number, at: string) => void;
  /** After each committed group: done so far (for progress events). */
  onGroup?: (done: number, cardIds: string[]) => void;
}

function isoDate(value: Date | string | undefined): string | null {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

async function fetchMeta(client: ImapFlow, uids: number[]): Promise<Map<number, Meta>> {
  const out = new Map<number, Meta>();
  const rows = await client.fetchAll(
    uids.join(','),
    { uid: true, size: true, internalDate: true, flags: true },
    { uid: true },
  );
  for (const r of rows) {
    out.set(r.uid, {
      uid: r.uid,
      size: r.size ?? 0,
      internalDate: isoDate(r.internalDate),
      seen: r.flags?.has('\\Seen') ?? false,
    });
  }
  return out;
}

/** Splits metas (in order) into groups whose bodies are fetched together. */
function bodyGroups(metas: Meta[]): Meta[][] {
  const groups: Meta[][] = [];
  let current: Meta[] = [];
  let bytes = 0;
  for (const m of metas) {
    const size = Math.min(m.size, MAX_KEPT_BYTES + 1);
    if (current.length && (current.length >= BODY_BATCH || bytes + size > BODY_BATCH_BYTES)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length) groups.push(current);
  return groups;
}

async function fetchBodies(client: ImapFlow, group: Meta[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  const whole = group.filter((m) => m.size <= MAX_MESSAGE_BYTES).map((m) => m.uid);
  if (whole.length) {
    for (const r of await client.fetchAll(whole.join(','), { uid: true, source: true }, { uid: true })) {
      if (r.source) out.set(r.uid, r.source);
    }
  }
  for (const big of group.filter((m) => m.size > MAX_MESSAGE_BYTES)) {
    const r = await client.fetchOne(
      String(big.uid),
      { uid: true, source: { maxLength: MAX_KEPT_BYTES } },
      { uid: true },
    );
    if (r && r.source) out.set(r.uid, r.source);
  }
  return out;
}

/** A bounce marked recipients of a mailing failed: its screen updates its counts. */
function announceMailing(env: ScanEnv, mailingId: string): void {
  try {
    const m = getMailing(env.db, mailingId);
    env.events.emit('mailings.progress', { id: m.id, status: m.status, counts: m.counts, total: m.total });
  } catch (err) {
    log.warn('mail scan: mailing progress not announced', { mailingId, message: (err as Error).message });
  }
}

interface FetchedGroup {
  group: Meta[];
  bodies: Map<number, Buffer>;
}

/** Sizes, then bodies, group by group in order: one IMAP command at a time on the connection. */
async function* fetchGroups(env: ScanEnv, client: ImapFlow, uids: number[]): AsyncGenerator<FetchedGroup> {
  for (let i = 0; i < uids.length; i += META_BATCH) {
    const slice = uids.slice(i, i + META_BATCH);
    const metas = await fetchMeta(client, slice);
    // A UID the server no longer has keeps its place (its progress is still written) with no body.
    const ordered = slice.map((uid) => metas.get(uid) ?? { uid, size: 0, internalDate: null, seen: false });
    for (const group of bodyGroups(ordered)) {
      if (env.stopping()) throw new ScanStopped();
      const present = group.filter((m) => metas.has(m.uid));
      yield { group, bodies: present.length ? await fetchBodies(client, present) : new Map<number, Buffer>() };
    }
  }
}

/**
 * Stores the messages `uids` (in this order) from the selected mailbox, as a pipeline: while one group's bodies
 * are parsed (in the worker processes, all of the group at once) and stored, the next group's bodies are
 * fetched. So at most two groups of bodies are in memory. Each group is stored in ONE transaction together with
 * the folder's progress past its last UID: a crash resumes exactly at a group boundary. A UID the server no
 * longer has (expunged meanwhile) is passed over, its progress still written: it cannot be fetched later either.
 */
export async function fetchAndStore(
  env: ScanEnv,
  client: ImapFlow,
  uids: number[],
  target: StoreTarget,
): Promise<ScanCounts> {
  const counts = emptyCounts();
  const parseWhole = env.parse ?? parseRawMessage;
  // Many messages: headers now (in this process, a tenth of a full parse), bodies by the mail body job after.
  // A possible bounce is read whole at once all the same (parseHeadersOnly says null).
  const deferBodies = uids.length > (env.deferBodiesAbove ?? DEFER_BODIES_ABOVE);
  const parse = (raw: Buffer): Promise<ParsedMessage> => {
    const head = deferBodies ? parseHeadersOnly(raw) : null;
    return head ? Promise.resolve(head) : parseWhole(raw);
  };
  let bodiesQueued = false;
  const groups = fetchGroups(env, client, uids);
  // The next group, its parses started the moment its bodies arrive: the workers go on with it while this
  // process stores the group before.
  const ahead = () => {
    const pending = groups.next().then((fetched) => {
      if (fetched.done) return null;
      const { group, bodies } = fetched.value;
      const parsed = Promise.all(
        group.map((meta) => {
          const raw = bodies.get(meta.uid);
          return raw ? parse(raw) : Promise.resolve(null);
        }),
      );
      return { group, parsed };
    });
    // Awaited at the top of the next round; if the scan ends before that, its failure must not go unhandled.
    pending.catch(() => undefined);
    return pending;
  };
  let done = 0;
  // Two groups ahead: their bodies are fetched and handed to the workers while this process stores one, so
  // neither the workers nor the connection wait for the store (at most three groups of bodies in memory).
  const pending = [ahead(), ahead()];
  try {
    for (;;) {
      const current = await pending.shift()!;
      if (!current) break;
      const { group } = current;
      pending.push(ahead());
      const parsed = await current.parsed;
      if (env.stopping()) throw new ScanStopped();

      const cardIds = new Set<string>();
      const mailingIds = new Set<string>();
      let storedAny = false;
      let textPending = false;
      const at = env.now().toISOString();
      writeTransaction(env.db, () => {
        group.forEach((meta, index) => {
          const message: ParsedMessage | null = parsed[index] ?? null;
          if (!message) return;
          const location: MailLocation = {
            accountId: target.accountId,
            folderId: target.folderId,
            role: target.role,
            uidValidity: target.uidValidity,
            uid: meta.uid,
            internalDate: meta.internalDate,
            seenOnServer: meta.seen,
          };
          const result = storeParsedMessage(env.db, message, location, { userId: env.userId, at });
          counts.fetched++;
          if (result.duplicate) return;
          storedAny = true;
          counts.stored++;
          if (result.linked) counts.linked++;
          else if (!result.bounce) counts.unfiled++;
          if (result.bounce) counts.bounces++;
          for (const id of result.cardIds) cardIds.add(id);
          for (const r of result.failedRecipients) mailingIds.add(r.mailingId);
          textPending ||= result.textPending;
          bodiesQueued ||= result.bodyQueued;
        });
        target.progress(group[group.length - 1]!.uid, at);
      });
      done += group.length;
      // After commit: one event per group, not one per message (a first scan of a year is thousands).
      if (storedAny) env.events.emit('mail.changed', { accountId: target.accountId, cardIds: [...cardIds] });
      if (textPending) signalTextQueue(env.db);
      for (const id of mailingIds) announceMailing(env, id);
      target.onGroup?.(done, [...cardIds]);
    }
  } finally {
    // After the last group (or a stop), not after each: the body job's writes would slow the listing it waits behind.
    if (bodiesQueued) signalMailBodies(env.db);
  }
  return counts;
}

/**
 * "Test connection": IMAP login + logout and SMTP verify(), each bounded in time, with what went wrong sorted
 * into auth / unreachable / tls / timeout / protocol and worded in Turkish for the person at the desk. The
 * password is never part of a message (library errors are classified by code, not echoed).
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { ConnectionCheck } from '../../../../src-shared/contract/mail';
import { CONNECT_TIMEOUT_MS, imapOptions, smtpOptions, type ConnectionSettings } from './connection-options';

type Problem = NonNullable<ConnectionCheck['problem']>;

interface LibraryError {
  code?: string | undefined;
  message?: string | undefined;
  authenticationFailed?: boolean | undefined;
  tlsFailed?: boolean | undefined;
  serverResponseCode?: string | undefined;
  responseCode?: number | undefined;
  command?: string | undefined;
  _err?: LibraryError | undefined;
  cause?: unknown;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EDNS']);
const CLOSED = new Set(['ECONNRESET', 'ECONNECTION', 'EConnectionClosed', 'ClosedAfterConnectText', 'NoConnection']);
const TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT']);
// OpenSSL's codes (ERR_SSL_*), Node's certificate checks, and the libraries' own TLS failures.
const TLS_CODE = /^(ERR_SSL_|ERR_TLS_|ETLS$|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ClosedAfterConnectTLS$)/;
const TLS_TEXT = /ssl|tls|certificate|wrong version number|STARTTLS/i;

/** All codes and texts of an error and the errors it wraps (libraries nest the socket's error). */
function codesOf(err: LibraryError): { codes: string[]; texts: string[] } {
  const codes: string[] = [];
  const texts: string[] = [];
  let e: LibraryError | undefined = err;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code) codes.push(String(e.code));
    if (e.message) texts.push(e.message);
    e = e._err ?? (e.cause as LibraryError | undefined);
  }
  return { codes, texts };
}

export function classifyImapError(err: unknown): Problem {
  const e = (err ?? {}) as LibraryError;
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') return 'auth';
  return classifyCommon(e);
}

export function classifySmtpError(err: unknown): Problem {
  const e = (err ?? {}) as LibraryError;
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.code === 'ENOAUTH') return 'auth';
  return classifyCommon(e);
}

function classifyCommon(e: LibraryError): Problem {
  const { codes, texts } = codesOf(e);
  if (e.tlsFailed || codes.some((c) => TLS_CODE.test(c))) return 'tls';
  if (codes.some((c) => UNREACHABLE.has(c))) return 'unreachable';
  if (codes.some((c) => TIMEOUTS.has(c))) return 'timeout';
  if (texts.some((t) => /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH/.test(t))) return 'unreachable';
  if (texts.some((t) => TLS_TEXT.test(t))) return 'tls';
  // Hung up before or instead of answering: for the person, the server is not there to talk to.
  if (codes.some((c) => CLOSED.has(c))) return 'unreachable';
  return 'protocol';
}

const WORDS: Record<'imap' | 'smtp', Record<Problem, (host: string, port: number) => string>> = {
  imap: {
    auth: () => 'Gelen posta (IMAP) sunucusu kullanıcı adını veya parolayı kabul etmedi.',
    unreachable: (h, p) => `Gelen posta (IMAP) sunucusuna ulaşılamadı (${h}:${p}); sunucu adını ve portu denetleyin.`,
    tls: (h, p) =>
      `Gelen posta (IMAP) sunucusuyla güvenli bağlantı kurulamadı (${h}:${p}): bağlantı güvenliği (TLS/STARTTLS/yok) bu porta uymuyor ya da sertifika geçersiz.`,
    timeout: (h, p) =>
      `Gelen posta (IMAP) sunucusu zamanında yanıt vermedi (${h}:${p}); bağlantı güvenliği ayarını (TLS/STARTTLS) da denetleyin.`,
    protocol: (h, p) => `Gelen posta (IMAP) sunucusu beklenmeyen bir yanıt verdi (${h}:${p}).`,
    secret: () => 'Saklı parola bu bilgisayarda açılamadı; parolayı yeniden girin.',
  },
  smtp: {
    auth: () => 'Giden posta (SMTP) sunucusu kullanıcı adını veya parolayı kabul etmedi.',
    unreachable: (h, p) => `Giden posta (SMTP) sunucusuna ulaşılamadı (${h}:${p}); sunucu adını ve portu denetleyin.`,
    tls: (h, p) =>
      `Giden posta (SMTP) sunucusuyla güvenli bağlantı kurulamadı (${h}:${p}): bağlantı güvenliği (TLS/STARTTLS/yok) bu porta uymuyor ya da sertifika geçersiz.`,
    timeout: (h, p) =>
      `Giden posta (SMTP) sunucusu zamanında yanıt vermedi (${h}:${p}); bağlantı güvenliği ayarını (TLS/STARTTLS) da denetleyin.`,
    protocol: (h, p) => `Giden posta (SMTP) sunucusu beklenmeyen bir yanıt verdi (${h}:${p}).`,
    secret: () => 'Saklı parola bu bilgisayarda açılamadı; parolayı yeniden girin.',
  },
};

export function imapProblemText(problem: Problem, host: string, port: number): string {
  return WORDS.imap[problem](host, port);
}

function failed(kind: 'imap' | 'smtp', problem: Problem, host: string, port: number): ConnectionCheck {
  return { ok: false, problem, message: WORDS[kind][problem](host, port) };
}

/** Rejects with a timeout error when `work` takes longer than `ms` (calling `onTimeout` to drop the socket). */
async function within<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function testImap(s: ConnectionSettings, timeoutMs = CONNECT_TIMEOUT_MS): Promise<ConnectionCheck> {
  const client = new ImapFlow(imapOptions(s));
  // imapflow also emits connection errors as events; without a listener they would crash the process.
  client.on('error', () => undefined);
  try {
    await within(
      (async () => {
        await client.connect();
        await client.logout();
      })(),
      timeoutMs,
      () => client.close(),
    );
    return { ok: true, problem: null, message: 'Gelen posta (IMAP) bağlantısı ve girişi başarılı.' };
  } catch (err) {
    client.close();
    return failed('imap', classifyImapError(err), s.imapHost, s.imapPort);
  }
}

export async function testSmtp(s: ConnectionSettings, timeoutMs = CONNECT_TIMEOUT_MS): Promise<ConnectionCheck> {
  const transport = nodemailer.createTransport(smtpOptions(s));
  try {
    await within(transport.verify(), timeoutMs, () => transport.close());
    return { ok: true, problem: null, message: 'Giden posta (SMTP) bağlantısı ve girişi başarılı.' };
  } catch (err) {
    return failed('smtp', classifySmtpError(err), s.smtpHost, s.smtpPort);
  } finally {
    transport.close();
  }
}

export async function testConnection(s: ConnectionSettings): Promise<{ imap: ConnectionCheck; smtp: ConnectionCheck }> {
  const [imap, smtp] = await Promise.all([testImap(s), testSmtp(s)]);
  return { imap, smtp };
}

/** When the stored password cannot be opened on this host, both checks say so (nothing is tried). */
export function secretProblem(message: string): { imap: ConnectionCheck; smtp: ConnectionCheck } {
  return {
    imap: { ok: false, problem: 'secret', message },
    smtp: { ok: false, problem: 'secret', message },
  };
}

/**
 * A real SMTP server for tests (the `smtp-server` package) on a free loopback port: it checks the login,
 * keeps every accepted message (envelope and raw bytes) and can be told to refuse recipients.
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  host: string;
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  /** Recipients the server answers with a permanent failure (550) at RCPT TO. */
  refuse: Set<string>;
  /** Called for each accepted message (e.g. to kill a sender mid-way). */
  onMessage?: (mail: ReceivedMail) => void;
  stop(): Promise<void>;
}

export async function startSmtpSink(options: { user?: string; password?: string } = {}): Promise<SmtpSink> {
  const user = options.user ?? 'ofis@kartotek.test';
  const password = options.password ?? 'gizli-Parola-1';
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const sink = {} as SmtpSink;
  const server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks),
        };
        received.push(mail);
        callback();
        sink.onMessage?.(mail);
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  Object.assign(sink, {
    host: '127.0.0.1',
    port,
    user,
    password,
    received,
    refuse,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies SmtpSink);
  return sink;
}

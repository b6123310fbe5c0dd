/**
 * A real IMAP server for tests: Debian's dovecot started unprivileged from a private config on a free
 * loopback port (see ../shared/NOTES.md), with one user per test server and INBOX + Sent. Stop it in
 * afterAll/afterEach; it leaves nothing behind but its temp folder, which stop() removes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** A connected ImapFlow client as the test user (for APPEND, expunge, …); log out when done. */
  client(): Promise<ImapFlow>;
  /** Appends raw messages to a folder (made if missing). */
  append(folder: string, messages: (string | Buffer)[], flags?: string[]): Promise<void>;
  /** The maildir folder of a mailbox on disk (INBOX or a folder name), for tests that write thousands at once. */
  maildir(folder: string): string;
  /** Makes the server hand out a new UIDVALIDITY for a folder (as after a server-side rebuild). */
  resetUidValidity(folder: string): Promise<void>;
  stop(): Promise<void>;
}

export const dovecotInstalled = (): boolean => spawnSync('sh', ['-c', 'command -v dovecot']).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`dovecot did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function config(dir: string, port: number): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service anvil {
  chroot =
}
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
mail_uid = nobody
mail_gid = nogroup
first_valid_uid = 1
`;
}

/** Starts a private dovecot. Skip the test (not pass it) when dovecot is missing: CI installs it. */
export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<DovecotServer> {
  const user = options.user ?? 'ofis@kartotek.test';
  const password = options.password ?? 'gizli-Parola-1';
  // /tmp itself is world-readable; dovecot's unprivileged processes must reach the folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-dovecot-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub), { mode: 0o755 });
  const home = path.join(dir, 'mail', 'user');
  fs.mkdirSync(home, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::${home}\n`, { mode: 0o644 });
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config(dir, port));
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'nobody:nogroup', path.join(dir, 'mail')]);
  // stdio ignored: the daemon keeps inherited pipes open and execFileSync would wait for ever.
  execFileSync('dovecot', ['-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port);

  const client = async () => {
    const c = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await c.connect();
    return c;
  };
  const server: DovecotServer = {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    client,
    async append(folder, messages, flags = []) {
      const c = await client();
      try {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
        for (const m of messages) await c.append(folder, m, flags);
      } finally {
        await c.logout();
      }
    },
    maildir: (folder) => (folder === 'INBOX' ? path.join(home, 'Maildir') : path.join(home, 'Maildir', `.${folder}`)),
    async resetUidValidity(folder) {
      // Dovecot keeps UIDVALIDITY in the maildir's dovecot-uidlist; removing it (with the server stopped for
      // the folder: no client selected) makes the next SELECT hand out new UIDs and a new UIDVALIDITY.
      const maildir = server.maildir(folder);
      for (const f of ['dovecot-uidlist', 'dovecot.index', 'dovecot.index.cache', 'dovecot.index.log']) {
        fs.rmSync(path.join(maildir, f), { force: true });
      }
      // dovecot derives a new UIDVALIDITY from the clock (seconds): make sure it differs.
      await new Promise((r) => setTimeout(r, 1100));
    },
    async stop() {
      const pidFile = path.join(dir, 'run', 'master.pid');
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const until = Date.now() + 5000;
        while (Date.now() < until) {
          try {
            process.kill(pid, 0);
            await new Promise((r) => setTimeout(r, 50));
          } catch {
            break;
          }
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

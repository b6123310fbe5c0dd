/**
 * `npm run start:web`: Kartotek in a browser. The same contract as the desktop
 * app, over HTTP on 127.0.0.1 with a per-run secret, serving the built renderer.
 * Used by the e2e tests and wherever the Electron runtime is not available.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../core/app';
import { appRoot } from '../core/paths';
import { maybeFillDemo } from '../core/demo';
import { parseStartupArgs } from './startup-args';
import { startWebServer } from './web-server';
import { newSecret } from './web-auth';
import { startBackgroundJobs } from '../jobs/background-jobs';

/** The longest a Ctrl+C waits for the jobs before the database closes regardless. */
const SHUTDOWN_WAIT_MS = 5000;

function fail(message: string): never {
  process.stderr.write(`kartotek: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = parseStartupArgs(process.argv.slice(2));
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    fail('the renderer is not built; run "npm run build" first.');
  const app = openApp({ dataDir: args.dataDir });
  if (args.demo && maybeFillDemo(app)) process.stdout.write('Demo firma yüklendi.\n');
  const server = await startWebServer({ app, rendererDir, secret: newSecret(), port: args.port ?? 0 });
  const jobs = startBackgroundJobs(app);
  process.stdout.write(`Kartotek açık: ${server.url}\n`);
  process.stdout.write(`Veri klasörü: ${app.dataDir}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The jobs get a few seconds to stop writing; a stuck one (a network share that does not answer)
    // must not keep the process from closing the database and exiting.
    const deadline = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS));
    const exit = () => {
      app.close();
      process.exit(0);
    };
    void Promise.race([Promise.all([server.close(), jobs.stop()]), deadline]).then(exit, exit);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => fail((err as Error).message));

/**
 * The outbox in a process of its own, for the crash tests: opens the data folder given on the command line, runs
 * the outbox to the end (the sent-folder copy off) and exits 0. KARTOTEK_TEST_CRASH_AFTER_SENT in its environment
 * makes it die (exit 137) after that many `sent` rows; the test may also SIGKILL it at any moment.
 * Run with tsx: `tsx outbox-run-process.ts DATA_DIR`.
 */
import { openApp } from '../../src-main/core/app';
import { runOutboxToEnd } from '../../src-main/jobs/outbox/outbox-job';

const [dataDir] = process.argv.slice(2) as [string];
const app = openApp({ dataDir });
// The test knows the previous process is dead: its row in flight is interrupted at once, without the lease.
await runOutboxToEnd(app, { appendToSent: false, leaseMs: 0 });
app.close();

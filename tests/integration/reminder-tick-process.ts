/**
 * A second desk for the reminder race test: opens the data folder given on the command line in its own
 * process (its own SQLite connection), waits for the `go` file, then ticks once a simulated minute with its
 * own clock and prints the ids of the notifications it delivered as one JSON line.
 * Run with tsx: `tsx reminder-tick-process.ts DATA_DIR START_ISO MINUTES`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../../src-main/core/app';
import { runReminderTick } from '../../src-main/jobs/reminders/reminder-job';

const [dataDir, startIso, minutes] = process.argv.slice(2) as [string, string, string];
let clock = Date.parse(startIso);
const app = openApp({ dataDir, now: () => new Date(clock) });
process.stdout.write('ready\n');
while (!fs.existsSync(path.join(dataDir, 'go'))) await new Promise((resolve) => setTimeout(resolve, 5));
const delivered: string[] = [];
for (let minute = 0; minute < Number(minutes); minute++) {
  clock = Date.parse(startIso) + minute * 60_000;
  for (const delivery of runReminderTick(app)) delivered.push(...delivery.notifications.map((n) => n.id));
  // A breath between ticks, so the two desks' minutes overlap instead of one finishing before the other starts.
  await new Promise((resolve) => setTimeout(resolve, 2));
}
app.close();
process.stdout.write(`${JSON.stringify(delivered)}\n`);

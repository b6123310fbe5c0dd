import type { KartotekApp } from '../core/app';
import { startTextExtraction } from './text-extraction/text-extraction-job';
import { startFolderWatch } from './folder-watch/folder-watch-job';
import { startReminderJob } from './reminders/reminder-job';
import { startMailScan } from './mail-scan/mail-scan-job';
import { startOutboxJob } from './outbox/outbox-job';
import { startMailBodies } from './mail-bodies/mail-body-job';

/** A running background job: stopped (and waited for) before the database closes. */
export interface RunningJob {
  stop(): Promise<void>;
}

/**
 * Starts the jobs that run while the app is open (desktop and web host; not the
 * CLI, whose commands run their own work to the end). Each job resumes from what
 * the database says: work left half done by a crash is picked up again.
 */
export function startBackgroundJobs(app: KartotekApp): RunningJob {
  const jobs: RunningJob[] = [
    startTextExtraction(app),
    startFolderWatch(app),
    startReminderJob(app),
    startMailScan(app),
    startMailBodies(app),
    startOutboxJob(app),
  ];
  return {
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}

import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../src-shared/contract';
import { useClient } from '../../app/contract-hooks';

export type JobProgress = EventPayload<'transfer.progress'>;

/** The latest progress event of a job (null before the first one, or when no job runs). */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    return client.onEvent((event) => {
      if (event.name !== 'transfer.progress') return;
      const payload = event.payload as JobProgress;
      if (payload.jobId === jobId) setProgress(payload);
    });
  }, [client, jobId]);
  return progress;
}

/** A job id the caller chooses, so progress and cancel can find the job before its answer arrives. */
export const newJobId = (): string => crypto.randomUUID();

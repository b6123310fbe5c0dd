import type { MailingStatus, RecipientStatus } from '../../../src-shared/contract/mailings';

/** One colour per state, the same on every sending screen. */
export const MAILING_STATUS_COLOR: Record<MailingStatus, string> = {
  draft: 'gray',
  queued: 'blue',
  sending: 'blue',
  paused: 'yellow',
  cancelled: 'dark',
  done: 'green',
};

export const RECIPIENT_STATUS_COLOR: Record<RecipientStatus, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'green',
  uncertain: 'orange',
  failed: 'red',
  cancelled: 'dark',
};

export const mailingPath = (id: string) => `/mailings/${id}`;

/** Recipients that are finished one way or another (for the progress bar). */
export function processedCount(counts: Partial<Record<RecipientStatus, number>>): number {
  return (counts.sent ?? 0) + (counts.failed ?? 0) + (counts.uncertain ?? 0) + (counts.cancelled ?? 0);
}

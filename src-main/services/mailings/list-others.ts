/**
 * The footer naming the other recipients: meant for a small circle (a board, a committee) who should see who else
 * got it. Not for SMS (every name costs a part) and not for large lists (a 20,000-name footer is no letter).
 */
import type { Channel } from '../../../src-shared/contract/mailings';
import { invalidInput } from '../../../src-shared/contract/errors';

export const LIST_OTHERS_MAX = 50;

/** Refuses the footer for SMS and above LIST_OTHERS_MAX recipients (`count` when known). */
export function assertListOthersAllowed(channel: Channel, listOthers: boolean, count?: number): void {
  if (!listOthers) return;
  if (channel === 'sms') {
    const why = 'SMS gönderimlerinde diğer alıcıların listesi eklenemez.';
    throw invalidInput(why, { listOthers: why });
  }
  if (count !== undefined && count > LIST_OTHERS_MAX) {
    const why = `Diğer alıcıların listesi en çok ${LIST_OTHERS_MAX} alıcıda eklenebilir; bu gönderimde ${count} alıcı var.`;
    throw invalidInput(why, { listOthers: why });
  }
}

/**
 * The preview before sending: the first recipients' renderings exactly as they would go out, and who would be
 * left out and why. Reads only: reference numbers shown are the next free ones, reserved only when queued.
 */
import type { Db } from '../../db/connection';
import type { CallOutput, ParsedInput } from '../../../src-shared/contract';
import { invalidInput } from '../../../src-shared/contract/errors';
import { assertListOthersAllowed } from './list-others';
import { assertKnownPlaceholders, placeholderValues, renderTemplate, salutationOf } from './render/placeholders';
import { resolveGiven, resolveSegment, type Resolved } from './recipients';
import { smsSegments } from './sms/sms-segments';
import { stmt } from '../../db/statements';

export const PREVIEW_SAMPLES = 5;
export const PREVIEW_SKIPPED = 50;

export function previewSend(db: Db, input: ParsedInput<'mail.preview'>, today: string): CallOutput<'mail.preview'> {
  assertKnownPlaceholders({ subject: input.subject, body: input.body });
  let recipients: Resolved[];
  if (input.mode === 'single') recipients = resolveGiven(db, input.to, input.channel);
  else {
    const exists = stmt(db, 'select 1 from segments where id = ? and deleted_at is null').get(input.segmentId);
    if (!exists) throw invalidInput('Segment bulunamadı.', { segmentId: 'Segment bulunamadı' });
    recipients = resolveSegment(db, input.segmentId, input.channel, today).members;
  }
  const reachable = recipients.filter((r) => r.address && !r.skipReason);
  const skipped = recipients.filter((r) => !r.address || r.skipReason);
  const listOthers = input.mode === 'mailing' && input.listOthers;
  assertListOthersAllowed(input.channel, listOthers, reachable.length);
  const year = today.slice(0, 4);
  const render = (r: Resolved, i: number) => {
    const values = { ...placeholderValues(r.facts, `K-${year}-…${i + 1}`, today), hitap: salutationOf(r.facts) };
    let body = renderTemplate(input.body, values);
    if (listOthers) {
      const others = reachable.filter((o) => o !== r).map((o) => o.name);
      if (others.length) body += `\n\n--\nBu ileti ayrıca şu kişilere gönderildi: ${others.join(', ')}.`;
    }
    return {
      name: r.name,
      address: r.address,
      subject: renderTemplate(input.subject, values).replace(/\s+/g, ' ').trim(),
      body,
      skipReason: r.skipReason ?? (r.address ? null : 'adres yok'),
      sms: input.channel === 'sms' ? smsSegments(body) : null,
    };
  };
  return {
    total: recipients.length,
    skipped: skipped.length,
    samples: [
      ...reachable.slice(0, PREVIEW_SAMPLES).map(render),
      ...skipped.slice(0, PREVIEW_SKIPPED).map((r) => ({
        name: r.name,
        address: r.address,
        subject: '',
        body: '',
        skipReason: r.skipReason ?? 'adres yok',
        sms: null,
      })),
    ],
  };
}

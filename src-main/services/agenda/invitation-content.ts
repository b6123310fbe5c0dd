import type { Db } from '../../db/connection';
import type { Actor } from '../documents/document-writes';
import { storedAttendee } from './attendee-reads';
import { editableEvent } from './attendee-writes';
import { invitationIcs } from './invitation-ics';
import { smsText } from './invitation-sms';
import { qrPng } from './invitation-barcodes';

/**
 * Everything an attendee's invitation carries, for the mail and SMS senders (and the screen's "copy" buttons):
 * the iCalendar REQUEST for the mail's attachment, the SMS text, and the QR code of the personal code.
 */
export async function invitationFor(db: Db, actor: Actor, attendeeId: string, now: Date) {
  const attendee = storedAttendee(db, attendeeId);
  const event = editableEvent(db, actor, attendee.eventId);
  return {
    ics: invitationIcs(db, event, attendee, now),
    smsText: smsText(event, attendee.name, attendee.code),
    qrPngBase64: (await qrPng(attendee.code)).toString('base64'),
  };
}

import type { FieldPath } from 'react-hook-form';
import { sendInput, type Channel } from '../../../src-shared/contract/mailings';
import { toRecipientInput, type Recipient } from './recipients';

export interface ComposeValues {
  channel: Channel;
  accountId: string | null;
  recipients: Recipient[];
  subject: string;
  body: string;
  documentIds: string[];
}

/** What the form holds, as the contract's `mail.send` input (SMS has no subject and no attachments). */
export function toSendInput(v: ComposeValues, replyTo: string | undefined) {
  return {
    channel: v.channel,
    ...(v.accountId ? { accountId: v.accountId } : {}),
    to: v.recipients.map(toRecipientInput),
    subject: v.channel === 'email' ? v.subject : '',
    body: v.body,
    documentIds: v.channel === 'email' ? v.documentIds : [],
    ...(replyTo ? { replyTo } : {}),
  };
}

/** A contract path (to.0.address, body…) as the form field its message belongs under. */
export function composeField(path: string): FieldPath<ComposeValues> {
  if (path.startsWith('to')) return 'recipients';
  if (path === 'subject' || path === 'body' || path === 'accountId') return path;
  if (path.startsWith('documentIds')) return 'documentIds';
  return 'body';
}

/** The contract's own check, before anything is sent: field → message. */
export function checkCompose(v: ComposeValues, replyTo: string | undefined): Record<string, string> {
  const parsed = sendInput.safeParse(toSendInput(v, replyTo));
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = composeField(issue.path.join('.'));
    out[field] ??= issue.message;
  }
  return out;
}

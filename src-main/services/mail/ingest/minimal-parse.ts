/**
 * The fallback when mailparser fails or runs out of time: the header fields read by hand (addresses through
 * mailparser's own address-header parser, which takes strings only), the body kept as raw text. Cannot throw for
 * any input: every step is plain string work on bounded slices.
 */
import { parseAddressHeader } from 'mailparser';
import { decodeGuessing, decodeLabelled } from './charset-guess';
import { boundHeader, headerFields, splitMessage } from './raw-bounds';
import type { IncomingMail, MailPerson } from './parsed-mail';
import {
  contentKeyOf,
  MAX_TEXT_CHARS,
  messageIds,
  normaliseMessageId,
  plausibleDate,
  snippetOf,
} from './parse-message';

export function minimalParse(raw: Buffer, problem: string): IncomingMail {
  const split = splitMessage(raw);
  let headerText = '';
  let problems = [problem];
  try {
    const header = boundHeader(split.header);
    headerText = header.text;
    problems = [...header.problems, problem];
  } catch {
    headerText = decodeGuessing(split.header.subarray(0, 64 * 1024));
  }
  const fields = new Map<string, string>();
  for (const f of headerFields(headerText)) {
    if (!fields.has(f.name))
      fields.set(
        f.name,
        f.text
          .slice(f.text.indexOf(':') + 1)
          .replace(/\r?\n[ \t]/g, ' ')
          .trim(),
      );
  }
  const text = decodeGuessing(split.body.subarray(0, MAX_TEXT_CHARS));
  const messageIdHeader = normaliseMessageId(fields.get('message-id'));
  const dateHeader = fields.get('date');
  return {
    kind: 'parsed-message',
    size: raw.length,
    contentKey: messageIdHeader ?? contentKeyOf(split.header, raw),
    messageIdHeader,
    inReplyTo: messageIds(fields.get('in-reply-to'))[0] ?? null,
    references: messageIds(fields.get('references')),
    subject: decodeWords(fields.get('subject') ?? '').slice(0, 2000),
    from: addresses(fields.get('from'))[0] ?? null,
    replyTo: addresses(fields.get('reply-to')),
    to: addresses(fields.get('to')),
    cc: addresses(fields.get('cc')),
    sentAt: dateHeader ? plausibleDate(new Date(dateHeader)) : null,
    text,
    html: null,
    snippet: snippetOf(text),
    attachments: [],
    headerBlock: headerText,
    parseProblems: problems.join(' '),
    calendarReplies: [],
    bounce: null,
  };
}

function addresses(value: string | undefined): MailPerson[] {
  if (!value) return [];
  try {
    return parseAddressHeader(value.slice(0, 64 * 1024), { flatten: true })
      .value.filter((a) => a.address)
      .slice(0, 500)
      .map((a) => ({ name: decodeWords(a.name ?? '').slice(0, 200), address: a.address!.toLowerCase().slice(0, 320) }));
  } catch {
    return [];
  }
}

/** RFC 2047 encoded words (=?charset?B|Q?…?=), decoded with the same charset rules as bodies. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?\s]{1,40})\?([bqBQ])\?([^?\s]*)\?=/g,
      (_whole, charset: string, encoding: string, data: string) => {
        const bytes =
          encoding.toLowerCase() === 'b'
            ? Buffer.from(data, 'base64')
            : Buffer.from(
                data
                  .replace(/_/g, ' ')
                  .replace(/=([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                'latin1',
              );
        return decodeLabelled(bytes, charset.split('*')[0]);
      },
    );
}

/**
 * The fallback when mailparser fails or runs out of time: the header fields read by hand (addresses through
 * mailparser's own address-header parser, which takes strings only), the body kept as raw text. Cannot throw for
 * any input: every step is plain string work on bounded slices.
 */
import { parseAddressHeader } from 'mailparser';
import { decodeGuessing, decodeLabelled } from './charset-guess';
import { boundHeader, headerFields, splitMessage } from './raw-bounds';
import type { IncomingMail, MailPerson } from './parsed-mail';
import { mayBeBounce } from '../bounce/detect-bounce';
import {
  contentKeyOf,
  MAX_TEXT_CHARS,
  messageIds,
  normaliseMessageId,
  plausibleDate,
  snippetOf,
} from './parse-message';

/** The header block read by hand, with what went wrong reading it. Plain string work on bounded slices. */
function readHeaders(raw: Buffer, problem: string | null) {
  const split = splitMessage(raw);
  let headerText = '';
  let problems = problem ? [problem] : [];
  try {
    const header = boundHeader(split.header);
    headerText = header.text;
    problems = [...header.problems, ...problems];
  } catch {
    headerText = decodeGuessing(split.header.subarray(0, 64 * 1024));
  }
  const fields = new Map<string, string>();
  // Every value of the fields that may come more than once and are read together (mailparser joins them too:
  // a second To field's recipients are recipients, a second References field's ids are the thread's).
  const lists = new Map<string, string[]>();
  for (const f of headerFields(headerText)) {
    const value = f.text
      .slice(f.text.indexOf(':') + 1)
      .replace(/\r?\n[ \t]/g, ' ')
      .trim();
    if (!fields.has(f.name)) fields.set(f.name, value);
    if (LIST_FIELDS.has(f.name)) lists.set(f.name, [...(lists.get(f.name) ?? []), value]);
  }
  const all = (name: string, separator: string) => lists.get(name)?.join(separator);
  return { split, headerText, problems, fields, all, lists };
}

const LIST_FIELDS = new Set(['to', 'cc', 'reply-to', 'references', 'return-path']);

/** IncomingMail without its body fields (Pick, not Omit: Omit loses the keys behind ParsedMessage's index signature). */
type HeaderPart = Pick<
  IncomingMail,
  | 'kind'
  | 'size'
  | 'contentKey'
  | 'messageIdHeader'
  | 'inReplyTo'
  | 'references'
  | 'subject'
  | 'from'
  | 'replyTo'
  | 'to'
  | 'cc'
  | 'sentAt'
  | 'headerBlock'
  | 'calendarReplies'
  | 'bounce'
>;

function headerPart(raw: Buffer, read: ReturnType<typeof readHeaders>): HeaderPart {
  const { fields } = read;
  const messageIdHeader = normaliseMessageId(fields.get('message-id'));
  const dateHeader = fields.get('date');
  return {
    kind: 'parsed-message',
    size: raw.length,
    contentKey: messageIdHeader ?? contentKeyOf(read.split.header, raw),
    messageIdHeader,
    inReplyTo: messageIds(fields.get('in-reply-to'))[0] ?? null,
    references: messageIds(read.all('references', ' ')),
    subject: decodeWords(fields.get('subject') ?? '').slice(0, 2000),
    from: addresses(fields.get('from'))[0] ?? null,
    replyTo: addresses(read.all('reply-to', ', ')),
    to: addresses(read.all('to', ', ')),
    cc: addresses(read.all('cc', ', ')),
    sentAt: dateHeader ? plausibleDate(new Date(dateHeader)) : null,
    headerBlock: read.headerText,
    calendarReplies: [],
    bounce: null,
  };
}

export function minimalParse(raw: Buffer, problem: string): IncomingMail {
  const read = readHeaders(raw, problem);
  const text = decodeGuessing(read.split.body.subarray(0, MAX_TEXT_CHARS));
  return {
    ...headerPart(raw, read),
    text,
    html: null,
    snippet: snippetOf(text),
    attachments: [],
    parseProblems: read.problems.join(' '),
  };
}

/**
 * The header block only, for a large scan that stores and links mail first and reads bodies later (the mail body
 * job): the body fields are empty and `deferredRaw` holds the message for the queue. Null when the mail may be a
 * delivery report: a bounce changes how the mail is linked and marks mailing recipients, so it is read whole at once.
 * About a tenth of a full parse, and done in the scan's own process (no round trip to a worker).
 */
export function parseHeadersOnly(raw: Buffer): IncomingMail | null {
  const read = readHeaders(raw, null);
  const head = headerPart(raw, read);
  const fields = read.fields;
  if (
    mayBeBounce({
      contentType: fields.get('content-type') ?? '',
      failedRecipients: fields.has('x-failed-recipients'),
      fromAddress: head.from?.address ?? '',
      // As written and as decoded: "=?UTF-8?Q?Mail_Delivery_System?=" is a mailer daemon too.
      fromField: `${fields.get('from') ?? ''} ${head.from?.name ?? ''}`,
      emptyReturnPath: (read.lists.get('return-path') ?? []).some((v) => /^<\s*>$/.test(v)),
    })
  ) {
    return null;
  }
  return {
    ...head,
    text: '',
    html: null,
    snippet: '',
    attachments: [],
    parseProblems: read.problems.length ? read.problems.join(' ') : null,
    deferredRaw: raw,
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

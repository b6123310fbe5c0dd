import { useRef } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { insertAt, PlaceholderHelp } from './PlaceholderHelp';
import { SmsCount } from './SmsCount';
import { TemplateSelect } from './TemplateSelect';

/** The part of a sending form's values these fields read and write. */
export interface MessageText {
  channel: Channel;
  subject: string;
  body: string;
}

/**
 * The message itself, as the compose form, a new mailing and the template editor write it: a template to start
 * from, the subject (mail only: SMS has none), the text, and placeholder chips that go in at the cursor of the
 * field last typed in (the text for SMS).
 */
export function MessageFields<T extends MessageText>(props: {
  form: UseFormReturn<T>;
  /** The screen's own test ids: `<prefix>-subject`, `<prefix>-body`. */
  testIdPrefix: 'compose' | 'mailing' | 'template';
  /** Offer the channel's templates above the subject (not in the template editor, which writes one). */
  withTemplate?: boolean;
  /** Show "143 karakter · 1 SMS" under an SMS text. */
  smsCount?: boolean;
  /** Rows of a mail's text: at least, at most (an SMS starts at three). */
  rows?: { min: number; max: number };
}) {
  const { t } = useTranslation();
  // T has these three fields with these types; react-hook-form's types are invariant in T, hence the one cast.
  const form = props.form as unknown as UseFormReturn<MessageText>;
  const [channel, subject, body] = useWatch({ control: form.control, name: ['channel', 'subject', 'body'] });
  const { errors } = useFormState({ control: form.control, name: ['subject', 'body'] });
  const rows = props.rows ?? { min: 8, max: 18 };

  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const subjectField = form.register('subject');
  const bodyField = form.register('body');
  const insert = (text: string) => {
    const field = channel === 'email' ? lastField.current : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const next = insertAt(form.getValues(field), element, text);
    form.setValue(field, next.value, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <>
      {props.withTemplate && (
        <TemplateSelect
          channel={channel}
          current={{ subject: channel === 'email' ? subject : '', body }}
          onPick={(tpl) => {
            form.setValue('subject', tpl.subject, { shouldDirty: true });
            form.setValue('body', tpl.body, { shouldDirty: true });
          }}
        />
      )}
      {channel === 'email' && (
        <TextInput
          label={t('mailings.compose.subject')}
          maxLength={300}
          error={errors.subject?.message}
          {...subjectField}
          ref={(el) => {
            subjectField.ref(el);
            subjectRef.current = el;
          }}
          onFocus={() => (lastField.current = 'subject')}
          data-testid={`${props.testIdPrefix}-subject`}
        />
      )}
      <Textarea
        label={t('mailings.compose.body')}
        placeholder={t('mailings.compose.bodyPlaceholder')}
        withAsterisk
        autosize
        minRows={channel === 'sms' ? 3 : rows.min}
        maxRows={rows.max}
        error={errors.body?.message}
        description={props.smsCount && channel === 'sms' ? <SmsCount text={body} /> : undefined}
        {...bodyField}
        ref={(el) => {
          bodyField.ref(el);
          bodyRef.current = el;
        }}
        onFocus={() => (lastField.current = 'body')}
        data-testid={`${props.testIdPrefix}-body`}
      />
      <PlaceholderHelp onPick={(p) => insert(`{${p}}`)} />
    </>
  );
}

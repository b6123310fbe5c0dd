import { useEffect, useRef } from 'react';
import { Anchor, Button, Grid, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { Channel } from '../../../src-shared/contract/mailings';
import { useMutate } from '../../app/contract-hooks';
import { AccountSelect } from './AccountSelect';
import { AttachmentsField } from './AttachmentsField';
import { checkCompose, composeField, toSendInput, type ComposeValues } from './compose-form';
import { ComposePreview } from './ComposePreview';
import { insertAt, PlaceholderHelp } from './PlaceholderHelp';
import { RecipientsField } from './RecipientsField';
import { SmsCount } from './SmsCount';
import { startRecipients, type ComposeCard, type Recipient } from './recipients';
import { TemplateSelect } from './TemplateSelect';
import { mailingPath } from './mailing-looks';

export interface ComposeStart {
  card?: ComposeCard | undefined;
  channel?: Channel | undefined;
  /** Recipients besides (or instead of) the card's own address, e.g. the sender of a mail being answered. */
  to?: Recipient[] | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  /** mail_messages id of the mail being answered. */
  replyTo?: string | undefined;
}

/** The compose form: channel, account, recipients, template, text with placeholders, attachments, live preview. */
export function ComposeForm(props: {
  start: ComposeStart;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSent: (mailingId: string) => void;
}) {
  const { t } = useTranslation();
  const { start } = props;
  const send = useMutate('mail.send');
  const channel0 = start.channel ?? 'email';
  const form = useForm<ComposeValues>({
    defaultValues: {
      channel: channel0,
      accountId: null,
      recipients: [...startRecipients(start.card, channel0), ...(start.to ?? [])],
      subject: start.subject ?? '',
      body: start.body ?? '',
      documentIds: [],
    },
  });
  const { errors, isSubmitting } = form.formState;
  const { onDirtyChange } = props;
  const values = form.watch();
  // Typing counts as unsaved work; the account picked for you does not.
  const dirty = values.body.trim() !== (start.body ?? '').trim() || values.subject !== (start.subject ?? '');
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const subjectField = form.register('subject');
  const bodyField = form.register('body');
  const insert = (text: string) => {
    const field = values.channel === 'email' ? lastField.current : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const next = insertAt(form.getValues(field), element, text);
    form.setValue(field, next.value, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const switchChannel = (channel: Channel) => {
    form.setValue('channel', channel);
    form.setValue('accountId', null);
    // A card's addresses are per channel; typed ones too (an address is no phone number).
    form.setValue('recipients', startRecipients(start.card, channel));
    form.clearErrors();
  };

  const problems = checkCompose(values, start.replyTo);
  const ready = Object.keys(problems).length === 0;
  const submit = form.handleSubmit(async (v) => {
    const found = checkCompose(v, start.replyTo);
    if (Object.keys(found).length) {
      for (const [field, message] of Object.entries(found))
        form.setError(field as keyof ComposeValues, { type: 'check', message });
      return;
    }
    try {
      const { mailingId } = await send.mutateAsync(toSendInput(v, start.replyTo));
      notifications.show({
        color: 'green',
        title: t('mailings.compose.queued'),
        message: <Anchor href={`#${mailingPath(mailingId)}`}>{t('mailings.compose.queuedLink')}</Anchor>,
      });
      props.onSent(mailingId);
    } catch (error) {
      if (error instanceof ContractError && error.fields)
        for (const [path, message] of Object.entries(error.fields))
          form.setError(composeField(path), { type: 'server', message });
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('mailings.compose.channel')}
                </Text>
                <SegmentedControl
                  value={values.channel}
                  onChange={(v) => switchChannel(v as Channel)}
                  data={[
                    { value: 'email', label: t('mailings.channels.email') },
                    { value: 'sms', label: t('mailings.channels.sms') },
                  ]}
                  disabled={!!start.replyTo}
                  data-testid="compose-channel"
                />
              </Stack>
              <Controller
                control={form.control}
                name="accountId"
                render={({ field }) => (
                  <AccountSelect channel={values.channel} value={field.value} onChange={field.onChange} />
                )}
              />
            </Group>
            <Controller
              control={form.control}
              name="recipients"
              render={({ field }) => (
                <RecipientsField
                  channel={values.channel}
                  card={start.card}
                  value={field.value}
                  onChange={(next) => {
                    field.onChange(next);
                    form.clearErrors('recipients');
                  }}
                  error={errors.recipients?.message}
                />
              )}
            />
            <TemplateSelect
              channel={values.channel}
              current={{ subject: values.channel === 'email' ? values.subject : '', body: values.body }}
              onPick={(tpl) => {
                form.setValue('subject', tpl.subject, { shouldDirty: true });
                form.setValue('body', tpl.body, { shouldDirty: true });
              }}
            />
            {values.channel === 'email' && (
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
                data-testid="compose-subject"
              />
            )}
            <Textarea
              label={t('mailings.compose.body')}
              placeholder={t('mailings.compose.bodyPlaceholder')}
              withAsterisk
              autosize
              minRows={values.channel === 'sms' ? 3 : 7}
              maxRows={16}
              error={errors.body?.message}
              {...bodyField}
              ref={(el) => {
                bodyField.ref(el);
                bodyRef.current = el;
              }}
              onFocus={() => (lastField.current = 'body')}
              description={values.channel === 'sms' ? <SmsCount text={values.body} /> : undefined}
              data-testid="compose-body"
            />
            <PlaceholderHelp onPick={(p) => insert(`{${p}}`)} />
            {values.channel === 'email' && start.card && (
              <Controller
                control={form.control}
                name="documentIds"
                render={({ field }) => (
                  <AttachmentsField cardId={start.card!.id} value={field.value} onChange={field.onChange} />
                )}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('mailings.compose.preview')}
            </Text>
            <ComposePreview
              channel={values.channel}
              input={ready ? { ...toSendInput(values, start.replyTo), mode: 'single' } : null}
              maxSamples={1}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          leftSection={<IconSend size={16} />}
          loading={isSubmitting}
          disabled={!values.accountId}
          data-testid="compose-send"
        >
          {t('mailings.compose.send')}
        </Button>
      </Group>
    </form>
  );
}

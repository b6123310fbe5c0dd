import { useEffect } from 'react';
import { Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { Channel } from '../../../src-shared/contract/mailings';
import { useMutate } from '../../app/contract-hooks';
import { AttachmentsField } from './AttachmentsField';
import { ChannelAccountRow } from './ChannelFields';
import { checkCompose, composeField, toSendInput, type ComposeValues } from './compose-form';
import { ComposePreview } from './ComposePreview';
import { MessageFields } from './MessageFields';
import { RecipientsField } from './RecipientsField';
import { startRecipients, type ComposeCard, type Recipient } from './recipients';
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

  const switchChannel = (channel: Channel) => {
    form.setValue('channel', channel);
    form.setValue('accountId', null);
    // A card's addresses are per channel; typed ones too (an address is no phone number). Cards handed in
    // without an address (the rows ticked in a list) stay: main picks their address on the new channel.
    const channelFree = (start.to ?? []).filter((r) => r.cardId && !r.address);
    form.setValue('recipients', [...startRecipients(start.card, channel), ...channelFree]);
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
            <ChannelAccountRow
              form={form}
              onChannel={switchChannel}
              channelDisabled={!!start.replyTo}
              channelTestId="compose-channel"
            />
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
            <MessageFields form={form} testIdPrefix="compose" withTemplate smsCount rows={{ min: 7, max: 16 }} />
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

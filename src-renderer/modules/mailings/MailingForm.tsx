import { useEffect, useState } from 'react';
import { Anchor, Button, Checkbox, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ContractError } from '../../../src-shared/contract';
import { mailingDraftInput, type Channel } from '../../../src-shared/contract/mailings';
import { useCall, useClient, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { foldedFilter } from '../../ui/folded-filter';
import { ChannelAccountRow } from './ChannelFields';
import { ComposePreview } from './ComposePreview';
import { mailingPath } from './mailing-looks';
import { MessageFields } from './MessageFields';

interface MailingValues {
  channel: Channel;
  accountId: string | null;
  segmentId: string | null;
  subject: string;
  body: string;
  listOthers: boolean;
}

const toDraft = (v: MailingValues) => ({
  channel: v.channel,
  ...(v.accountId ? { accountId: v.accountId } : {}),
  segmentId: v.segmentId ?? '',
  subject: v.channel === 'email' ? v.subject : '',
  body: v.body,
  documentIds: [],
  listOthers: v.channel === 'email' && v.listOthers,
});

/**
 * A new mailing: a segment's members each get their own message. Attachments are left out on purpose: a mailing
 * to hundreds with the same file is better served by a link, and a card's documents have no place here.
 */
export function MailingNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const create = useMutate('mailings.create');
  const start = useMutate('mailings.start');
  const segments = useCall('segments.list', {});
  const form = useForm<MailingValues>({
    defaultValues: { channel: 'email', accountId: null, segmentId: null, subject: '', body: '', listOthers: false },
  });
  const { errors } = form.formState;
  const values = form.watch();
  const count = useCall('segments.count', { id: values.segmentId ?? '' }, { enabled: !!values.segmentId });
  const [confirming, setConfirming] = useState<null | { count: number }>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => form.clearErrors(), [values.channel, form]);

  const checked = mailingDraftInput.safeParse(toDraft(values));
  const check = (): boolean => {
    if (checked.success) return true;
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? 'body') as keyof MailingValues;
      form.setError(field, {
        type: 'check',
        message: field === 'segmentId' ? t('mailings.form.segmentPlaceholder') : issue.message,
      });
    }
    return false;
  };
  const showFieldErrors = (error: unknown) => {
    if (error instanceof ContractError && error.fields)
      for (const [path, message] of Object.entries(error.fields))
        form.setError((path.split('.')[0] ?? 'body') as keyof MailingValues, { type: 'server', message });
  };

  const saveDraft = async () => {
    if (!check()) return;
    try {
      const saved = await create.mutateAsync(toDraft(values));
      notifications.show({ color: 'green', message: t('mailings.form.draftSaved') });
      void navigate(mailingPath(saved.id));
    } catch (error) {
      showFieldErrors(error);
    }
  };
  const askStart = async () => {
    if (!check()) return;
    // The count shown in the question is the segment's as of now, asked again rather than taken from the screen.
    try {
      const now = await client.call('segments.count', { id: values.segmentId ?? '' });
      setConfirming({ count: now.count });
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error'), message: (error as Error).message });
    }
  };
  const doStart = async () => {
    setBusy(true);
    let draftId: string | null = null;
    try {
      draftId = (await create.mutateAsync(toDraft(values))).id;
      await start.mutateAsync({ id: draftId });
      notifications.show({ color: 'green', message: t('mailings.form.started') });
      void navigate(mailingPath(draftId));
    } catch (error) {
      setConfirming(null);
      // Saved but not started: go to the draft (its page can start it) instead of leaving the form, where
      // trying again would save yet another draft. useMutate has already shown main's reason.
      if (draftId) {
        notifications.show({ color: 'orange', message: t('mailings.form.savedNotStarted') });
        void navigate(mailingPath(draftId));
      } else showFieldErrors(error);
    } finally {
      setBusy(false);
    }
  };

  const segmentRows = segments.data?.segments ?? [];
  const segmentName = segmentRows.find((s) => s.id === values.segmentId)?.name ?? '';
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Anchor component={Link} to="/mailings" size="sm">
        ← {t('mailings.detail.back')}
      </Anchor>
      <Title order={2}>{t('mailings.form.title')}</Title>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <ChannelAccountRow
                form={form}
                onChannel={(channel) => {
                  form.setValue('channel', channel);
                  form.setValue('accountId', null);
                }}
                channelTestId="mailing-channel"
              />
              <Controller
                control={form.control}
                name="segmentId"
                render={({ field }) => (
                  <Select
                    label={t('mailings.form.segment')}
                    placeholder={t('mailings.form.segmentPlaceholder')}
                    withAsterisk
                    searchable
                    filter={foldedFilter}
                    data={segmentRows.map((s) => ({
                      value: s.id,
                      label: s.cardType === 'institution' ? `${s.name} (${t('nav.institutions')})` : s.name,
                    }))}
                    value={field.value}
                    onChange={(id) => {
                      field.onChange(id);
                      form.clearErrors('segmentId');
                    }}
                    error={errors.segmentId?.message}
                    description={
                      segments.isSuccess && segmentRows.length === 0
                        ? t('mailings.form.segmentNone')
                        : count.data
                          ? t('mailings.form.segmentCount', { count: count.data.count })
                          : undefined
                    }
                    data-testid="mailing-segment"
                  />
                )}
              />
              <MessageFields form={form} testIdPrefix="mailing" withTemplate smsCount />
              {values.channel === 'email' && (
                <>
                  <Checkbox
                    label={t('mailings.form.listOthers')}
                    {...form.register('listOthers')}
                    data-testid="mailing-list-others"
                  />
                  <Text size="xs" c="dimmed">
                    {t('mailings.form.attachmentsNote')}
                  </Text>
                </>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('mailings.form.samples')}
            </Text>
            <ComposePreview
              channel={values.channel}
              input={checked.success ? { ...toDraft(values), mode: 'mailing' } : null}
              maxSamples={3}
              summary
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end">
        <Button
          variant="default"
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => void saveDraft()}
          loading={create.isPending && !busy}
          data-testid="mailing-save-draft"
        >
          {t('mailings.form.saveDraft')}
        </Button>
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => void askStart()}
          disabled={!values.accountId}
          data-testid="mailing-start"
        >
          {t('mailings.form.start')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={!!confirming}
        title={t('mailings.form.confirmTitle')}
        message={t('mailings.form.confirmMessage', {
          count: confirming?.count ?? 0,
          segment: segmentName,
          channel: t(`mailings.channels.${values.channel}`),
        })}
        confirmLabel={t('mailings.form.confirmStart')}
        loading={busy}
        onConfirm={() => void doStart()}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}

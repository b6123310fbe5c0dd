import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MailingOut } from '../../../src-shared/contract/mailings';
import { useCall, useClient, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { MailingCounts, MailingProgress, MailingStatusBadge } from './MailingBadges';
import { processedCount } from './mailing-looks';
import { RecipientsTable } from './RecipientsTable';

/** One mailing or single send: live progress, pause/resume/cancel, the uncertain ones explained, its recipients. */
export function MailingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: mailing, error, isLoading } = useCall('mailings.get', { id });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !mailing)
    return (
      <Stack>
        <Anchor component={Link} to="/mailings" size="sm">
          ← {t('mailings.detail.back')}
        </Anchor>
        <Alert color="orange">{error?.message ?? t('mailings.detail.missing')}</Alert>
      </Stack>
    );
  return <MailingView mailing={mailing} />;
}

function MailingView({ mailing }: { mailing: MailingOut }) {
  const { t, i18n } = useTranslation();
  const uncertain = mailing.counts.uncertain ?? 0;
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Anchor component={Link} to="/mailings" size="sm">
        ← {t('mailings.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2} data-testid="mailing-title">
              {mailing.channel === 'sms' ? t('mailings.channels.sms') : mailing.subject || t('mailings.list.noSubject')}
            </Title>
            <MailingStatusBadge status={mailing.status} />
            <Badge variant="outline" color="gray">
              {t(`mailings.channels.${mailing.channel}`)} · {t(`mailings.kinds.${mailing.kind}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('mailings.detail.created', {
              who: mailing.createdBy?.name ?? '—',
              at: formatDateTime(mailing.createdAt, i18n.language),
            })}
            {mailing.startedAt &&
              ` · ${t('mailings.detail.started', { at: formatDateTime(mailing.startedAt, i18n.language) })}`}
            {mailing.finishedAt &&
              ` · ${t('mailings.detail.finished', { at: formatDateTime(mailing.finishedAt, i18n.language) })}`}
          </Text>
          {mailing.segmentName && (
            <Text size="sm">
              {t('mailings.detail.segment', { name: mailing.segmentName })}
              {mailing.listOthers && ` · ${t('mailings.detail.listOthers')}`}
            </Text>
          )}
        </Stack>
        <MailingControls mailing={mailing} />
      </Group>
      {mailing.status !== 'draft' && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={500} data-testid="mailing-progress-text">
                {t('mailings.detail.progress', { done: processedCount(mailing.counts), total: mailing.total })}
              </Text>
              <MailingCounts mailing={mailing} />
            </Group>
            <MailingProgress mailing={mailing} />
          </Stack>
        </Paper>
      )}
      {uncertain > 0 && <UncertainNotice mailing={mailing} count={uncertain} />}
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('mailings.detail.body')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="mailing-body">
          {mailing.body}
        </Text>
      </Paper>
      <RecipientsTable
        mailingId={mailing.id}
        draft={mailing.status === 'draft'}
        canResend={mailing.status !== 'cancelled'}
      />
    </Stack>
  );
}

/** Start (a draft), pause, resume and cancel, each only where it applies. */
function MailingControls({ mailing }: { mailing: MailingOut }) {
  const { t } = useTranslation();
  const client = useClient();
  const start = useMutate('mailings.start');
  const pause = useMutate('mailings.pause');
  const resume = useMutate('mailings.resume');
  const cancel = useMutate('mailings.cancel');
  const [askCancel, setAskCancel] = useState(false);
  const [askStart, setAskStart] = useState<null | { count: number }>(null);
  const [counting, setCounting] = useState(false);
  const id = { id: mailing.id };
  // As in the new-mailing form: the count in the question is the segment's as of now, asked for afresh.
  const confirmStart = async () => {
    setCounting(true);
    try {
      const count = mailing.segmentId
        ? (await client.call('segments.count', { id: mailing.segmentId })).count
        : mailing.total;
      setAskStart({ count });
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error'), message: (error as Error).message });
    } finally {
      setCounting(false);
    }
  };
  const { status } = mailing;
  return (
    <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
      {status === 'draft' && (
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => void confirmStart()}
          loading={counting}
          data-testid="mailing-start"
        >
          {t('mailings.detail.start')}
        </Button>
      )}
      {(status === 'sending' || status === 'queued') && (
        <Button
          variant="default"
          leftSection={<IconPlayerPause size={16} />}
          onClick={() => void pause.mutateAsync(id).catch(() => undefined)}
          loading={pause.isPending}
          data-testid="mailing-pause"
        >
          {t('mailings.detail.pause')}
        </Button>
      )}
      {status === 'paused' && (
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => void resume.mutateAsync(id).catch(() => undefined)}
          loading={resume.isPending}
          data-testid="mailing-resume"
        >
          {t('mailings.detail.resume')}
        </Button>
      )}
      {(status === 'sending' || status === 'queued' || status === 'paused' || status === 'draft') && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={16} />}
          onClick={() => setAskCancel(true)}
          data-testid="mailing-cancel"
        >
          {t('mailings.detail.cancel')}
        </Button>
      )}
      <ConfirmDialog
        opened={askCancel}
        title={t('mailings.detail.cancelTitle')}
        message={t('mailings.detail.cancelMessage')}
        confirmLabel={t('mailings.detail.cancelConfirm')}
        loading={cancel.isPending}
        onConfirm={() =>
          void cancel
            .mutateAsync(id)
            .then(() => setAskCancel(false))
            .catch(() => setAskCancel(false))
        }
        onClose={() => setAskCancel(false)}
      />
      <ConfirmDialog
        opened={!!askStart}
        title={t('mailings.form.confirmTitle')}
        message={t('mailings.form.confirmMessage', {
          count: askStart?.count ?? 0,
          segment: mailing.segmentName ?? '',
          channel: t(`mailings.channels.${mailing.channel}`),
        })}
        confirmLabel={t('mailings.form.confirmStart')}
        loading={start.isPending}
        onConfirm={() =>
          void start
            .mutateAsync(id)
            .then(() => {
              setAskStart(null);
              notifications.show({ color: 'green', message: t('mailings.form.started') });
            })
            .catch(() => setAskStart(null))
        }
        onClose={() => setAskStart(null)}
      />
    </Group>
  );
}

/** Interrupted sends: they may or may not have arrived, so sending again is the person's call. */
function UncertainNotice({ mailing, count }: { mailing: MailingOut; count: number }) {
  const { t } = useTranslation();
  const resend = useMutate('mailings.resendUncertain');
  const [asking, setAsking] = useState(false);
  const doResend = async () => {
    await resend.mutateAsync({ id: mailing.id });
    setAsking(false);
    notifications.show({ color: 'green', message: t('mailings.detail.resent') });
  };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('mailings.detail.uncertainTitle', { count })}
      data-testid="mailing-uncertain"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('mailings.detail.uncertainText')}</Text>
        {mailing.status !== 'cancelled' && (
          <Button
            size="xs"
            color="orange"
            leftSection={<IconRefresh size={14} />}
            onClick={() => setAsking(true)}
            data-testid="mailing-resend"
          >
            {t('mailings.detail.resend')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t('mailings.detail.resendTitle')}
        message={t('mailings.detail.resendMessage', { count })}
        confirmLabel={t('mailings.detail.resend')}
        loading={resend.isPending}
        onConfirm={() => void doResend().catch(() => setAsking(false))}
        onClose={() => setAsking(false)}
      />
    </Alert>
  );
}

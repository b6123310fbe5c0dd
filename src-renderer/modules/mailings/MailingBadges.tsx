import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailingOut, MailingStatus, RecipientStatus } from '../../../src-shared/contract/mailings';
import { MAILING_STATUS_COLOR, processedCount, RECIPIENT_STATUS_COLOR } from './mailing-looks';

export function MailingStatusBadge({ status }: { status: MailingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={MAILING_STATUS_COLOR[status]} variant="light" data-testid="mailing-status">
      {t(`mailings.statuses.${status}`)}
    </Badge>
  );
}

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={RECIPIENT_STATUS_COLOR[status]} variant="light" size="sm">
      {t(`mailings.recipientStatuses.${status}`)}
    </Badge>
  );
}

/** "12 / 1 / 0 / 40": sent, failed, uncertain, total; each number coloured and named on hover. */
export function MailingCounts({ mailing }: { mailing: Pick<MailingOut, 'counts' | 'total'> }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'tr-TR');
  const part = (status: RecipientStatus) => (
    <Tooltip label={t(`mailings.recipientStatuses.${status}`)} withArrow>
      <Text span size="sm" c={(mailing.counts[status] ?? 0) > 0 ? `${RECIPIENT_STATUS_COLOR[status]}.7` : 'dimmed'}>
        {n(mailing.counts[status] ?? 0)}
      </Text>
    </Tooltip>
  );
  return (
    <Group gap={4} wrap="nowrap" data-testid="mailing-counts">
      {part('sent')}
      <Text span c="dimmed" size="sm">
        /
      </Text>
      {part('failed')}
      <Text span c="dimmed" size="sm">
        /
      </Text>
      {part('uncertain')}
      <Text span c="dimmed" size="sm">
        / {n(mailing.total)}
      </Text>
    </Group>
  );
}

/** A bar in three colours: sent, failed/uncertain, cancelled, out of the total. */
export function MailingProgress({ mailing }: { mailing: Pick<MailingOut, 'counts' | 'total' | 'status'> }) {
  const total = Math.max(1, mailing.total);
  const pct = (value: number | undefined) => ((value ?? 0) / total) * 100;
  const c = mailing.counts;
  return (
    <Progress.Root size="lg" data-testid="mailing-progress" data-done={processedCount(c)}>
      <Progress.Section value={pct(c.sent)} color="green" animated={mailing.status === 'sending'} />
      <Progress.Section value={pct(c.uncertain)} color="orange" />
      <Progress.Section value={pct(c.failed)} color="red" />
      <Progress.Section value={pct(c.cancelled)} color="gray" />
    </Progress.Root>
  );
}

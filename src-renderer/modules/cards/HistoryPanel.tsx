import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';

/** The card's audit trail: who changed it and when. */
export function HistoryPanel({ entityId }: { entityId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useCall('audit.list', { entityId, limit: 20 });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('common.history')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {(data?.entries ?? []).map((e) => (
          <Timeline.Item
            key={e.id}
            title={<Text size="sm">{t(`cards.audit.${e.action}`, { defaultValue: e.action })}</Text>}
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at, i18n.language)} · {e.userName ?? ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { useMergeActions } from './useMergeActions';

/** The latest merges of one card type, each with its undo (or why it can no longer be undone). */
export function RecentMerges({ type }: { type: CardType }) {
  const { t, i18n } = useTranslation();
  const { data } = useCall('duplicates.merges', { type, limit: 10 });
  const { undoMerge } = useMergeActions();
  const [undoing, setUndoing] = useState<string | null>(null);
  const rows = data?.rows ?? [];
  return (
    <Paper withBorder p="md" data-testid="recent-merges">
      <Title order={4} mb="sm">
        {t('duplicates.recent.title')}
      </Title>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('duplicates.recent.none')}
        </Text>
      )}
      <Stack gap="sm">
        {rows.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="recent-merge">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                <Text span c="dimmed" td={m.undoneAt ? undefined : 'line-through'}>
                  {m.loser.displayName}
                </Text>
                {' → '}
                <Anchor component={Link} to={cardPath(m.type, m.survivor.id)} size="sm">
                  {m.survivor.displayName}
                </Anchor>
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.at, i18n.language)}
                {m.userName ? ` · ${m.userName}` : ''}
              </Text>
            </Stack>
            {m.undoneAt ? (
              <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                {t('duplicates.recent.undone')}
              </Badge>
            ) : (
              <Tooltip label={m.undoBlockedBy} disabled={!m.undoBlockedBy} multiline w={280} withArrow>
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconArrowBackUp size={14} />}
                  // data-disabled, not disabled: a disabled button gets no hover, so the reason would not show.
                  data-disabled={m.undoBlockedBy ? true : undefined}
                  loading={undoing === m.id}
                  onClick={() => {
                    if (m.undoBlockedBy || undoing) return;
                    setUndoing(m.id);
                    void undoMerge(m)
                      .catch(() => undefined)
                      .finally(() => setUndoing(null));
                  }}
                  style={{ flexShrink: 0 }}
                >
                  {t('common.undo')}
                </Button>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

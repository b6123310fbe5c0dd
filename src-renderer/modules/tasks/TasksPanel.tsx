import { useState } from 'react';
import { Button, Center, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';
import { cardPath } from '../cards/card-paths';
import { TaskEditor } from './TaskEditor';
import { TaskRow } from './TaskRow';
import { OPEN_STATUSES } from './task-looks';
import { taskPath } from './task-paths';

const PAGE = 30;

/** The card's "Görevler" tab: everyone's tasks about this card, open ones first; "Görev ekle" starts one for it. */
export function TasksPanel({
  card,
  readOnly,
}: {
  card: { id: string; type: CardType; displayName: string };
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [limit, setLimit] = useState(PAGE);
  const [showClosed, setShowClosed] = useState(false);
  const [writing, setWriting] = useState(false);
  const { data, isLoading, error } = useCall(
    'tasks.list',
    { view: 'all', cardId: card.id, statuses: showClosed ? undefined : [...OPEN_STATUSES], limit },
    { keepPrevious: true },
  );
  const here = cardPath(card.type, card.id) + '?tab=tasks';
  return (
    <Stack gap="sm" data-testid="tasks-panel">
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" c="dimmed">
            {data ? t('common.records', { count: data.total }) : ''}
          </Text>
          <Switch
            size="xs"
            label={t('tasks.showClosed')}
            checked={showClosed}
            onChange={(event) => setShowClosed(event.currentTarget.checked)}
          />
        </Group>
        {!readOnly && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setWriting(true)} data-testid="card-new-task">
            {t('tasks.addForCard')}
          </Button>
        )}
      </Group>
      {isLoading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && data.total === 0 && <Text c="dimmed">{t('tasks.empty.card')}</Text>}
      {data?.tasks.map((task) => (
        <TaskRow key={task.id} task={task} hideCards onOpen={() => void navigate(taskPath(task.id, here))} />
      ))}
      {data && data.tasks.length < data.total && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setLimit((l) => l + PAGE)}>
            {t('tasks.more')}
          </Button>
        </Group>
      )}
      <TaskEditor opened={writing} onClose={() => setWriting(false)} startCard={card} />
    </Stack>
  );
}

import { useState } from 'react';
import { Avatar, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskOut } from '../../../src-shared/contract/tasks';
import { useMutate } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';

/** The comments under a task, oldest first (a conversation), and a box to add one (Ctrl+Enter sends). */
export function TaskComments({ task }: { task: TaskOut }) {
  const { t, i18n } = useTranslation();
  const add = useMutate('tasks.addComment');
  const [body, setBody] = useState('');
  const send = () => {
    const text = body.trim();
    if (!text || add.isPending) return;
    void add
      .mutateAsync({ taskId: task.id, body: text })
      .then(() => setBody(''))
      .catch(() => undefined);
  };
  return (
    <Stack gap="xs" data-testid="task-comments">
      <Title order={4}>{t('tasks.page.comments')}</Title>
      {task.comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('tasks.page.commentsEmpty')}
        </Text>
      )}
      {task.comments.map((comment) => (
        <Group key={comment.id} gap="sm" align="flex-start" wrap="nowrap" data-testid="task-comment">
          <Avatar name={comment.createdBy?.name ?? '?'} color="initials" size="sm" />
          <Paper withBorder p="xs" style={{ flex: 1 }}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {comment.createdBy?.name ?? t('common.none')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(comment.createdAt, i18n.language)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          </Paper>
        </Group>
      ))}
      {!task.deleted && (
        <Stack gap={6}>
          <Textarea
            placeholder={t('tasks.page.commentPlaceholder')}
            aria-label={t('tasks.page.commentPlaceholder')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={5000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
            data-testid="task-comment-input"
          />
          <Group justify="flex-end">
            <Button
              size="sm"
              onClick={send}
              disabled={!body.trim()}
              loading={add.isPending}
              data-testid="task-comment-add"
            >
              {t('tasks.page.addComment')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

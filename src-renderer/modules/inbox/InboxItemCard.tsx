import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconFolderShare, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '../../../src-shared/contract/inbox';
import { useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { TextStatusBadge } from '../documents/TextStatusBadge';
import { documentIcon, formatSize } from '../documents/document-files';
import { documentPath } from '../documents/document-paths';
import { ChooseCardModal } from './ChooseCardModal';
import { fileProblemText } from './problem-words';

/** One file waiting in the inbox: what it is, where it came from, the card its text points at, and what to do. */
export function InboxItemCard({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const file = useMutate('inbox.file');
  const discard = useMutate('inbox.discard');
  const { icon: Icon, color } = documentIcon(item.document.mimeType);
  const name = item.document.name;

  // mutateAsync, not mutate's callbacks: the row unmounts as soon as the list refetches without it,
  // and react-query drops the callbacks of an unmounted observer.
  const fileOn = async (cardId: string) => {
    const result = await file.mutateAsync({ itemId: item.id, cardId }).catch(() => null);
    if (!result) return;
    setChoosing(false);
    notifications.show(
      result.fileProblem
        ? {
            color: 'yellow',
            message: t('inbox.filedKept', { name, problem: fileProblemText(t, result.fileProblem) }),
            autoClose: 12000,
          }
        : { color: 'green', message: t('inbox.filed', { name, card: result.card.displayName }) },
    );
  };
  const throwAway = async () => {
    const result = await discard.mutateAsync({ itemId: item.id }).catch(() => null);
    if (!result) return;
    setConfirming(false);
    notifications.show(
      result.fileProblem
        ? {
            color: 'yellow',
            message: t('inbox.discardedKept', { name, problem: fileProblemText(t, result.fileProblem) }),
            autoClose: 12000,
          }
        : { message: t('inbox.discarded', { name }) },
    );
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="inbox-item">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <ThemeIcon variant="light" color={color} size="lg" radius="md">
          <Icon size={20} />
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to={documentPath(item.document.id)} fw={600} truncate title={t('inbox.preview')}>
              {name}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatSize(item.document.size, i18n.language)}
            </Text>
            <TextStatusBadge status={item.document.textStatus} reason={null} />
          </Group>
          <Text size="xs" c="dimmed" truncate title={item.filePath}>
            {t('inbox.from', { folder: item.folder.label ?? item.folder.path })} ·{' '}
            {t('inbox.foundAt', { date: formatDateTime(item.foundAt, i18n.language) })}
          </Text>
          <SuggestionLine item={item} />
          <Group gap="xs" mt={4}>
            {item.suggestion && (
              <Button
                size="xs"
                leftSection={<IconFolderShare size={16} />}
                loading={file.isPending}
                onClick={() => void fileOn(item.suggestion!.card.id)}
              >
                {t('inbox.fileSuggested')}
              </Button>
            )}
            <Button size="xs" variant={item.suggestion ? 'default' : 'filled'} onClick={() => setChoosing(true)}>
              {item.suggestion ? t('inbox.fileOther') : t('inbox.fileChoose')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setConfirming(true)}
            >
              {t('inbox.discard')}
            </Button>
          </Group>
        </Stack>
      </Group>
      <ChooseCardModal
        opened={choosing}
        documentName={name}
        initialType={item.suggestion?.card.type ?? 'institution'}
        loading={file.isPending}
        onClose={() => setChoosing(false)}
        onChoose={(cardId) => void fileOn(cardId)}
      />
      <ConfirmDialog
        opened={confirming}
        title={t('inbox.discardTitle')}
        message={t('inbox.discardConfirm', { name })}
        confirmLabel={t('inbox.discard')}
        loading={discard.isPending}
        onConfirm={() => void throwAway()}
        onClose={() => setConfirming(false)}
      />
    </Paper>
  );
}

function SuggestionLine({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const s = item.suggestion;
  if (!s) {
    return (
      <Text size="sm" c="dimmed" data-testid="inbox-suggestion">
        {item.document.textStatus === 'pending' ? t('inbox.waitingText') : t('inbox.noSuggestion')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="inbox-suggestion">
      <IconBulb size={16} color="var(--mantine-color-yellow-7)" style={{ flexShrink: 0 }} />
      <Text size="sm" truncate>
        {t('inbox.suggestion')}{' '}
        <Anchor component={Link} to={cardPath(s.card.type, s.card.id)} fw={600}>
          {s.card.displayName}
        </Anchor>
        <Text span c="dimmed" size="sm">
          {' — '}
          {t(`inbox.reasons.${s.kind}`, { value: s.value })}
        </Text>
      </Text>
    </Group>
  );
}

import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFolder, IconFolderPlus, IconX } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { inboxCalls, type WatchedFolder } from '../../../src-shared/contract/inbox';
import { ContractError, type CallInput } from '../../../src-shared/contract';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useMe } from '../criteria/use-me';
import { folderProblemText } from './problem-words';

const addInput = inboxCalls['inbox.folders.add'].input;
type AddInput = CallInput<'inbox.folders.add'>;

/** The folders Kartotek watches, with what keeps one from being watched (an unplugged drive) and how to add one. */
export function WatchedFolders() {
  const { t } = useTranslation();
  const { isAdmin } = useMe();
  const { data } = useCall('inbox.folders.list', {});
  const folders = data?.folders ?? [];
  return (
    <Stack gap="sm" data-testid="watched-folders">
      <Stack gap={2}>
        <Title order={4}>{t('inbox.folders.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('inbox.folders.intro')}
        </Text>
      </Stack>
      {folders.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inbox.folders.none')}
        </Text>
      )}
      {folders.map((folder) => (
        <FolderRow key={folder.id} folder={folder} canRemove={isAdmin} />
      ))}
      {isAdmin ? (
        <AddFolderForm />
      ) : (
        <Text size="sm" c="dimmed">
          {t('inbox.folders.adminOnly')}
        </Text>
      )}
    </Stack>
  );
}

function FolderRow({ folder, canRemove }: { folder: WatchedFolder; canRemove: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutate('inbox.folders.remove');
  return (
    <Paper withBorder radius="md" px="sm" py={8} data-testid="watched-folder">
      <Group wrap="nowrap" gap="sm">
        {folder.problem ? (
          <IconAlertTriangle size={20} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0 }} />
        ) : (
          <IconFolder size={20} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
        )}
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          {folder.label && (
            <Text size="sm" fw={600} truncate>
              {folder.label}
            </Text>
          )}
          <Text size="sm" ff="monospace" c={folder.label ? 'dimmed' : undefined} truncate title={folder.path}>
            {folder.path}
          </Text>
          {folder.problem && (
            <Text size="sm" c="orange.8" data-testid="folder-problem">
              {folderProblemText(t, folder.problem)}
            </Text>
          )}
        </Stack>
        {folder.waiting > 0 && (
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {t('inbox.folders.waiting', { count: folder.waiting })}
          </Badge>
        )}
        {canRemove && (
          <Tooltip label={t('inbox.folders.remove')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('inbox.folders.remove')}
              onClick={() => setConfirming(true)}
            >
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('inbox.folders.removeTitle')}
        message={t('inbox.folders.removeConfirm', { path: folder.path })}
        confirmLabel={t('inbox.folders.remove')}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          void remove
            .mutateAsync({ id: folder.id })
            .then(() => {
              setConfirming(false);
              notifications.show({ message: t('inbox.folders.removed', { path: folder.path }) });
            })
            .catch(() => undefined)
        }
      />
    </Paper>
  );
}

function AddFolderForm() {
  const { t } = useTranslation();
  const add = useMutate('inbox.folders.add');
  const form = useForm<AddInput, unknown, z.output<typeof addInput>>({
    resolver: zodResolver(addInput),
    defaultValues: { path: '', label: '' },
  });
  const submit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: (folder) => {
        form.reset({ path: '', label: '' });
        notifications.show({ color: 'green', message: t('inbox.folders.added', { path: folder.path }) });
      },
      // Main's reason (missing, a file, already watched) goes under the path field, naming the path.
      onError: (error) => {
        if (error instanceof ContractError) form.setError('path', { message: error.fields?.path ?? error.message });
      },
    }),
  );
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="add-folder">
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('inbox.folders.path')}
          placeholder={t('inbox.folders.pathHint')}
          style={{ flex: '2 1 320px' }}
          error={form.formState.errors.path?.message}
          {...form.register('path')}
        />
        <TextInput
          label={t('inbox.folders.label')}
          placeholder={t('inbox.folders.labelHint')}
          style={{ flex: '1 1 200px' }}
          error={form.formState.errors.label?.message}
          {...form.register('label')}
        />
        <Button type="submit" mt={25} leftSection={<IconFolderPlus size={16} />} loading={add.isPending}>
          {t('inbox.folders.add')}
        </Button>
      </Group>
    </form>
  );
}

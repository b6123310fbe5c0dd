import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCheck, IconLock, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { useCall, useMutate } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';

/** Settings: the reasons a meeting note can give (admins add, rename and archive; others read). */
export function ReasonsAdminPage() {
  const { t } = useTranslation();
  const { me, isAdmin } = useMe();
  const { data } = useCall('notes.reasons', {});
  const reasons = [...(data?.reasons ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived) || turkishSortKey(a.name).localeCompare(turkishSortKey(b.name)),
  );
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={760}>
      <Title order={2}>{t('notes.reasons.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('notes.reasons.intro')}
      </Text>
      {me && !isAdmin && (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
          {t('notes.reasons.adminOnly')}
        </Alert>
      )}
      {isAdmin && <AddReason />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="reasons-table">
          <Table.Tbody>
            {reasons.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c="dimmed" size="sm">
                    {t('notes.reasons.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {reasons.map((reason) => (
              <ReasonRow key={reason.id} reason={reason} canEdit={isAdmin} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function AddReason() {
  const { t } = useTranslation();
  const save = useMutate('notes.saveReason');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    if (!name.trim()) return;
    try {
      await save.mutateAsync({ name });
      setName('');
      setError(undefined);
      notifications.show({ color: 'green', message: t('notes.reasons.saved') });
    } catch (err) {
      if (err instanceof ContractError) setError(err.fields?.name ?? err.message);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <Group align="flex-start" gap="xs">
        <TextInput
          aria-label={t('notes.reasons.name')}
          placeholder={t('notes.reasons.newPlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
          maxLength={100}
          w={360}
          data-testid="reason-new"
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={save.isPending} disabled={!name.trim()}>
          {t('notes.reasons.add')}
        </Button>
      </Group>
    </form>
  );
}

function ReasonRow(props: {
  reason: { id: string; name: string; archived: boolean; inUse: number };
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const { reason } = props;
  const save = useMutate('notes.saveReason');
  const archive = useMutate('notes.archiveReason');
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(reason.name);
  const [error, setError] = useState<string | undefined>();
  const rename = async () => {
    // Saving the name it already has is no change: just close the box.
    if (name.trim() === reason.name) {
      setEditing(false);
      return;
    }
    try {
      await save.mutateAsync({ id: reason.id, name });
      setEditing(false);
      setError(undefined);
    } catch (err) {
      if (err instanceof ContractError) setError(err.fields?.name ?? err.message);
    }
  };
  return (
    <Table.Tr data-testid="reason-row" style={reason.archived ? { opacity: 0.6 } : undefined}>
      <Table.Td>
        {editing ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void rename();
            }}
          >
            <Group gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
                error={error}
                aria-label={t('notes.reasons.name')}
                maxLength={100}
                autoFocus
                style={{ flex: 1 }}
              />
              <ActionIcon type="submit" variant="light" color="green" aria-label={t('common.save')}>
                <IconCheck size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('common.cancel')}
                onClick={() => setEditing(false)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          </form>
        ) : (
          <Group gap="xs">
            <Text size="sm">{reason.name}</Text>
            {reason.archived && (
              <Badge size="xs" color="gray" variant="light">
                {t('notes.reasons.archived')}
              </Badge>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td w={110}>
        <Text size="xs" c="dimmed">
          {reason.inUse > 0 ? t('notes.reasons.inUse', { count: reason.inUse }) : ''}
        </Text>
      </Table.Td>
      {props.canEdit && (
        <Table.Td w={90}>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t('notes.reasons.rename')}
              onClick={() => {
                setName(reason.name);
                setEditing(true);
              }}
            >
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={reason.archived ? t('notes.reasons.unarchive') : t('notes.reasons.archive')}
              title={reason.archived ? t('notes.reasons.unarchive') : t('notes.reasons.archive')}
              loading={archive.isPending}
              onClick={() => archive.mutate({ id: reason.id, archived: !reason.archived })}
            >
              {reason.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
            </ActionIcon>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

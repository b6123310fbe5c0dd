import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';
import { TemplateForm, type TemplateValues } from './TemplateForm';

type Editing = { id?: string; start: TemplateValues } | null;

const NEW: TemplateValues = { name: '', channel: 'email', subject: '', body: '' };

/** Settings: ready-made texts for mail and SMS with placeholders. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading } = useCall('mail.templates.list', {});
  const remove = useMutate('mail.templates.remove');
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const templates = [...(data ?? [])].sort((a, b) => turkishSortKey(a.name).localeCompare(turkishSortKey(b.name)));
  const doRemove = async () => {
    if (!removing) return;
    await remove.mutateAsync({ id: removing.id });
    setRemoving(null);
    notifications.show({ color: 'green', message: t('mailings.templates.removed') });
  };
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t('mailings.templates.title')}</Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ start: NEW })}
          data-testid="template-new"
        >
          {t('mailings.templates.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('mailings.templates.intro')}
      </Text>
      <Paper withBorder>
        <Table verticalSpacing="sm" data-testid="templates-table">
          <Table.Tbody>
            {!isLoading && templates.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c={error ? 'red' : 'dimmed'} size="sm">
                    {error ? error.message : t('mailings.templates.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {templates.map((tpl) => (
              <Table.Tr key={tpl.id} data-testid="template-row">
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={500} size="sm">
                      {tpl.name}
                    </Text>
                    <Badge variant="light" color={tpl.channel === 'sms' ? 'teal' : 'blue'} size="sm">
                      {t(`mailings.channels.${tpl.channel}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {tpl.channel === 'email' && tpl.subject ? `${tpl.subject} — ` : ''}
                    {tpl.body}
                  </Text>
                </Table.Td>
                <Table.Td w={170}>
                  <Text size="xs" c="dimmed">
                    {t('mailings.templates.updated', { at: formatDateTime(tpl.updatedAt, i18n.language) })}
                  </Text>
                </Table.Td>
                <Table.Td w={90}>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('common.edit')}
                      onClick={() =>
                        setEditing({
                          id: tpl.id,
                          start: { name: tpl.name, channel: tpl.channel, subject: tpl.subject, body: tpl.body },
                        })
                      }
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('common.delete')}
                      onClick={() => setRemoving({ id: tpl.id, name: tpl.name })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <GuardedEditorModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('mailings.templates.edit') : t('mailings.templates.add')}
        size={760}
        testId="template-editor"
        waiting={false}
        unsaved={{
          title: t('mailings.compose.unsavedTitle'),
          message: t('mailings.templates.unsavedMessage'),
          discard: t('mailings.compose.discard'),
        }}
      >
        {(guard) =>
          editing && (
            <TemplateForm
              id={editing.id}
              start={editing.start}
              onDirtyChange={guard.onDirtyChange}
              onCancel={guard.requestClose}
              onSaved={guard.closeSaved}
            />
          )
        }
      </GuardedEditorModal>
      <ConfirmDialog
        opened={!!removing}
        title={t('mailings.templates.removeTitle')}
        message={t('mailings.templates.removeMessage', { name: removing?.name ?? '' })}
        loading={remove.isPending}
        onConfirm={() => void doRemove().catch(() => setRemoving(null))}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

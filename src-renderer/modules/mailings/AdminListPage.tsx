import { useState, type ComponentType, type CSSProperties, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';

/** The words of one settings list; `removeMessage` gets the row's name. */
export interface AdminListTexts {
  title: string;
  intro: string;
  add: string;
  edit: string;
  empty: string;
  removeTitle: string;
  removeMessage: (name: string) => string;
  /** The red button's word when it is not "Sil". */
  removeConfirm?: string;
  removed: string;
}

interface Editing<V> {
  id?: string;
  start: V;
}

/** What the page's editor form takes (no id: a new one). */
export interface AdminEditorProps<V> {
  id?: string | undefined;
  start: V;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
}

/**
 * A settings page listing named things (templates, SMS accounts): a "new" button, a table with edit and remove on
 * each row (only for those who may change them), an empty line, the editor in a guarded dialog and "are you sure?"
 * before removing.
 */
export function AdminListPage<R extends { id: string; name: string }, V>(props: {
  texts: AdminListTexts;
  testIds: { new: string; table: string; row: string; editor: string };
  canEdit: boolean;
  /** Under the intro, e.g. why the buttons are missing. */
  notice?: ReactNode;
  rows: R[];
  error: Error | null;
  isLoading: boolean;
  newValues: V;
  /** The editor's starting values for a row. */
  startOf: (row: R) => V;
  /** The row's cells before the edit/remove buttons. */
  cells: (row: R) => ReactNode;
  rowStyle?: (row: R) => CSSProperties | undefined;
  editorSize: number;
  Editor: ComponentType<AdminEditorProps<V>>;
  onRemove: (id: string) => Promise<unknown>;
  removePending: boolean;
}) {
  const { t } = useTranslation();
  const { texts, testIds } = props;
  const [editing, setEditing] = useState<Editing<V> | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const doRemove = async () => {
    if (!removing) return;
    await props.onRemove(removing.id);
    setRemoving(null);
    notifications.show({ color: 'green', message: texts.removed });
  };
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={960}>
      <Group justify="space-between">
        <Title order={2}>{texts.title}</Title>
        {props.canEdit && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ start: props.newValues })}
            data-testid={testIds.new}
          >
            {texts.add}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {texts.intro}
      </Text>
      {props.notice}
      <Paper withBorder>
        <Table verticalSpacing="sm" data-testid={testIds.table}>
          <Table.Tbody>
            {!props.isLoading && props.rows.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c={props.error ? 'red' : 'dimmed'} size="sm">
                    {props.error ? props.error.message : texts.empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {props.rows.map((row) => (
              <Table.Tr key={row.id} data-testid={testIds.row} style={props.rowStyle?.(row)}>
                {props.cells(row)}
                <Table.Td w={90}>
                  {props.canEdit && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('common.edit')}
                        onClick={() => setEditing({ id: row.id, start: props.startOf(row) })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => setRemoving({ id: row.id, name: row.name })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <GuardedEditorModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.id ? texts.edit : texts.add}
        size={props.editorSize}
        testId={testIds.editor}
        waiting={false}
        unsaved={{
          title: t('mailings.compose.unsavedTitle'),
          message: t('mailings.templates.unsavedMessage'),
          discard: t('mailings.compose.discard'),
        }}
      >
        {(guard) =>
          editing && (
            <props.Editor
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
        title={texts.removeTitle}
        message={texts.removeMessage(removing?.name ?? '')}
        {...(texts.removeConfirm ? { confirmLabel: texts.removeConfirm } : {})}
        loading={props.removePending}
        onConfirm={() => void doRemove().catch(() => setRemoving(null))}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

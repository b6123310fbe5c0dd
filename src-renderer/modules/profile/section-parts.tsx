import { useState, type FormEvent, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * One list of the profile as its own panel, looking like the card's other
 * panels: title with the count, the add button, "nothing yet" when empty.
 */
export function ProfileSection(props: {
  title: string;
  count: number;
  emptyText: string;
  addLabel: string;
  readOnly: boolean;
  formOpen: boolean;
  onAdd: () => void;
  testId: string;
  children: ReactNode;
}) {
  const showAdd = !props.readOnly && !props.formOpen;
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={6}>
          <Title order={4}>{props.title}</Title>
          {props.count > 0 && (
            <Badge variant="light" color="gray" circle>
              {props.count}
            </Badge>
          )}
        </Group>
        {showAdd && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        )}
      </Group>
      {props.children}
      {props.count === 0 && !props.formOpen && (
        <Text c="dimmed" size="sm">
          {props.emptyText}
        </Text>
      )}
    </Paper>
  );
}

/** Edit and remove buttons of one row; nothing when the card is read-only. */
export function RowActions(props: { readOnly: boolean; what: string; onEdit?: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  if (props.readOnly) return null;
  const edit = `${t('profile.edit')}: ${props.what}`;
  const remove = `${t('profile.remove')}: ${props.what}`;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {props.onEdit && (
        <ActionIcon variant="subtle" color="gray" aria-label={edit} title={edit} onClick={props.onEdit}>
          <IconEdit size={16} />
        </ActionIcon>
      )}
      <ActionIcon variant="subtle" color="gray" aria-label={remove} title={remove} onClick={props.onRemove}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/** The grey box an add or edit form sits in, as on the other card panels, with Cancel and Save. */
export function InlineForm(props: {
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  submitting: boolean;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={props.onSubmit} noValidate data-testid={props.testId}>
      <Stack gap="xs" mb="md" p="sm" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={props.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which row is open in the form: none, a new one, or an existing one by id. */
export type Editing = null | 'new' | string;

/** The form of a section: closed, adding, or editing the row with this id. */
export function useEditing() {
  const [editing, setEditing] = useState<Editing>(null);
  return { editing, setEditing, close: () => setEditing(null) };
}

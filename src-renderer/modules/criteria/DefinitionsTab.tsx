import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriteriaCategory, CriteriaField } from '../../../src-shared/contract/criteria';
import { useCall, useMutate } from '../../app/contract-hooks';
import { CategoryDialog } from './CategoryDialog';
import { FieldDialog } from './FieldDialog';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

type Dialog =
  | { kind: 'category'; category?: CriteriaCategory }
  | { kind: 'field'; category: CriteriaCategory; field?: CriteriaField }
  | { kind: 'deleteCategory'; category: CriteriaCategory }
  | { kind: 'deleteField'; field: CriteriaField };

/** The categories of one card type with their fields; editable by admins. */
export function DefinitionsTab({ cardType, canEdit }: { cardType: CardType; canEdit: boolean }) {
  const { t } = useTranslation();
  const { data } = useCall('criteria.listDefinitions', { cardType, withCounts: true });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const saveCategory = useMutate('criteria.saveCategory');
  const saveField = useMutate('criteria.saveField');
  const deleteCategory = useMutate('criteria.deleteCategory');
  const deleteField = useMutate('criteria.deleteField');
  const categories = data?.categories ?? [];
  const close = () => setDialog(null);

  const moveCategory = (c: CriteriaCategory, by: number) =>
    saveCategory.mutate({ id: c.id, cardType, name: c.name, position: c.position + by });
  const moveField = (f: CriteriaField, by: number) =>
    saveField.mutate({
      id: f.id,
      categoryId: f.categoryId,
      name: f.name,
      kind: f.kind,
      options: f.options,
      position: f.position + by,
    });

  return (
    <Stack gap="md">
      {canEdit && (
        <Group>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'category' })}>
            {t('criteria.category.add')}
          </Button>
        </Group>
      )}
      {data && categories.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('criteria.category.none')}
        </Text>
      )}
      {categories.map((category, index) => (
        <Paper key={category.id} withBorder p="md" data-testid="criteria-admin-category">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{category.name}</Title>
            {canEdit && (
              <Group gap={4}>
                <Mover
                  first={index === 0}
                  last={index === categories.length - 1}
                  onMove={(by) => moveCategory(category, by)}
                />
                <Tooltip label={t('criteria.category.rename')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('criteria.category.rename')}
                    onClick={() => setDialog({ kind: 'category', category })}
                  >
                    <IconEdit size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('criteria.category.delete')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('criteria.category.delete')}
                    onClick={() => setDialog({ kind: 'deleteCategory', category })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
          {category.fields.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('criteria.category.empty')}
            </Text>
          ) : (
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">{t('criteria.field.name')}</Table.Th>
                  <Table.Th w="14%">{t('criteria.field.kind')}</Table.Th>
                  <Table.Th>{t('criteria.field.options')}</Table.Th>
                  <Table.Th w="12%" />
                  {canEdit && <Table.Th w={150} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {category.fields.map((field, i) => (
                  <Table.Tr key={field.id} data-testid="criteria-admin-field">
                    <Table.Td fw={500}>{field.name}</Table.Td>
                    <Table.Td>{t(`criteria.kinds.${field.kind}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {field.options.map((o) => (
                          <Badge key={o} variant="light" color="gray" tt="none">
                            {o}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {field.cardCount ? t('criteria.field.inUse', { count: field.cardCount }) : ''}
                      </Text>
                    </Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Mover
                            first={i === 0}
                            last={i === category.fields.length - 1}
                            onMove={(by) => moveField(field, by)}
                          />
                          <Tooltip label={t('criteria.field.edit')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('criteria.field.edit')}
                              onClick={() => setDialog({ kind: 'field', category, field })}
                            >
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('criteria.field.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('criteria.field.delete')}
                              onClick={() => setDialog({ kind: 'deleteField', field })}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canEdit && (
            <Button
              mt="sm"
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setDialog({ kind: 'field', category })}
            >
              {t('criteria.field.add')}
            </Button>
          )}
        </Paper>
      ))}

      <CategoryDialog
        opened={dialog?.kind === 'category'}
        cardType={cardType}
        category={dialog?.kind === 'category' ? dialog.category : undefined}
        onClose={close}
      />
      {dialog?.kind === 'field' && (
        <FieldDialog opened categories={categories} category={dialog.category} field={dialog.field} onClose={close} />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'deleteCategory'}
        title={t('criteria.category.delete')}
        message={
          dialog?.kind === 'deleteCategory'
            ? t('criteria.category.deleteConfirm', {
                name: dialog.category.name,
                count: dialog.category.fields.length,
              })
            : ''
        }
        loading={deleteCategory.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === 'deleteCategory' && deleteCategory.mutate({ id: dialog.category.id }, { onSuccess: close })
        }
      />
      <ConfirmDialog
        opened={dialog?.kind === 'deleteField'}
        title={t('criteria.field.delete')}
        message={
          dialog?.kind === 'deleteField'
            ? dialog.field.cardCount
              ? t('criteria.field.deleteInUse', { name: dialog.field.name, count: dialog.field.cardCount })
              : t('criteria.field.deleteConfirm', { name: dialog.field.name })
            : ''
        }
        loading={deleteField.isPending}
        onClose={close}
        onConfirm={() =>
          dialog?.kind === 'deleteField' && deleteField.mutate({ id: dialog.field.id }, { onSuccess: close })
        }
      />
    </Stack>
  );
}

function Mover({ first, last, onMove }: { first: boolean; last: boolean; onMove: (by: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip label={t('criteria.category.up')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('criteria.category.up')}
          disabled={first}
          onClick={() => onMove(-1)}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('criteria.category.down')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('criteria.category.down')}
          disabled={last}
          onClick={() => onMove(1)}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}

import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriteriaCategory } from '../../../src-shared/contract/criteria';
import { useCall } from '../../app/contract-hooks';
import { formatCriterion, type ShownValue } from './format-value';
import { CriteriaForm } from './CriteriaForm';
import { useMe } from './use-me';

/** The card's values of the user-defined criteria, by category. */
export function CriteriaPanel({
  cardId,
  cardType,
  readOnly,
}: {
  cardId: string;
  cardType: CardType;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { isAdmin } = useMe();
  const [editing, setEditing] = useState(false);
  const definitions = useCall('criteria.listDefinitions', { cardType });
  const values = useCall('criteria.getValues', { cardId });
  if (!definitions.data || !values.data) return null;
  const categories = definitions.data.categories.filter((c) => c.fields.length > 0);

  return (
    <Paper withBorder p="md" data-testid="criteria-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('criteria.title')}</Title>
        {!readOnly && !editing && categories.length > 0 && (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconEdit size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {categories.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('criteria.panel.noDefinitions')}{' '}
          {isAdmin ? (
            <Anchor component={Link} to={`/settings/criteria?tab=${cardType}`} size="sm">
              {t('criteria.panel.define')}
            </Anchor>
          ) : (
            t('criteria.panel.askAdmin')
          )}
        </Text>
      ) : editing ? (
        <CriteriaForm
          cardId={cardId}
          categories={categories}
          values={values.data.values}
          onDone={() => setEditing(false)}
        />
      ) : (
        <CriteriaView categories={categories} values={values.data.values} />
      )}
    </Paper>
  );
}

function CriteriaView({ categories, values }: { categories: CriteriaCategory[]; values: Record<string, ShownValue> }) {
  const { t, i18n } = useTranslation();
  const shown = categories
    .map((c) => ({ ...c, fields: c.fields.filter((f) => values[f.id] !== undefined) }))
    .filter((c) => c.fields.length > 0);
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('criteria.panel.empty')}
      </Text>
    );
  }
  return (
    // Categories side by side: the panel has a tab of its own, as wide as the card.
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg" verticalSpacing="md">
      {shown.map((category) => (
        <div key={category.id} data-testid="criteria-category">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {category.name}
          </Text>
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              {category.fields.map((field) => {
                const value = values[field.id]!;
                return (
                  <Table.Tr key={field.id}>
                    <Table.Td c="dimmed" w="40%" fz="sm">
                      {field.name}
                    </Table.Td>
                    <Table.Td fz="sm" data-testid="criterion-value">
                      {Array.isArray(value) ? (
                        <Group gap={4}>
                          {value.map((v) => (
                            <Badge key={v} variant="light" size="sm" tt="none">
                              {v}
                            </Badge>
                          ))}
                        </Group>
                      ) : (
                        formatCriterion(field, value, t, i18n.language)
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ))}
    </SimpleGrid>
  );
}

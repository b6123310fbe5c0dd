import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RELATION_KINDS, type Institution, type RelationKind } from '../../../src-shared/contract/cards';
import { useMutate } from '../../app/contract-hooks';
import { CardPicker } from './CardPicker';

/** Institution ↔ institution relations, labelled from this institution's side. */
export function RelationsPanel({ institution, readOnly }: { institution: Institution; readOnly: boolean }) {
  const { t } = useTranslation();
  const unrelate = useMutate('cards.unrelate');
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('cards.sections.relations')}</Title>
        {!readOnly && !adding && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            {t('cards.relation.add')}
          </Button>
        )}
      </Group>
      {adding && <RelateForm fromId={institution.id} onDone={() => setAdding(false)} />}
      {institution.relations.length === 0 && !adding ? (
        <Text c="dimmed" size="sm">
          {t('cards.relation.none')}
        </Text>
      ) : (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {institution.relations.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td c="dimmed" w={200}>
                  {t(`cards.relations.${r.kind}.${r.direction}`)}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/institutions/${r.otherId}`}>
                    {r.otherTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td w={40}>
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('common.remove')}
                      onClick={() => unrelate.mutate({ id: r.id })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function RelateForm({ fromId, onDone }: { fromId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const relate = useMutate('cards.relate');
  const [kind, setKind] = useState<RelationKind>('group_company');
  const [toId, setToId] = useState<string | null>(null);
  const save = async () => {
    if (!toId) return;
    await relate.mutateAsync({ fromId, toId, kind });
    onDone();
  };
  return (
    <Stack gap="xs" mb="md" p="sm" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
      <Group grow align="flex-start">
        <Select
          label={t('cards.relation.kind')}
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as RelationKind)}
          data={RELATION_KINDS.map((k) => ({ value: k, label: t(`cards.relationKinds.${k}`) }))}
        />
        <CardPicker
          type="institution"
          label={t('cards.relation.other')}
          placeholder={t('cards.link.searchInstitution')}
          value={toId}
          onChange={setToId}
          excludeId={fromId}
        />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={!toId}
          loading={relate.isPending}
          onClick={() => void save().catch(() => undefined)}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

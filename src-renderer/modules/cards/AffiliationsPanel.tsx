import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconEdit, IconLink, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../src-shared/contract/cards';
import { useMutate } from '../../app/contract-hooks';
import { CardPicker } from './CardPicker';
import { formatIsoDate } from '../../ui/format';
import { DateField } from '../../ui/DateField';

type Affiliation = Person['affiliations'][number];

/** "1 Mar 2019 – 30 Haz 2023", "1 Mar 2019 –" or nothing. */
function datesText(a: Affiliation, language: string): string {
  if (!a.startDate && !a.endDate) return '';
  const from = a.startDate ? formatIsoDate(a.startDate, language) : '';
  const until = a.endDate ? formatIsoDate(a.endDate, language) : '';
  return `${from} – ${until}`.trim();
}

/**
 * Person ↔ institution links, each with its own role. Seen from a person it
 * lists institutions; from an institution it lists people.
 */
export function AffiliationsPanel(props: {
  side: 'person' | 'institution';
  cardId: string;
  affiliations: Affiliation[];
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const unlink = useMutate('cards.unlink');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Affiliation | null>(null);
  const otherIsInstitution = props.side === 'person';

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{otherIsInstitution ? t('cards.sections.affiliations') : t('cards.sections.people')}</Title>
        {!props.readOnly && !adding && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconLink size={14} />}
            onClick={() => setAdding(true)}
          >
            {otherIsInstitution ? t('cards.link.add') : t('cards.link.addPerson')}
          </Button>
        )}
      </Group>
      {adding && <LinkForm side={props.side} cardId={props.cardId} onDone={() => setAdding(false)} />}
      {editing && (
        <LinkForm
          key={editing.id}
          side={props.side}
          cardId={props.cardId}
          existing={editing}
          onDone={() => setEditing(null)}
        />
      )}
      {props.affiliations.length === 0 && !adding ? (
        <Text c="dimmed" size="sm">
          {otherIsInstitution ? t('cards.link.none') : t('cards.link.nonePeople')}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="affiliations">
          <Table.Tbody>
            {props.affiliations.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={otherIsInstitution ? `/institutions/${a.institutionId}` : `/persons/${a.personId}`}
                  >
                    {otherIsInstitution ? a.institutionTitle : a.personName}
                  </Anchor>
                  {a.isPrimary && (
                    <Badge ml="xs" size="xs" variant="light">
                      {t('common.primary')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.role ?? ''}</Table.Td>
                <Table.Td c="dimmed">
                  {[a.department, datesText(a, i18n.language)].filter(Boolean).join(' · ')}
                </Table.Td>
                <Table.Td w={76}>
                  {!props.readOnly && (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('cards.link.edit')}
                        title={t('cards.link.edit')}
                        onClick={() => setEditing(a)}
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('cards.link.remove')}
                        title={t('cards.link.remove')}
                        onClick={() => unlink.mutate({ id: a.id })}
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
      )}
    </Paper>
  );
}

/** Adds a link (choosing the other card) or edits an existing one's role, department and primary flag. */
function LinkForm(props: {
  side: 'person' | 'institution';
  cardId: string;
  existing?: Affiliation;
  onDone: () => void;
}) {
  const { side, cardId, existing, onDone } = props;
  const { t } = useTranslation();
  const link = useMutate('cards.link');
  const updateLink = useMutate('cards.updateLink');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [role, setRole] = useState(existing?.role ?? '');
  const [department, setDepartment] = useState(existing?.department ?? '');
  const [isPrimary, setPrimary] = useState(existing?.isPrimary ?? false);
  const [startDate, setStartDate] = useState(existing?.startDate ?? '');
  const [endDate, setEndDate] = useState(existing?.endDate ?? '');
  const save = async () => {
    if (existing) {
      await updateLink.mutateAsync({ id: existing.id, role, department, startDate, endDate, isPrimary });
    } else {
      if (!otherId) return;
      const pair =
        side === 'person' ? { personId: cardId, institutionId: otherId } : { personId: otherId, institutionId: cardId };
      await link.mutateAsync({ ...pair, role, department, startDate, endDate, isPrimary });
    }
    onDone();
  };
  return (
    <Stack gap="xs" mb="md" p="sm" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
      {existing ? (
        <Text fw={500} size="sm">
          {side === 'person' ? existing.institutionTitle : existing.personName}
        </Text>
      ) : (
        <CardPicker
          type={side === 'person' ? 'institution' : 'person'}
          label={side === 'person' ? t('cards.link.institution') : t('cards.link.person')}
          placeholder={side === 'person' ? t('cards.link.searchInstitution') : t('cards.link.searchPerson')}
          value={otherId}
          onChange={setOtherId}
        />
      )}
      <Group grow>
        <TextInput
          label={t('cards.link.role')}
          placeholder={t('cards.link.roleHint')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
        />
        <TextInput
          label={t('cards.link.department')}
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
        />
      </Group>
      <Group grow>
        <DateField label={t('cards.link.startDate')} value={startDate} onChange={setStartDate} />
        <DateField label={t('cards.link.endDate')} value={endDate} onChange={setEndDate} />
      </Group>
      <Checkbox
        label={t('cards.link.primary')}
        checked={isPrimary}
        onChange={(e) => setPrimary(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={!existing && !otherId}
          loading={link.isPending || updateLink.isPending}
          onClick={() => void save().catch(() => undefined)}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

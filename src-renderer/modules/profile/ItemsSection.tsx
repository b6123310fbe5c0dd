import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileItem, ProfileList } from '../../../src-shared/contract/profile';
import { useMutate } from '../../app/contract-hooks';
import { formatIsoDate } from '../../ui/format';
import { ProfileItemForm } from './ProfileItemForm';
import { ProfileSection, RowActions, useEditing } from './section-parts';

/** "1 Eyl 2015 – devam ediyor", "1 Eyl 2015 – 30 Haz 2020" or nothing. */
function spanText(item: ProfileItem, language: string, ongoing: string): string {
  if (!item.startDate && !item.endDate) return '';
  const from = item.startDate ? formatIsoDate(item.startDate, language) : '';
  const until = item.endDate ? formatIsoDate(item.endDate, language) : ongoing;
  return `${from} – ${until}`;
}

/** One of the simple lists (hobbies, memberships, schools, languages): rows, add, edit, remove. */
export function ItemsSection(props: { personId: string; list: ProfileList; items: ProfileItem[]; readOnly: boolean }) {
  const { personId, list, items, readOnly } = props;
  const { t, i18n } = useTranslation();
  const remove = useMutate('profile.removeItem');
  const { editing, setEditing, close } = useEditing();
  const existing = editing && editing !== 'new' ? items.find((i) => i.id === editing) : undefined;

  return (
    <ProfileSection
      title={t(`profile.lists.${list}`)}
      count={items.length}
      emptyText={t(`profile.empty.${list}`)}
      addLabel={t(`profile.add.${list}`)}
      readOnly={readOnly}
      formOpen={editing !== null}
      onAdd={() => setEditing('new')}
      testId={`profile-${list}`}
    >
      {editing && <ProfileItemForm key={editing} personId={personId} list={list} existing={existing} onDone={close} />}
      {items.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.name}</Table.Td>
                {list === 'association' && (
                  <>
                    <Table.Td>{item.detail ?? ''}</Table.Td>
                    <Table.Td c="dimmed">{spanText(item, i18n.language, t('profile.ongoing'))}</Table.Td>
                  </>
                )}
                {list === 'school' && (
                  <>
                    <Table.Td>{item.detail ?? ''}</Table.Td>
                    <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {item.year ? t('profile.graduated', { year: item.year }) : ''}
                    </Table.Td>
                  </>
                )}
                {list === 'language' && (
                  <Table.Td>
                    {item.detail ? (
                      <Badge variant="light" tt="none" color={item.detail === 'native' ? 'teal' : 'blue'}>
                        {t(`profile.levels.${item.detail}`, { defaultValue: item.detail })}
                      </Badge>
                    ) : (
                      <Text c="dimmed" size="sm">
                        {t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td w={76}>
                  <RowActions
                    readOnly={readOnly}
                    what={item.name}
                    onEdit={() => setEditing(item.id)}
                    onRemove={() => remove.mutate({ id: item.id })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ProfileSection>
  );
}

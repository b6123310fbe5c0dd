import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Measurement } from '../../../src-shared/contract/profile';
import { useMutate } from '../../app/contract-hooks';
import { formatIsoDate } from '../../ui/format';
import { MeasurementForm } from './MeasurementForm';
import { ProfileSection, RowActions, useEditing } from './section-parts';

const SIZE_COLUMNS = ['shirtSize', 'trouserSize', 'jacketSize', 'shoeSize'] as const;

/** Body measurements (for uniform and workwear sizes) as a small table, newest first. */
export function MeasurementsSection(props: { personId: string; measurements: Measurement[]; readOnly: boolean }) {
  const { personId, measurements, readOnly } = props;
  const { t, i18n } = useTranslation();
  const remove = useMutate('profile.removeMeasurement');
  const { editing, setEditing, close } = useEditing();
  const existing = editing && editing !== 'new' ? measurements.find((m) => m.id === editing) : undefined;
  const number = (n: number | null) => (n === null ? '' : new Intl.NumberFormat(i18n.language).format(n));

  return (
    <ProfileSection
      title={t('profile.lists.measurement')}
      count={measurements.length}
      emptyText={t('profile.empty.measurement')}
      addLabel={t('profile.add.measurement')}
      readOnly={readOnly}
      formOpen={editing !== null}
      onAdd={() => setEditing('new')}
      testId="profile-measurement"
    >
      {editing && <MeasurementForm key={editing} personId={personId} existing={existing} onDone={close} />}
      {measurements.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('profile.fields.measuredOn')}</Table.Th>
                <Table.Th ta="right">{t('profile.fields.heightCm')}</Table.Th>
                <Table.Th ta="right">{t('profile.fields.weightKg')}</Table.Th>
                {SIZE_COLUMNS.map((c) => (
                  <Table.Th key={c}>{t(`profile.fields.${c}`)}</Table.Th>
                ))}
                <Table.Th>{t('profile.fields.note')}</Table.Th>
                <Table.Th w={76} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {measurements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(m.measuredOn, i18n.language)}</Table.Td>
                  <Table.Td ta="right">{number(m.heightCm)}</Table.Td>
                  <Table.Td ta="right">{number(m.weightKg)}</Table.Td>
                  {SIZE_COLUMNS.map((c) => (
                    <Table.Td key={c}>{m[c] ?? ''}</Table.Td>
                  ))}
                  <Table.Td c="dimmed">{m.note ?? ''}</Table.Td>
                  <Table.Td>
                    <RowActions
                      readOnly={readOnly}
                      what={formatIsoDate(m.measuredOn, i18n.language)}
                      onEdit={() => setEditing(m.id)}
                      onRemove={() => remove.mutate({ id: m.id })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ProfileSection>
  );
}

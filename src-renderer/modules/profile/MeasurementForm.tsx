import { Group, NumberInput, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { measurementFields, type Measurement, type MeasurementFields } from '../../../src-shared/contract/profile';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { useMutate } from '../../app/contract-hooks';
import { DateField } from '../../ui/DateField';
import { showServerFieldErrors } from '../cards/server-errors';
import { InlineForm } from './section-parts';

const SIZES = ['shirtSize', 'trouserSize', 'jacketSize', 'shoeSize'] as const;
const SIZE_HINTS: Record<(typeof SIZES)[number], string> = {
  shirtSize: 'M',
  trouserSize: '52',
  jacketSize: '50',
  shoeSize: '42',
};

const toForm = (m?: Measurement): MeasurementFields => ({
  measuredOn: m?.measuredOn ?? todayInIstanbul(new Date()),
  heightCm: m?.heightCm ?? undefined,
  weightKg: m?.weightKg ?? undefined,
  shirtSize: m?.shirtSize ?? '',
  trouserSize: m?.trouserSize ?? '',
  jacketSize: m?.jacketSize ?? '',
  shoeSize: m?.shoeSize ?? '',
  note: m?.note ?? '',
});

/** Adds a dated measurement (today by default) or corrects one (`existing`). */
export function MeasurementForm(props: { personId: string; existing?: Measurement | undefined; onDone: () => void }) {
  const { personId, existing, onDone } = props;
  const { t } = useTranslation();
  const add = useMutate('profile.addMeasurement');
  const update = useMutate('profile.updateMeasurement');
  const form = useForm<MeasurementFields, unknown, z.output<typeof measurementFields>>({
    resolver: zodResolver(measurementFields),
    defaultValues: toForm(existing),
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      if (existing) await update.mutateAsync({ ...values, id: existing.id });
      else await add.mutateAsync({ ...values, personId });
      onDone();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });

  const numberField = (name: 'heightCm' | 'weightKg') => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={t(`profile.fields.${name}`)}
          value={field.value ?? ''}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          error={errors[name]?.message}
        />
      )}
    />
  );

  return (
    <InlineForm
      onSubmit={(e) => void submit(e)}
      onCancel={onDone}
      submitting={add.isPending || update.isPending}
      testId="profile-form-measurement"
    >
      <Group grow align="flex-start">
        <Controller
          control={form.control}
          name="measuredOn"
          render={({ field }) => (
            <DateField
              label={t('profile.fields.measuredOn')}
              value={field.value}
              onChange={field.onChange}
              maxDate={todayInIstanbul(new Date())}
              error={errors.measuredOn?.message}
            />
          )}
        />
        {numberField('heightCm')}
        {numberField('weightKg')}
      </Group>
      <Group grow align="flex-start">
        {SIZES.map((size) => (
          <TextInput
            key={size}
            label={t(`profile.fields.${size}`)}
            placeholder={SIZE_HINTS[size]}
            {...form.register(size)}
            error={errors[size]?.message}
          />
        ))}
      </Group>
      <TextInput label={t('profile.fields.note')} {...form.register('note')} error={errors.note?.message} />
    </InlineForm>
  );
}

import { Autocomplete, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../src-shared/contract';
import {
  associationFields,
  hobbyFields,
  LANGUAGE_LEVELS,
  languageFields,
  schoolFields,
  type ProfileItem,
  type ProfileList,
} from '../../../src-shared/contract/profile';
import { useMutate } from '../../app/contract-hooks';
import { DateField } from '../../ui/DateField';
import { showServerFieldErrors } from '../cards/server-errors';
import { InlineForm } from './section-parts';

/** The languages an office most often writes down; any other can be typed. */
const COMMON_LANGUAGES = [
  'İngilizce',
  'Almanca',
  'Fransızca',
  'Arapça',
  'Rusça',
  'İspanyolca',
  'İtalyanca',
  'Farsça',
  'Japonca',
  'Çince',
  'Türkçe',
];

const SCHEMAS = { hobby: hobbyFields, association: associationFields, school: schoolFields, language: languageFields };

/** What the form holds for any list; each list shows (and its schema keeps) only its own fields. */
interface ItemForm {
  name: string;
  detail?: string | undefined;
  year?: number | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

const toForm = (list: ProfileList, item?: ProfileItem): ItemForm => ({
  name: item?.name ?? '',
  // A language's level is a choice from a vocabulary, where "" would be no choice at all.
  detail: item?.detail ?? (list === 'language' ? undefined : ''),
  year: item?.year ?? undefined,
  startDate: item?.startDate ?? '',
  endDate: item?.endDate ?? '',
});

/** Adds an item to one of the simple lists, or changes one (`existing`). */
export function ProfileItemForm(props: {
  personId: string;
  list: ProfileList;
  existing?: ProfileItem | undefined;
  onDone: () => void;
}) {
  const { personId, list, existing, onDone } = props;
  const { t } = useTranslation();
  const add = useMutate('profile.addItem');
  const update = useMutate('profile.updateItem');
  const form = useForm<ItemForm>({
    // The list's own contract schema: the same messages as main would give.
    resolver: zodResolver(SCHEMAS[list]) as unknown as Resolver<ItemForm>,
    defaultValues: toForm(list, existing),
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    try {
      if (existing) await update.mutateAsync({ ...values, list, id: existing.id } as CallInput<'profile.updateItem'>);
      else await add.mutateAsync({ ...values, list, personId } as CallInput<'profile.addItem'>);
      onDone();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });

  const name = (label: string, hint?: string) => (
    <TextInput
      label={label}
      placeholder={hint}
      withAsterisk
      data-autofocus
      {...form.register('name')}
      error={errors.name?.message}
    />
  );

  return (
    <InlineForm
      onSubmit={(e) => void submit(e)}
      onCancel={onDone}
      submitting={add.isPending || update.isPending}
      testId={`profile-form-${list}`}
    >
      {list === 'hobby' && name(t('profile.fields.hobby'), t('profile.fields.hobbyHint'))}
      {list === 'association' && (
        <>
          <Group grow align="flex-start">
            {name(t('profile.fields.association'), t('profile.fields.associationHint'))}
            <TextInput
              label={t('profile.fields.role')}
              placeholder={t('profile.fields.roleHint')}
              {...form.register('detail')}
              error={errors.detail?.message}
            />
          </Group>
          <Group grow align="flex-start">
            {(['startDate', 'endDate'] as const).map((field) => (
              <Controller
                key={field}
                control={form.control}
                name={field}
                render={({ field: f }) => (
                  <DateField
                    label={t(`profile.fields.${field}`)}
                    value={f.value}
                    onChange={f.onChange}
                    error={errors[field]?.message}
                  />
                )}
              />
            ))}
          </Group>
        </>
      )}
      {list === 'school' && (
        <Group grow align="flex-start">
          {name(t('profile.fields.school'), t('profile.fields.schoolHint'))}
          <TextInput
            label={t('profile.fields.department')}
            {...form.register('detail')}
            error={errors.detail?.message}
          />
          <Controller
            control={form.control}
            name="year"
            render={({ field }) => (
              <NumberInput
                label={t('profile.fields.year')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator={false}
                hideControls
                maw={140}
                error={errors.year?.message}
              />
            )}
          />
        </Group>
      )}
      {list === 'language' && (
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="name"
            render={({ field }) => (
              <Autocomplete
                label={t('profile.fields.language')}
                withAsterisk
                data-autofocus
                data={COMMON_LANGUAGES}
                value={field.value}
                onChange={field.onChange}
                error={errors.name?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="detail"
            render={({ field }) => (
              <Select
                label={t('profile.fields.level')}
                placeholder={t('profile.fields.levelHint')}
                clearable
                data={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`profile.levels.${l}`) }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={errors.detail?.message}
              />
            )}
          />
        </Group>
      )}
    </InlineForm>
  );
}

import { useState } from 'react';
import { Autocomplete, Divider, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { GENDERS, personFields, type Person, type PersonFields } from '../../../src-shared/contract/cards';
import { useMutate } from '../../app/contract-hooks';
import { ContactFields, type ContactsForm } from './ContactFields';
import { contactsToForm } from './contacts-form';
import { DateField } from '../../ui/DateField';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { CardFormModal, FormActions, useCardSubmit } from './card-form-parts';
import { OwnerSelect } from '../criteria/OwnerSelect';

const HONORIFICS = ['Sayın', 'Dr.', 'Prof. Dr.', 'Doç. Dr.', 'Av.', 'Mimar', 'Mühendis', 'Mr.', 'Ms.'];

function toForm(person?: Person): PersonFields {
  if (!person)
    return {
      firstName: '',
      lastName: '',
      honorific: '',
      birthDate: '',
      tckn: '',
      source: '',
      notes: '',
      phones: [{ kind: 'mobile', number: '' }],
      emails: [],
      addresses: [],
      ibans: [],
    };
  return {
    honorific: person.honorific ?? '',
    firstName: person.firstName,
    lastName: person.lastName,
    gender: person.gender ?? undefined,
    birthDate: person.birthDate ?? '',
    tckn: person.tckn ?? '',
    source: person.source ?? '',
    notes: person.notes ?? '',
    ownerId: person.ownerId,
    ...contactsToForm(person),
  };
}

export function PersonFormModal(props: {
  opened: boolean;
  onClose: () => void;
  person?: Person;
  onSaved?: (p: Person) => void;
}) {
  const { t } = useTranslation();
  return (
    <CardFormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.person ? t('cards.editPerson') : t('cards.newPerson')}
    >
      <PersonForm {...props} />
    </CardFormModal>
  );
}

function PersonForm({
  person,
  onClose,
  onSaved,
}: {
  person?: Person;
  onClose: () => void;
  onSaved?: (p: Person) => void;
}) {
  const { t } = useTranslation();
  const create = useMutate('cards.createPerson');
  const update = useMutate('cards.updatePerson');
  // The version the person started editing from, even if the card refreshes meanwhile.
  const [openedAt] = useState(person?.updatedAt);
  const form = useForm<PersonFields, unknown, z.output<typeof personFields>>({
    resolver: zodResolver(personFields),
    defaultValues: toForm(person),
  });

  const submit = useCardSubmit(
    form,
    (values) =>
      person
        ? update.mutateAsync({ ...values, id: person.id, expectedUpdatedAt: openedAt })
        : create.mutateAsync(values),
    { onClose, onSaved },
  );

  const errors = form.formState.errors;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="honorific"
            render={({ field }) => (
              <Autocomplete
                label={t('cards.fields.honorific')}
                placeholder={t('cards.fields.honorificHint')}
                data={HONORIFICS}
                value={field.value ?? ''}
                onChange={field.onChange}
                maw={180}
              />
            )}
          />
          <TextInput
            label={t('cards.fields.firstName')}
            withAsterisk
            data-autofocus
            {...form.register('firstName')}
            error={errors.firstName?.message}
          />
          <TextInput
            label={t('cards.fields.lastName')}
            withAsterisk
            {...form.register('lastName')}
            error={errors.lastName?.message}
          />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="gender"
            render={({ field }) => (
              <Select
                label={t('cards.fields.gender')}
                clearable
                data={GENDERS.map((g) => ({ value: g, label: t(`cards.genders.${g}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="birthDate"
            render={({ field }) => (
              <DateField
                label={t('cards.fields.birthDate')}
                value={field.value}
                onChange={field.onChange}
                error={errors.birthDate?.message}
                maxDate={todayInIstanbul(new Date())}
              />
            )}
          />
          <TextInput
            label={t('cards.fields.tckn')}
            inputMode="numeric"
            maxLength={11}
            autoComplete="off"
            {...form.register('tckn')}
            error={errors.tckn?.message}
          />
          <TextInput
            label={t('cards.fields.source')}
            placeholder={t('cards.fields.sourceHint')}
            {...form.register('source')}
          />
        </Group>
        <Controller
          control={form.control}
          name="ownerId"
          render={({ field }) => (
            <OwnerSelect value={field.value} onChange={field.onChange} error={errors.ownerId?.message} maw={360} />
          )}
        />
        <Divider label={t('cards.sections.contact')} labelPosition="left" />
        <ContactFields form={form as unknown as UseFormReturn<ContactsForm>} />
        <Textarea label={t('cards.fields.notes')} autosize minRows={2} maxRows={8} {...form.register('notes')} />
        <FormActions onCancel={onClose} submitting={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

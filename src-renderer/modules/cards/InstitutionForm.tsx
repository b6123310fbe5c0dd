import { useState } from 'react';
import { Divider, Group, MultiSelect, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  INSTITUTION_KINDS,
  institutionFields,
  type Institution,
  type InstitutionFields,
} from '../../../src-shared/contract/cards';
import { useMutate } from '../../app/contract-hooks';
import { ContactFields, type ContactsForm } from './ContactFields';
import { contactsToForm } from './contacts-form';
import { CardFormModal, FormActions, useCardSubmit } from './card-form-parts';
import { OwnerSelect } from '../criteria/OwnerSelect';

/** The first message about the domain list or any one domain in it. */
function domainError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message, ...items } = error as { message?: string; [index: string]: unknown };
  if (message) return message;
  const first = Object.values(items).find((v): v is { message: string } =>
    Boolean(v && typeof v === 'object' && 'message' in v),
  );
  return first?.message;
}

function toForm(institution?: Institution): InstitutionFields {
  if (!institution) {
    return {
      title: '',
      shortName: '',
      kinds: ['customer'],
      sector: '',
      taxOffice: '',
      vkn: '',
      tradeRegistryNo: '',
      website: '',
      emailDomains: [],
      source: '',
      notes: '',
      phones: [{ kind: 'work', number: '' }],
      emails: [],
      addresses: [],
      ibans: [],
    };
  }
  return {
    title: institution.title,
    shortName: institution.shortName ?? '',
    kinds: institution.kinds,
    sector: institution.sector ?? '',
    taxOffice: institution.taxOffice ?? '',
    vkn: institution.vkn ?? '',
    tradeRegistryNo: institution.tradeRegistryNo ?? '',
    website: institution.website ?? '',
    emailDomains: institution.emailDomains,
    source: institution.source ?? '',
    notes: institution.notes ?? '',
    ownerId: institution.ownerId,
    ...contactsToForm(institution),
  };
}

export function InstitutionFormModal(props: {
  opened: boolean;
  onClose: () => void;
  institution?: Institution;
  onSaved?: (i: Institution) => void;
}) {
  const { t } = useTranslation();
  return (
    <CardFormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.institution ? t('cards.editInstitution') : t('cards.newInstitution')}
    >
      <InstitutionForm {...props} />
    </CardFormModal>
  );
}

function InstitutionForm({
  institution,
  onClose,
  onSaved,
}: {
  institution?: Institution;
  onClose: () => void;
  onSaved?: (i: Institution) => void;
}) {
  const { t } = useTranslation();
  const create = useMutate('cards.createInstitution');
  const update = useMutate('cards.updateInstitution');
  // The version the person started editing from, even if the card refreshes meanwhile.
  const [openedAt] = useState(institution?.updatedAt);
  const form = useForm<InstitutionFields, unknown, z.output<typeof institutionFields>>({
    resolver: zodResolver(institutionFields),
    defaultValues: toForm(institution),
  });

  const submit = useCardSubmit(
    form,
    (values) =>
      institution
        ? update.mutateAsync({ ...values, id: institution.id, expectedUpdatedAt: openedAt })
        : create.mutateAsync(values),
    { onClose, onSaved },
  );

  const errors = form.formState.errors;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('cards.fields.title')}
          withAsterisk
          data-autofocus
          {...form.register('title')}
          error={errors.title?.message}
        />
        <Group grow align="flex-start">
          <TextInput label={t('cards.fields.shortName')} {...form.register('shortName')} />
          <TextInput label={t('cards.fields.sector')} {...form.register('sector')} />
          <TextInput label={t('cards.fields.website')} placeholder="www.firma.com.tr" {...form.register('website')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('cards.fields.taxOffice')} {...form.register('taxOffice')} />
          <TextInput
            label={t('cards.fields.vkn')}
            inputMode="numeric"
            maxLength={10}
            {...form.register('vkn')}
            error={errors.vkn?.message}
          />
          <TextInput label={t('cards.fields.tradeRegistryNo')} {...form.register('tradeRegistryNo')} />
          <TextInput
            label={t('cards.fields.source')}
            placeholder={t('cards.fields.sourceHint')}
            {...form.register('source')}
          />
        </Group>
        <Controller
          control={form.control}
          name="emailDomains"
          render={({ field }) => (
            <TagsInput
              label={t('cards.fields.emailDomains')}
              placeholder={t('cards.fields.emailDomainsHint')}
              value={field.value ?? []}
              onChange={field.onChange}
              error={domainError(errors.emailDomains)}
              splitChars={[',', ' ', ';']}
            />
          )}
        />
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="kinds"
            render={({ field }) => (
              <MultiSelect
                label={t('cards.fields.kinds')}
                data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`cards.kinds.${k}`) }))}
                value={field.value ?? []}
                onChange={field.onChange}
              />
            )}
          />
          <Controller
            control={form.control}
            name="ownerId"
            render={({ field }) => (
              <OwnerSelect value={field.value} onChange={field.onChange} error={errors.ownerId?.message} />
            )}
          />
        </Group>
        <Divider label={t('cards.sections.contact')} labelPosition="left" />
        <ContactFields form={form as unknown as UseFormReturn<ContactsForm>} />
        <Textarea label={t('cards.fields.notes')} autosize minRows={2} maxRows={8} {...form.register('notes')} />
        <FormActions onCancel={onClose} submitting={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

import { ActionIcon, Button, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, EMAIL_KINDS, PHONE_KINDS, type PersonFields } from '../../../src-shared/contract/cards';
import { districtsOf, provinceNames } from '../../../src-shared/domain/tr-places';
import { likelyPhoneKind } from '../../../src-shared/domain/phone';
import { foldedFilter } from '../../ui/folded-filter';

export type ContactsForm = Pick<PersonFields, 'phones' | 'emails' | 'addresses' | 'ibans'>;

const fieldError = (errors: unknown, path: string): string | undefined => {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
};

/** Unlimited phones, e-mails and addresses, edited together with the card. */
export function ContactFields({ form }: { form: UseFormReturn<ContactsForm> }) {
  const { t } = useTranslation();
  const { control, register, formState } = form;
  const phones = useFieldArray({ control, name: 'phones' });
  const emails = useFieldArray({ control, name: 'emails' });
  const addresses = useFieldArray({ control, name: 'addresses' });
  const ibans = useFieldArray({ control, name: 'ibans' });
  const emailValues = useWatch({ control, name: 'emails' }) ?? [];
  const primaryIndex = Math.max(
    0,
    emailValues.findIndex((e) => e?.isPrimary),
  );
  const errors = formState.errors;

  return (
    <Stack gap="md">
      <Section
        title={t('cards.sections.phones')}
        addLabel={t('cards.phone.add')}
        onAdd={() => phones.append({ kind: 'mobile', number: '' })}
      >
        {phones.fields.map((field, i) => (
          <Group key={field.id} gap="xs" align="flex-start" wrap="nowrap">
            <Controller
              control={control}
              name={`phones.${i}.kind`}
              render={({ field: f }) => (
                <Select
                  aria-label={t('cards.phone.number') + ' ' + (i + 1)}
                  w={110}
                  allowDeselect={false}
                  data={PHONE_KINDS.map((k) => ({ value: k, label: t(`cards.phoneKinds.${k}`) }))}
                  value={f.value ?? 'mobile'}
                  onChange={(v) => f.onChange(v)}
                />
              )}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder="0532 123 45 67"
              aria-label={t('cards.phone.number')}
              data-testid={`phone-${i}`}
              {...register(`phones.${i}.number`, {
                // New rows start as mobile; a Turkish landline cannot be one, so say "work".
                onBlur: (e: React.FocusEvent<HTMLInputElement>) => {
                  if (form.getValues(`phones.${i}.kind`) === 'mobile' && likelyPhoneKind(e.target.value) === 'work') {
                    form.setValue(`phones.${i}.kind`, 'work');
                  }
                },
              })}
              error={fieldError(errors, `phones.${i}.number`)}
            />
            <RemoveButton label={t('common.remove')} onClick={() => phones.remove(i)} />
          </Group>
        ))}
      </Section>

      <Section
        title={t('cards.sections.emails')}
        addLabel={t('cards.email.add')}
        onAdd={() => emails.append({ kind: 'work', address: '', isPrimary: emails.fields.length === 0 })}
      >
        {emails.fields.map((field, i) => (
          <Group key={field.id} gap="xs" align="flex-start" wrap="nowrap">
            <Controller
              control={control}
              name={`emails.${i}.kind`}
              render={({ field: f }) => (
                <Select
                  aria-label={t('cards.email.address') + ' ' + (i + 1)}
                  w={110}
                  allowDeselect={false}
                  data={EMAIL_KINDS.map((k) => ({ value: k, label: t(`cards.emailKinds.${k}`) }))}
                  value={f.value ?? 'work'}
                  onChange={(v) => f.onChange(v)}
                />
              )}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder="ad.soyad@firma.com.tr"
              aria-label={t('cards.email.address')}
              data-testid={`email-${i}`}
              {...register(`emails.${i}.address`)}
              error={fieldError(errors, `emails.${i}.address`)}
            />
            <Radio
              mt={8}
              label={t('cards.email.primary')}
              checked={primaryIndex === i}
              onChange={() => emailValues.forEach((_, j) => form.setValue(`emails.${j}.isPrimary`, j === i))}
            />
            <RemoveButton label={t('common.remove')} onClick={() => emails.remove(i)} />
          </Group>
        ))}
      </Section>

      <Section
        title={t('cards.sections.addresses')}
        addLabel={t('cards.address.add')}
        onAdd={() => addresses.append({ kind: 'work', country: 'Türkiye' })}
      >
        {addresses.fields.map((field, i) => (
          <Stack
            key={field.id}
            gap={6}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Controller
                control={control}
                name={`addresses.${i}.kind`}
                render={({ field: f }) => (
                  <Select
                    aria-label={t('cards.address.line') + ' ' + (i + 1)}
                    w={120}
                    allowDeselect={false}
                    data={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`cards.addressKinds.${k}`) }))}
                    value={f.value ?? 'work'}
                    onChange={(v) => f.onChange(v)}
                  />
                )}
              />
              <TextInput
                style={{ flex: 1 }}
                placeholder={t('cards.address.line')}
                aria-label={t('cards.address.line')}
                {...register(`addresses.${i}.line`)}
              />
              <RemoveButton label={t('common.remove')} onClick={() => addresses.remove(i)} />
            </Group>
            <AddressPlace form={form} index={i} />
          </Stack>
        ))}
      </Section>

      <Section
        title={t('cards.sections.ibans')}
        addLabel={t('cards.iban.add')}
        onAdd={() => ibans.append({ iban: '' })}
      >
        {ibans.fields.map((field, i) => (
          <Group key={field.id} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 2 }}
              placeholder="TR00 0000 0000 0000 0000 0000 00"
              aria-label={t('cards.iban.number')}
              data-testid={`iban-${i}`}
              {...register(`ibans.${i}.iban`)}
              error={fieldError(errors, `ibans.${i}.iban`)}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder={t('cards.iban.bankName')}
              aria-label={t('cards.iban.bankName')}
              {...register(`ibans.${i}.bankName`)}
            />
            <RemoveButton label={t('common.remove')} onClick={() => ibans.remove(i)} />
          </Group>
        ))}
      </Section>
    </Stack>
  );
}

/** The official names, with a stored name that is not one of them kept at the top so it still shows. */
const withCurrent = (names: readonly string[], current: string | undefined): string[] =>
  current && !names.includes(current) ? [current, ...names] : [...names];

/**
 * İl from the official 81, then one of that il's official ilçeler (cleared
 * when the il changes); both searchable with Turkish folding ("cankaya" finds
 * "Çankaya"). Street, neighbourhood and building go in the free-text line above.
 */
function AddressPlace({ form, index }: { form: UseFormReturn<ContactsForm>; index: number }) {
  const { t } = useTranslation();
  const province = useWatch({ control: form.control, name: `addresses.${index}.province` });
  return (
    <Group gap="xs" wrap="nowrap">
      <Controller
        control={form.control}
        name={`addresses.${index}.province`}
        render={({ field }) => (
          <Select
            placeholder={t('cards.address.province')}
            aria-label={t('cards.address.province')}
            data-testid={`address-${index}-province`}
            searchable
            clearable
            filter={foldedFilter}
            nothingFoundMessage={t('search.nothing')}
            w={170}
            data={withCurrent(provinceNames(), field.value)}
            value={field.value ?? null}
            onChange={(v) => {
              if ((v ?? undefined) === field.value) return;
              field.onChange(v ?? undefined);
              form.setValue(`addresses.${index}.district`, undefined);
            }}
          />
        )}
      />
      <Controller
        control={form.control}
        name={`addresses.${index}.district`}
        render={({ field }) => (
          <Select
            placeholder={t('cards.address.district')}
            aria-label={t('cards.address.district')}
            data-testid={`address-${index}-district`}
            searchable
            clearable
            filter={foldedFilter}
            nothingFoundMessage={t('search.nothing')}
            w={170}
            disabled={!province && !field.value}
            data={withCurrent(province ? districtsOf(province) : [], field.value)}
            value={field.value ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
          />
        )}
      />
      <TextInput
        w={110}
        placeholder={t('cards.address.postalCode')}
        aria-label={t('cards.address.postalCode')}
        {...form.register(`addresses.${index}.postalCode`)}
      />
      <TextInput
        style={{ flex: 1 }}
        placeholder={t('cards.address.country')}
        aria-label={t('cards.address.country')}
        {...form.register(`addresses.${index}.country`)}
      />
    </Group>
  );
}

function Section(props: { title: string; addLabel: string; onAdd: () => void; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {props.title}
        </Text>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      </Group>
      {props.children}
    </Stack>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" mt={4} aria-label={label} title={label} onClick={onClick}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

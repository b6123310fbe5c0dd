import { useEffect } from 'react';
import { Button, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SMS_PROVIDERS, smsAccountFields } from '../../../src-shared/contract/mailings';
import { useMutate } from '../../app/contract-hooks';
import { showServerFieldErrors } from '../cards/server-errors';

export interface SmsAccountValues {
  name: string;
  provider: (typeof SMS_PROVIDERS)[number];
  apiUrl: string;
  username: string;
  password?: string | undefined;
  sender: string;
  ratePerMinute: number;
  enabled: boolean;
}

/** An SMS provider account; on edit an empty password keeps the stored one (it is never sent back to the screen). */
export function SmsAccountForm(props: {
  id?: string | undefined;
  start: SmsAccountValues;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useMutate('sms.accounts.save');
  const form = useForm<SmsAccountValues>({
    defaultValues: props.start,
    resolver: zodResolver(smsAccountFields) as unknown as Resolver<SmsAccountValues>,
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const submit = form.handleSubmit(async (v) => {
    if (!props.id && !v.password) {
      form.setError('password', { message: t('mailings.sms.passwordRequired') });
      return;
    }
    const { password, ...rest } = v;
    try {
      await save.mutateAsync({
        ...(props.id ? { id: props.id } : {}),
        fields: { ...rest, ...(password ? { password } : {}) },
      });
      notifications.show({ color: 'green', message: t('mailings.sms.saved') });
      props.onSaved();
    } catch (error) {
      showServerFieldErrors(error, (path, e) =>
        form.setError(path.replace(/^fields\./, '') as keyof SmsAccountValues, e),
      );
    }
  });
  // An empty box means "keep the stored password": send nothing rather than an empty string.
  const passwordField = form.register('password', { setValueAs: (v: string) => (v ? v : undefined) });
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            data-autofocus
            label={t('mailings.sms.name')}
            withAsterisk
            maxLength={100}
            error={errors.name?.message}
            {...form.register('name')}
            data-testid="sms-name"
          />
          <Controller
            control={form.control}
            name="provider"
            render={({ field }) => (
              <Select
                label={t('mailings.sms.provider')}
                withAsterisk
                allowDeselect={false}
                data={SMS_PROVIDERS.map((p) => ({ value: p, label: t(`mailings.sms.providers.${p}`) }))}
                value={field.value}
                onChange={field.onChange}
                data-testid="sms-provider"
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('mailings.sms.apiUrl')}
          withAsterisk
          placeholder="https://api.netgsm.com.tr/sms/send/get"
          error={errors.apiUrl?.message}
          {...form.register('apiUrl')}
          data-testid="sms-api-url"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('mailings.sms.username')}
            withAsterisk
            autoComplete="off"
            error={errors.username?.message}
            {...form.register('username')}
            data-testid="sms-username"
          />
          <PasswordInput
            label={t('mailings.sms.password')}
            withAsterisk={!props.id}
            autoComplete="new-password"
            description={props.id ? t('mailings.sms.passwordKeep') : undefined}
            error={errors.password?.message}
            {...passwordField}
            data-testid="sms-password"
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('mailings.sms.sender')}
            description={t('mailings.sms.senderHint')}
            withAsterisk
            maxLength={11}
            error={errors.sender?.message}
            {...form.register('sender')}
            data-testid="sms-sender"
          />
          <Controller
            control={form.control}
            name="ratePerMinute"
            render={({ field }) => (
              <NumberInput
                label={t('mailings.sms.rate')}
                min={1}
                max={600}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v) || 1)}
                error={errors.ratePerMinute?.message}
                description=" "
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="enabled"
          render={({ field }) => (
            <Switch
              label={t('mailings.sms.enabled')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
              data-testid="sms-enabled"
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="sms-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { useEffect, useState, type FocusEvent } from 'react';
import {
  Button,
  Divider,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError, type CallOutput } from '../../../src-shared/contract';
import { MAIL_SECURITY, type MailAccountOut, type MailSecurity } from '../../../src-shared/contract/mail';
import { useMutate } from '../../app/contract-hooks';
import { GuardedEditorModal, type EditorGuard } from '../../ui/GuardedEditorModal';
import {
  accountDefaults,
  accountFormSchema,
  newAccountDefaults,
  portAfterSecurityChange,
  type AccountFormInput,
  type AccountFormOutput,
} from './account-form';
import { ConnectionResult } from './ConnectionResult';

/** Adding or changing a mail account (admins): servers, security, login, folders; tried before it is saved. */
export function MailAccountFormModal(props: { account: MailAccountOut | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    // Typed settings (a password among them) survive a stray click outside or Esc: closing asks first.
    <GuardedEditorModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.account ? t('mail.accounts.editTitle', { name: props.account.name }) : t('mail.accounts.newTitle')}
      size={780}
      testId="mail-account-modal"
      waiting={false}
      unsaved={{
        title: t('mail.accounts.unsavedTitle'),
        message: t('mail.accounts.unsavedMessage'),
        discard: t('mail.accounts.discard'),
      }}
    >
      {(guard) => props.opened && <AccountForm account={props.account} guard={guard} />}
    </GuardedEditorModal>
  );
}

function AccountForm({ account, guard }: { account: MailAccountOut | null; guard: EditorGuard }) {
  const { t } = useTranslation();
  const save = useMutate('mail.accounts.save');
  const test = useMutate('mail.accounts.test');
  const [result, setResult] = useState<CallOutput<'mail.accounts.test'> | null>(null);
  const form = useForm<AccountFormInput, unknown, AccountFormOutput>({
    resolver: zodResolver(accountFormSchema(!account)),
    defaultValues: account ? accountDefaults(account) : newAccountDefaults,
  });
  const errors = form.formState.errors;
  const { isDirty } = form.formState;
  const { onDirtyChange } = guard;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const err = (name: keyof AccountFormInput) => errors[name]?.message;

  // Main answers field errors under `fields.…` (the input is { id, fields }): put them under their inputs.
  const showServerErrors = (error: ContractError) => {
    for (const [path, message] of Object.entries(error.fields ?? {}))
      form.setError(path.replace(/^fields\./, '') as Path<AccountFormInput>, { message });
  };

  const submit = form.handleSubmit((fields) =>
    save.mutate(
      { ...(account ? { id: account.id } : {}), fields },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('mail.accounts.saved', { name: saved.name }) });
          guard.closeSaved();
        },
        onError: (error) => error instanceof ContractError && showServerErrors(error),
      },
    ),
  );
  const tryIt = form.handleSubmit((fields) => {
    setResult(null);
    test.mutate(
      { ...(account ? { id: account.id } : {}), fields },
      {
        onSuccess: setResult,
        onError: (error) => error instanceof ContractError && showServerErrors(error),
      },
    );
  });

  const securityData = MAIL_SECURITY.map((s) => ({ value: s, label: t(`mail.accounts.security.${s}`) }));
  const securitySelect = (protocol: 'imap' | 'smtp') => {
    const field = `${protocol}Security` as const;
    const portField = `${protocol}Port` as const;
    return (
      <Controller
        control={form.control}
        name={field}
        render={({ field: f }) => (
          <Select
            label={t('mail.accounts.securityLabel')}
            data={securityData}
            allowDeselect={false}
            value={f.value ?? 'tls'}
            onChange={(value) => {
              if (!value) return;
              f.onChange(value);
              form.setValue(
                portField,
                portAfterSecurityChange(protocol, form.getValues(portField), value as MailSecurity),
              );
            }}
            data-testid={`${protocol}-security`}
          />
        )}
      />
    );
  };
  const numberField = (name: 'imapPort' | 'smtpPort' | 'syncWindowDays' | 'ratePerMinute', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field: f }) => (
        <NumberInput
          label={label}
          value={f.value ?? ''}
          onChange={(value) => f.onChange(typeof value === 'number' ? value : undefined)}
          onBlur={f.onBlur}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          error={err(name)}
        />
      )}
    />
  );

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="mail-account-form">
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('mail.accounts.name')}
            placeholder={t('mail.accounts.nameHint')}
            withAsterisk
            error={err('name')}
            {...form.register('name')}
          />
          <TextInput
            label={t('mail.accounts.emailAddress')}
            withAsterisk
            error={err('emailAddress')}
            {...form.register('emailAddress', {
              // The login is the address at most providers: offered, never overwritten.
              onBlur: (e: FocusEvent<HTMLInputElement>) => {
                if (!form.getValues('username')) form.setValue('username', e.target.value.trim());
              },
            })}
          />
          <TextInput
            label={t('mail.accounts.displayName')}
            placeholder={t('mail.accounts.displayNameHint')}
            error={err('displayName')}
            {...form.register('displayName')}
          />
        </SimpleGrid>

        <Divider label={t('mail.accounts.incoming')} labelPosition="left" />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('mail.accounts.host')}
            placeholder="imap.firma.com.tr"
            withAsterisk
            error={err('imapHost')}
            {...form.register('imapHost')}
            data-testid="imap-host"
          />
          {securitySelect('imap')}
          {numberField('imapPort', t('mail.accounts.port'))}
        </SimpleGrid>

        <Divider label={t('mail.accounts.outgoing')} labelPosition="left" />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('mail.accounts.host')}
            placeholder="smtp.firma.com.tr"
            withAsterisk
            error={err('smtpHost')}
            {...form.register('smtpHost')}
            data-testid="smtp-host"
          />
          {securitySelect('smtp')}
          {numberField('smtpPort', t('mail.accounts.port'))}
        </SimpleGrid>

        <Divider label={t('mail.accounts.login')} labelPosition="left" />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('mail.accounts.username')}
            withAsterisk
            error={err('username')}
            autoComplete="off"
            {...form.register('username')}
          />
          <PasswordInput
            label={t('mail.accounts.password')}
            withAsterisk={!account}
            placeholder={account ? t('mail.accounts.passwordKeep') : undefined}
            autoComplete="new-password"
            error={err('password')}
            {...form.register('password')}
          />
        </SimpleGrid>

        <Divider label={t('mail.accounts.folders')} labelPosition="left" />
        <SimpleGrid cols={4} spacing="sm">
          <TextInput
            label={t('mail.accounts.inboxFolder')}
            error={err('inboxFolder')}
            {...form.register('inboxFolder')}
          />
          <TextInput label={t('mail.accounts.sentFolder')} error={err('sentFolder')} {...form.register('sentFolder')} />
          {numberField('syncWindowDays', t('mail.accounts.syncWindowDays'))}
          {numberField('ratePerMinute', t('mail.accounts.ratePerMinute'))}
        </SimpleGrid>
        <Controller
          control={form.control}
          name="enabled"
          render={({ field: f }) => (
            <Switch
              label={t('mail.accounts.enabled')}
              description={t('mail.accounts.enabledHint')}
              checked={f.value ?? true}
              onChange={(e) => f.onChange(e.currentTarget.checked)}
            />
          )}
        />

        {result && <ConnectionResult result={result} />}
        <Group justify="space-between" mt="xs">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} />}
            loading={test.isPending}
            onClick={() => void tryIt()}
            data-testid="test-connection"
          >
            {t('mail.accounts.test')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-account">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { USER_ROLES, userFields, type User, type UserFields } from '../../../src-shared/contract/users';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { showServerFieldErrors } from '../cards/server-errors';

/** Adds a user (no `user`) or changes one. */
export function UserDialog(props: { opened: boolean; user?: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.user ? t('criteria.users.edit') : t('criteria.users.new')}
      closeOnClickOutside={false}
    >
      {props.opened && <UserFormBody user={props.user} onClose={props.onClose} />}
    </Modal>
  );
}

function UserFormBody({ user, onClose }: { user?: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useMutate('users.create');
  const update = useMutate('users.update');
  const users = useCall('users.list', {});
  const form = useForm<UserFields, unknown, z.output<typeof userFields>>({
    resolver: zodResolver(userFields),
    // The manager is sent every time: users.update replaces it, so leaving it out would clear it.
    defaultValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'staff',
      managerId: user?.managerId ?? null,
    },
  });
  // Only someone who manages can be a manager, and never the user themself.
  const managers = (users.data?.users ?? [])
    .filter((u) => u.role !== 'staff' && u.id !== user?.id)
    .map((u) => ({ value: u.id, label: u.name }));
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await (user ? update.mutateAsync({ ...values, id: user.id }) : create.mutateAsync(values));
      onClose();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('criteria.users.name')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={errors.name?.message}
        />
        <TextInput
          label={t('criteria.users.email')}
          type="email"
          {...form.register('email')}
          error={errors.email?.message}
        />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select
              label={t('criteria.users.role')}
              data={USER_ROLES.map((r) => ({ value: r, label: t(`criteria.users.roles.${r}`) }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
              description={t(`criteria.users.roleHints.${field.value}`)}
              error={errors.role?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="managerId"
          render={({ field }) => (
            <Select
              label={t('criteria.users.manager')}
              placeholder={t('criteria.users.managerNone')}
              description={t('criteria.users.managerHint')}
              data={managers}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v)}
              clearable
              searchable
              filter={foldedFilter}
              error={errors.managerId?.message}
              data-testid="user-manager"
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

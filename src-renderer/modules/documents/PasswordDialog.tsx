import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Asks for a protected document's password. The password lives only in this
 * form's state and is handed to the caller; nothing keeps it afterwards.
 */
export function PasswordDialog({
  opened,
  name,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  opened: boolean;
  name: string;
  /** Shown under the field: "wrong password" after a failed try. */
  error?: string | null;
  busy?: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      centered
      title={
        <Group gap={8}>
          <IconLock size={18} />
          <Text fw={600}>{t('documents.password.title')}</Text>
        </Group>
      }
    >
      {/* A fresh form per opening: a typed password never lingers for the next time. */}
      {opened && <PasswordForm name={name} error={error} busy={busy} onSubmit={onSubmit} onCancel={onCancel} />}
    </Modal>
  );
}

function PasswordForm({
  name,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  name: string;
  error?: string | null;
  busy?: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <form
      data-testid="password-dialog"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onSubmit(password);
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('documents.password.intro', { name })}</Text>
        <PasswordInput
          label={t('documents.password.label')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={error}
          data-autofocus
          autoComplete="off"
        />
        <Text size="xs" c="dimmed">
          {t('documents.password.notStored')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={!password}>
            {t('documents.password.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

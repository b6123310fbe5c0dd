import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ContactsForm } from './ContactFields';
import { showServerFieldErrors } from './server-errors';

/** Rows the person added but left empty are dropped, not refused. */
export function withoutEmptyRows<T extends ContactsForm>(values: T): T {
  return {
    ...values,
    phones: values.phones?.filter((p) => p.number.trim() !== ''),
    emails: values.emails?.filter((e) => e.address.trim() !== ''),
  };
}

/**
 * The submit of a card form: save, say so, close; on refusal put main's field
 * messages under their inputs (the mutation already showed the sentence).
 */
export function useCardSubmit<T extends ContactsForm & FieldValues, Saved extends { displayName: string }>(
  form: UseFormReturn<T, unknown, unknown>,
  save: (values: T) => Promise<Saved>,
  done: { onClose: () => void; onSaved?: ((saved: Saved) => void) | undefined },
) {
  const { t } = useTranslation();
  return form.handleSubmit(async () => {
    try {
      const saved = await save(withoutEmptyRows(form.getValues()));
      notifications.show({ color: 'green', message: t('cards.createdToast', { name: saved.displayName }) });
      done.onClose();
      done.onSaved?.(saved);
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
}

export function FormActions({ onCancel, submitting }: { onCancel: () => void; submitting: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** Free-text notes of a card, shown only when there are some. */
export function NotesPanel({ notes }: { notes: string | null }) {
  const { t } = useTranslation();
  if (!notes) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('common.notes')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {notes}
      </Text>
    </Paper>
  );
}

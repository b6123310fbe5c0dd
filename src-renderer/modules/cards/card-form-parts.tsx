import { Button, Group, Modal, Paper, ScrollArea, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BaseSyntheticEvent, ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ContactsForm } from './ContactFields';
import { showServerFieldErrors } from './server-errors';

const blank = (v: string | undefined) => !v || v.trim() === '';

/**
 * Rows the person added but left empty are dropped, not refused. They are
 * removed from the form itself before validation, so that "phones.1" means the
 * same row to the form, to zod here and to main's field errors.
 */
function dropEmptyRows(form: UseFormReturn<ContactsForm, unknown, unknown>): void {
  const { phones = [], emails = [], addresses = [], ibans = [] } = form.getValues();
  const keptPhones = phones.filter((p) => !blank(p.number));
  const keptEmails = emails.filter((e) => !blank(e.address));
  // An address with only the pre-filled country says nothing.
  const keptAddresses = addresses.filter((a) => ![a.line, a.district, a.province, a.postalCode].every(blank));
  if (keptPhones.length !== phones.length) form.setValue('phones', keptPhones);
  if (keptEmails.length !== emails.length) form.setValue('emails', keptEmails);
  if (keptAddresses.length !== addresses.length) form.setValue('addresses', keptAddresses);
  const keptIbans = ibans.filter((b) => !blank(b.iban));
  if (keptIbans.length !== ibans.length) form.setValue('ibans', keptIbans);
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
  const submit = form.handleSubmit(async () => {
    try {
      const saved = await save(form.getValues());
      notifications.show({ color: 'green', message: t('cards.createdToast', { name: saved.displayName }) });
      done.onClose();
      done.onSaved?.(saved);
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (event?: BaseSyntheticEvent) => {
    dropEmptyRows(form as unknown as UseFormReturn<ContactsForm, unknown, unknown>);
    return submit(event);
  };
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

/** The dialog around a card form; the form mounts fresh each time it opens. */
export function CardFormModal(props: { opened: boolean; onClose: () => void; title: string; children: ReactNode }) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size="xl"
      scrollAreaComponent={ScrollArea.Autosize}
      // A stray click beside the form must not throw away what was typed.
      closeOnClickOutside={false}
    >
      {props.opened && props.children}
    </Modal>
  );
}

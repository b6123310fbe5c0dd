import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  CHOICE_KINDS,
  CRITERION_KINDS,
  fieldInput,
  type CriteriaCategory,
  type CriteriaField,
  type FieldInput,
} from '../../../src-shared/contract/criteria';
import { useMutate } from '../../app/contract-hooks';
import { showServerFieldErrors } from '../cards/server-errors';

/** Adds a field to `category` (no `field`) or edits one: name, kind, options, category. */
export function FieldDialog(props: {
  opened: boolean;
  categories: CriteriaCategory[];
  category: CriteriaCategory;
  field?: CriteriaField | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.field ? t('criteria.field.edit') : t('criteria.field.new')}
      closeOnClickOutside={false}
    >
      {props.opened && <FieldFormBody {...props} />}
    </Modal>
  );
}

/** The first message about the options list or any one option in it. */
function optionsError(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message, ...items } = error as { message?: string; [index: string]: unknown };
  if (message) return message;
  const first = Object.values(items).find((v): v is { message: string } =>
    Boolean(v && typeof v === 'object' && 'message' in v),
  );
  return first?.message;
}

function FieldFormBody({ categories, category, field, onClose }: Parameters<typeof FieldDialog>[0]) {
  const { t } = useTranslation();
  const mutation = useMutate('criteria.saveField');
  const form = useForm<FieldInput, unknown, z.output<typeof fieldInput>>({
    resolver: zodResolver(fieldInput),
    defaultValues: {
      ...(field ? { id: field.id } : {}),
      categoryId: category.id,
      name: field?.name ?? '',
      kind: field?.kind ?? 'text',
      options: field?.options ?? [],
    },
  });
  const kind = form.watch('kind');
  const kindLocked = (field?.cardCount ?? 0) > 0;
  const errors = form.formState.errors;
  // An option typed but not yet confirmed with Enter is still meant.
  const [typing, setTyping] = useState('');
  const takeTyped = () => {
    if (!typing.trim() || !CHOICE_KINDS.includes(kind)) return;
    form.setValue('options', [...(form.getValues('options') ?? []), typing.trim()]);
    setTyping('');
  };
  const save = form.handleSubmit(async (values) => {
    try {
      await mutation.mutateAsync(values);
      onClose();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (
    <form
      onSubmit={(e) => {
        takeTyped();
        void save(e);
      }}
      noValidate
    >
      <Stack gap="sm">
        <TextInput
          label={t('criteria.field.name')}
          placeholder={t('criteria.field.nameHint')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={errors.name?.message}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field: input }) => (
            <Select
              label={t('criteria.field.kind')}
              data={CRITERION_KINDS.map((k) => ({ value: k, label: t(`criteria.kinds.${k}`) }))}
              value={input.value}
              onChange={(v) => v && input.onChange(v)}
              allowDeselect={false}
              disabled={kindLocked}
              description={kindLocked ? t('criteria.field.kindLocked') : undefined}
              error={errors.kind?.message}
            />
          )}
        />
        {CHOICE_KINDS.includes(kind) && (
          <Controller
            control={form.control}
            name="options"
            render={({ field: input }) => (
              <TagsInput
                label={t('criteria.field.options')}
                placeholder={t('criteria.field.optionsHint')}
                withAsterisk
                value={input.value ?? []}
                onChange={input.onChange}
                searchValue={typing}
                onSearchChange={setTyping}
                splitChars={[',', ';']}
                error={optionsError(errors.options)}
                data-testid="options-input"
              />
            )}
          />
        )}
        {field && categories.length > 1 && (
          <Controller
            control={form.control}
            name="categoryId"
            render={({ field: input }) => (
              <Select
                label={t('criteria.field.category')}
                data={categories.map((c) => ({ value: c.id, label: c.name }))}
                value={input.value}
                onChange={(v) => v && input.onChange(v)}
                allowDeselect={false}
              />
            )}
          />
        )}
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

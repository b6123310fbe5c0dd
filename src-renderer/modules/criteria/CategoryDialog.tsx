import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CardType } from '../../../src-shared/contract/cards';
import { categoryInput, type CriteriaCategory } from '../../../src-shared/contract/criteria';
import { useMutate } from '../../app/contract-hooks';
import { showServerFieldErrors } from '../cards/server-errors';

type CategoryForm = z.input<typeof categoryInput>;

/** Adds a category (no `category`) or renames one. */
export function CategoryDialog(props: {
  opened: boolean;
  cardType: CardType;
  category?: CriteriaCategory | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.category ? t('criteria.category.rename') : t('criteria.category.new')}
      closeOnClickOutside={false}
    >
      {props.opened && <CategoryFormBody {...props} />}
    </Modal>
  );
}

function CategoryFormBody({ cardType, category, onClose }: Parameters<typeof CategoryDialog>[0]) {
  const { t } = useTranslation();
  const save = useMutate('criteria.saveCategory');
  const form = useForm<CategoryForm, unknown, z.output<typeof categoryInput>>({
    resolver: zodResolver(categoryInput),
    defaultValues: { cardType, name: category?.name ?? '', ...(category ? { id: category.id } : {}) },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('criteria.category.name')}
          placeholder={t('criteria.category.nameHint')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={form.formState.errors.name?.message}
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

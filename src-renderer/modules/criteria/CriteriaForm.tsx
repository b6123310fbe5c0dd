import { useState } from 'react';
import { Button, Divider, Group, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { CriteriaCategory, CriterionValue } from '../../../src-shared/contract/criteria';
import { useMutate } from '../../app/contract-hooks';
import { CriterionInput, type FormValue } from './CriterionInput';
import type { ShownValue } from './format-value';

const blank = (v: FormValue | undefined) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: FormValue | undefined, b: FormValue | undefined) =>
  (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits a card's criteria in place. Only the fields changed here are sent, so
 * another user's change to a different field in the meantime is not overwritten.
 */
export function CriteriaForm(props: {
  cardId: string;
  categories: CriteriaCategory[];
  values: Record<string, ShownValue>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useMutate('criteria.setValues');
  const [draft, setDraft] = useState<Record<string, FormValue>>(() => ({ ...props.values }));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const changed: Record<string, CriterionValue> = {};
    for (const category of props.categories) {
      for (const field of category.fields) {
        const value = draft[field.id];
        if (!same(value, props.values[field.id])) changed[field.id] = blank(value) ? null : value!;
      }
    }
    if (Object.keys(changed).length === 0) return props.onDone();
    try {
      await save.mutateAsync({ cardId: props.cardId, values: changed });
      notifications.show({ color: 'green', message: t('criteria.panel.saved') });
      props.onDone();
    } catch (err) {
      if (err instanceof ContractError && err.fields) {
        setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, m]) => [k.replace(/^values\./, ''), m])));
      }
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="criteria-form"
    >
      <Stack gap="sm">
        {props.categories.map((category) => (
          <Stack key={category.id} gap="xs">
            <Divider label={category.name} labelPosition="left" />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
              {category.fields.map((field) => (
                <CriterionInput
                  key={field.id}
                  field={field}
                  value={draft[field.id] ?? null}
                  onChange={(v) => setDraft((d) => ({ ...d, [field.id]: v }))}
                  error={errors[field.id]}
                />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

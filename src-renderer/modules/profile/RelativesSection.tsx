import { Anchor, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMemo } from 'react';
import { z } from 'zod';
import {
  RELATIVE_KINDS,
  relativeFields,
  type Relative,
  type RelativeFields,
} from '../../../src-shared/contract/profile';
import { useMutate } from '../../app/contract-hooks';
import { CardPicker } from '../cards/CardPicker';
import { showServerFieldErrors } from '../cards/server-errors';
import { InlineForm, ProfileSection, RowActions, useEditing } from './section-parts';

/** "Annesi", "Oğlu", "Eşi": what the other person is to this one, by their gender when known. */
export function relationWord(t: (key: string) => string, r: Pick<Relative, 'relation' | 'relativeGender'>): string {
  return t(`profile.relations.${r.relation}.${r.relativeGender ?? 'unknown'}`);
}

/** Other person cards linked as family; one link, shown from both sides with the inverse word. */
export function RelativesSection(props: { personId: string; relatives: Relative[]; readOnly: boolean }) {
  const { personId, relatives, readOnly } = props;
  const { t } = useTranslation();
  const remove = useMutate('profile.removeRelative');
  const { editing, setEditing, close } = useEditing();
  return (
    <ProfileSection
      title={t('profile.lists.relative')}
      count={relatives.length}
      emptyText={t('profile.empty.relative')}
      addLabel={t('profile.add.relative')}
      readOnly={readOnly}
      formOpen={editing !== null}
      onAdd={() => setEditing('new')}
      testId="profile-relative"
    >
      {editing && <RelativeForm personId={personId} onDone={close} />}
      {relatives.length > 0 && (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {relatives.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td c="dimmed" w={110}>
                  {relationWord(t, r)}
                </Table.Td>
                <Table.Td>
                  {/* To the relative's own profile, where the same link reads the other way round. */}
                  <Anchor component={Link} to={`/persons/${r.relativeId}?tab=profile`}>
                    {r.relativeName}
                  </Anchor>
                  {r.note && (
                    <Text span c="dimmed" size="sm" ml="xs">
                      ({r.note})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={40}>
                  <RowActions readOnly={readOnly} what={r.relativeName} onRemove={() => remove.mutate({ id: r.id })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ProfileSection>
  );
}

function RelativeForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useMutate('profile.addRelative');
  // Until a person is picked, say so (instead of the contract's "not a valid id").
  const schema = useMemo(
    () => relativeFields.extend({ relativeId: z.string().min(1, { message: t('profile.pickPerson') }) }),
    [t],
  );
  const form = useForm<RelativeFields, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { relativeId: '', relation: 'spouse', note: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({ ...values, personId });
      onDone();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (
    <InlineForm
      onSubmit={(e) => void submit(e)}
      onCancel={onDone}
      submitting={add.isPending}
      testId="profile-form-relative"
    >
      <Controller
        control={form.control}
        name="relativeId"
        render={({ field }) => (
          <CardPicker
            type="person"
            label={t('profile.fields.relative')}
            placeholder={t('profile.fields.relativeHint')}
            value={field.value || null}
            onChange={(id) => field.onChange(id ?? '')}
            excludeId={personId}
          />
        )}
      />
      {errors.relativeId && (
        <Text role="alert" c="red" size="xs" mt={-4}>
          {errors.relativeId.message}
        </Text>
      )}
      <Group grow align="flex-start">
        <Controller
          control={form.control}
          name="relation"
          render={({ field }) => (
            <Select
              label={t('profile.fields.relation')}
              allowDeselect={false}
              data={RELATIVE_KINDS.map((k) => ({ value: k, label: t(`profile.relations.${k}.unknown`) }))}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              error={errors.relation?.message}
            />
          )}
        />
        <TextInput label={t('profile.fields.note')} {...form.register('note')} error={errors.note?.message} />
      </Group>
    </InlineForm>
  );
}

import { useEffect } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { templateFields, type Channel } from '../../../src-shared/contract/mailings';
import { useMutate } from '../../app/contract-hooks';
import { showServerFieldErrors } from '../cards/server-errors';
import { ChannelPicker } from './ChannelFields';
import { MessageFields } from './MessageFields';

export interface TemplateValues {
  name: string;
  channel: Channel;
  subject: string;
  body: string;
}

/**
 * A template's fields. Placeholders are checked by main (an unknown `{ünvan}` comes back under the text with
 * its name), so the person learns the exact spelling here rather than when a mailing goes out.
 */
export function TemplateForm(props: {
  id?: string | undefined;
  start: TemplateValues;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useMutate('mail.templates.save');
  const form = useForm<TemplateValues>({
    defaultValues: props.start,
    resolver: zodResolver(templateFields) as unknown as Resolver<TemplateValues>,
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync({
        ...(props.id ? { id: props.id } : {}),
        fields: { ...v, subject: v.channel === 'email' ? v.subject : '' },
      });
      notifications.show({ color: 'green', message: t('mailings.templates.saved') });
      props.onSaved();
    } catch (error) {
      showServerFieldErrors(error, (path, e) =>
        form.setError(path.replace(/^fields\./, '') as keyof TemplateValues, e),
      );
    }
  });
  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            data-autofocus
            label={t('mailings.templates.name')}
            withAsterisk
            maxLength={100}
            error={errors.name?.message}
            {...form.register('name')}
            data-testid="template-name"
          />
          <Controller
            control={form.control}
            name="channel"
            render={({ field }) => <ChannelPicker value={field.value} onChange={field.onChange} />}
          />
        </Group>
        <MessageFields form={form} testIdPrefix="template" smsCount />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="template-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { useEffect, useRef } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { templateFields, type Channel } from '../../../src-shared/contract/mailings';
import { useMutate } from '../../app/contract-hooks';
import { showServerFieldErrors } from '../cards/server-errors';
import { insertAt, PlaceholderHelp } from './PlaceholderHelp';
import { SmsCount } from './SmsCount';

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
  const channel = form.watch('channel');
  const body = form.watch('body');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const subjectField = form.register('subject');
  const bodyField = form.register('body');
  const insert = (text: string) => {
    const field = channel === 'email' ? lastField.current : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const next = insertAt(form.getValues(field), element, text);
    form.setValue(field, next.value, { shouldDirty: true });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  };
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
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('mailings.compose.channel')}
            </Text>
            <Controller
              control={form.control}
              name="channel"
              render={({ field }) => (
                <SegmentedControl
                  value={field.value}
                  onChange={field.onChange}
                  data={[
                    { value: 'email', label: t('mailings.channels.email') },
                    { value: 'sms', label: t('mailings.channels.sms') },
                  ]}
                />
              )}
            />
          </Stack>
        </Group>
        {channel === 'email' && (
          <TextInput
            label={t('mailings.compose.subject')}
            maxLength={300}
            error={errors.subject?.message}
            {...subjectField}
            ref={(el) => {
              subjectField.ref(el);
              subjectRef.current = el;
            }}
            onFocus={() => (lastField.current = 'subject')}
            data-testid="template-subject"
          />
        )}
        <Textarea
          label={t('mailings.compose.body')}
          placeholder={t('mailings.compose.bodyPlaceholder')}
          withAsterisk
          autosize
          minRows={channel === 'sms' ? 3 : 8}
          maxRows={18}
          error={errors.body?.message}
          description={channel === 'sms' ? <SmsCount text={body} /> : undefined}
          {...bodyField}
          ref={(el) => {
            bodyField.ref(el);
            bodyRef.current = el;
          }}
          onFocus={() => (lastField.current = 'body')}
          data-testid="template-body"
        />
        <PlaceholderHelp onPick={(p) => insert(`{${p}}`)} />
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

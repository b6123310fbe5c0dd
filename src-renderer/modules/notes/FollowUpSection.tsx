import { Paper, Stack, Switch } from '@mantine/core';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FollowUpFields } from '../followups/FollowUpFields';
import type { NoteFormValues } from './note-form';

/** The "Takip" part of a new note: off unless asked for; then when, by whom and what. */
export function FollowUpSection(props: {
  control: Control<NoteFormValues>;
  errors: FieldErrors<NoteFormValues>['followUp'];
}) {
  const { t } = useTranslation();
  const errors = props.errors;
  return (
    <Controller
      control={props.control}
      name="followUpOn"
      render={({ field: on }) => (
        <Paper withBorder p="sm" bg={on.value ? 'blue.0' : undefined} data-testid="note-follow-up-section">
          <Stack gap="sm">
            <Switch
              label={t('followUps.ask')}
              checked={on.value}
              onChange={(e) => on.onChange(e.currentTarget.checked)}
              data-testid="note-follow-up"
            />
            {on.value && (
              <Controller
                control={props.control}
                name="followUp"
                render={({ field }) => (
                  <FollowUpFields
                    value={field.value}
                    onChange={field.onChange}
                    errors={{
                      dueDate: errors?.dueDate?.message,
                      dueTime: errors?.dueTime?.message,
                      assigneeIds: errors?.assigneeIds?.message,
                      description: errors?.description?.message,
                    }}
                  />
                )}
              />
            )}
          </Stack>
        </Paper>
      )}
    />
  );
}

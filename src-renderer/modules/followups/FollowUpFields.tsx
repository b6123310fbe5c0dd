import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';
import { formatIsoDate } from '../../ui/format';
import { useFirmToday } from '../planner/useFirmToday';
import { nextMonday, tomorrow } from './follow-up-dates';
import type { FollowUpDraft, FollowUpDraftErrors } from './follow-up-draft';

/** When (date, quick picks, optional time), by whom and what: the fields of a new follow-up. */
export function FollowUpFields(props: {
  value: FollowUpDraft;
  onChange: (value: FollowUpDraft) => void;
  errors?: FollowUpDraftErrors | undefined;
}) {
  const { t, i18n } = useTranslation();
  const users = useCall('users.list', {});
  const { value, errors = {} } = props;
  const set = (patch: Partial<FollowUpDraft>) => props.onChange({ ...value, ...patch });
  const today = useFirmToday();
  const quick = [
    { label: t('followUps.quick.tomorrow'), date: tomorrow(today) },
    { label: t('followUps.quick.nextWeek'), date: nextMonday(today) },
  ];
  return (
    <Stack gap="sm" data-testid="follow-up-fields">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4}>
          <DateField
            label={t('followUps.fields.dueDate')}
            value={value.dueDate}
            onChange={(dueDate) => set({ dueDate })}
            error={errors.dueDate}
          />
          <Group gap={4} wrap="nowrap">
            {quick.map((q) => (
              <Button
                key={q.label}
                size="compact-xs"
                variant={value.dueDate === q.date ? 'filled' : 'default'}
                onClick={() => set({ dueDate: q.date })}
                title={formatIsoDate(q.date, i18n.language)}
              >
                {q.label}
              </Button>
            ))}
          </Group>
        </Stack>
        <TimePicker
          label={t('followUps.fields.dueTime')}
          description={t('followUps.fields.dueTimeHint')}
          // The hint under the box, beside the quick dates: the boxes stay in one line.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          format="24h"
          w={150}
          clearable
          value={value.dueTime}
          // The picker may answer with seconds; a follow-up keeps minutes.
          onChange={(v) => set({ dueTime: v.slice(0, 5) })}
          error={errors.dueTime}
          data-testid="follow-up-time"
        />
        <MultiSelect
          label={t('followUps.fields.assignees')}
          withAsterisk
          data={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={value.assigneeIds}
          onChange={(assigneeIds) => set({ assigneeIds })}
          searchable
          filter={foldedFilter}
          error={errors.assigneeIds}
          style={{ flex: 1 }}
          data-testid="follow-up-assignees"
        />
      </Group>
      <TextInput
        label={t('followUps.fields.description')}
        placeholder={t('followUps.fields.descriptionPlaceholder')}
        maxLength={1000}
        value={value.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={errors.description}
        data-testid="follow-up-description"
      />
    </Stack>
  );
}

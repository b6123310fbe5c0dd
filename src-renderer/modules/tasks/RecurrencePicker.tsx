import { Select, Stack, Text, TextInput } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { previewDates, RECURRENCE_PRESETS, type RecurrencePreset } from './recurrence';
import { dayAndMonth, shownDay, weekdayName } from './task-dates';
import { ruleOf } from './task-form';

/**
 * How a task repeats: the usual choices named after its due date ("Her hafta (Perşembe)"), or a rule typed by
 * hand; below, the next dates the choice gives, so a wrong rule shows before it is saved.
 */
export function RecurrencePicker(props: {
  preset: RecurrencePreset;
  customRule: string;
  dueDate: string;
  onPreset: (preset: RecurrencePreset) => void;
  onCustomRule: (rule: string) => void;
  presetError?: string | undefined;
  ruleError?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const date = props.dueDate;
  const label = (preset: RecurrencePreset) => {
    if (!date && ['weekly', 'monthly', 'yearly'].includes(preset))
      return t(`tasks.recurrence.${preset}`, { weekday: '…', day: '…', date: '…' });
    return t(`tasks.recurrence.${preset}`, {
      weekday: date ? weekdayName(date, i18n.language) : '',
      day: date ? Number(date.slice(8)) : '',
      date: date ? dayAndMonth(date, i18n.language) : '',
    });
  };
  const rule = ruleOf({ recurrence: props.preset, customRule: props.customRule, dueDate: date });
  // Following a rare rule takes a moment (bounded): once per rule and date, not on every render.
  const dates = useMemo(() => (rule && date ? previewDates(rule, date) : null), [rule, date]);
  let preview: string | null = null;
  if (props.preset !== 'none') {
    if (!date) preview = t('tasks.recurrence.needsDate');
    else if (rule) {
      if (dates === null) preview = t('tasks.recurrence.unreadable');
      else if (dates.length === 0) preview = t('tasks.recurrence.noNext');
      else
        preview = t('tasks.recurrence.next', { dates: dates.map((d) => shownDay(d, i18n.language, true)).join(', ') });
    }
  }
  return (
    <Stack gap={6}>
      <Select
        label={t('tasks.fields.recurrence')}
        data={RECURRENCE_PRESETS.map((p) => ({ value: p, label: label(p) }))}
        value={props.preset}
        onChange={(v) => v && props.onPreset(v as RecurrencePreset)}
        allowDeselect={false}
        leftSection={<IconRepeat size={16} />}
        error={props.presetError}
        data-testid="task-recurrence"
      />
      {props.preset === 'custom' && (
        <TextInput
          label={t('tasks.fields.customRule')}
          placeholder={t('tasks.fields.customRuleHint')}
          value={props.customRule}
          onChange={(event) => props.onCustomRule(event.currentTarget.value)}
          error={props.ruleError}
          ff="monospace"
          data-testid="task-custom-rule"
        />
      )}
      {preview && (
        <Text size="xs" c="dimmed" data-testid="task-recurrence-preview">
          {preview}
        </Text>
      )}
    </Stack>
  );
}

import { MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CriteriaField } from '../../../src-shared/contract/criteria';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';

/** What an input holds while editing; '' / [] / null mean "no value". */
export type FormValue = string | number | boolean | string[] | null;

/** The input that fits the field's kind. */
export function CriterionInput(props: {
  field: CriteriaField;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { field, value, onChange, error } = props;
  const label = field.name;
  switch (field.kind) {
    case 'text':
      return (
        <TextInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          // Turkish writes 1.250.000,50; English 1,250,000.50.
          decimalSeparator={i18n.language === 'en' ? '.' : ','}
          thousandSeparator={i18n.language === 'en' ? ',' : '.'}
          hideControls
          error={error}
        />
      );
    case 'date':
      return (
        <DateField
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
          error={error}
        />
      );
    case 'one_of':
      return (
        <Select
          label={label}
          placeholder={t('criteria.panel.choose')}
          data={field.options}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v)}
          clearable
          searchable={field.options.length > 8}
          filter={foldedFilter}
          error={error}
        />
      );
    case 'many_of':
      return (
        <MultiSelect
          label={label}
          placeholder={Array.isArray(value) && value.length ? undefined : t('criteria.panel.choose')}
          data={field.options}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          clearable
          searchable
          filter={foldedFilter}
          error={error}
        />
      );
    case 'yes_no':
      // Three states, not a switch: "no" is an answer, "not known" is another.
      return (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={label}
            value={value === true ? 'yes' : value === false ? 'no' : 'unset'}
            onChange={(v) => onChange(v === 'yes' ? true : v === 'no' ? false : null)}
            data={[
              { value: 'unset', label: '—' },
              { value: 'yes', label: t('criteria.yes') },
              { value: 'no', label: t('criteria.no') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {error && (
            <Text size="xs" c="red">
              {error}
            </Text>
          )}
        </Stack>
      );
  }
}

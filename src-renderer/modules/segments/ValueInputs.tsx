import { Group, MultiSelect, NumberInput, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../src-shared/domain/dates';
import type { Option } from './useChoiceOptions';
import { foldedFilter } from '../../ui/folded-filter';

/** One or two numbers ("between" takes a range). */
export function NumberValue(props: {
  op: string;
  value: number | undefined;
  value2: number | undefined;
  onChange: (value: number | undefined, value2: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const read = (v: string | number) => (typeof v === 'number' ? v : undefined);
  return (
    <Group gap={6} wrap="nowrap">
      <NumberInput
        aria-label={t('segments.value')}
        value={props.value ?? ''}
        onChange={(v) => props.onChange(read(v), props.value2)}
        w={110}
        size="sm"
      />
      {props.op === 'between' && (
        <>
          <Text size="sm">{t('segments.and')}</Text>
          <NumberInput
            aria-label={`${t('segments.value')} 2`}
            value={props.value2 ?? ''}
            onChange={(v) => props.onChange(props.value, read(v))}
            w={110}
            size="sm"
          />
        </>
      )}
    </Group>
  );
}

function DayInput(props: { value: string | undefined; onChange: (v: string | undefined) => void; label: string }) {
  return (
    <DateInput
      aria-label={props.label}
      value={props.value || null}
      onChange={(v) => props.onChange(v || undefined)}
      valueFormat="DD.MM.YYYY"
      placeholder="GG.AA.YYYY"
      dateParser={parseTypedDate}
      clearable
      w={150}
      size="sm"
    />
  );
}

export function DateValue(props: {
  op: string;
  value: string | undefined;
  value2: string | undefined;
  onChange: (value: string | undefined, value2: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <DayInput label={t('segments.value')} value={props.value} onChange={(v) => props.onChange(v, props.value2)} />
      {props.op === 'between' && (
        <>
          <Text size="sm">{t('segments.and')}</Text>
          <DayInput
            label={`${t('segments.value')} 2`}
            value={props.value2}
            onChange={(v) => props.onChange(props.value, v)}
          />
        </>
      )}
    </Group>
  );
}

export function TextValue(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      aria-label={t('segments.value')}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      miw={180}
      style={{ flex: 1 }}
      size="sm"
    />
  );
}

export function ChoiceValue(props: { options: Option[]; values: string[]; onChange: (values: string[]) => void }) {
  const { t } = useTranslation();
  // A value no longer offered (a deleted tag, a removed user) still shows, so it can be removed.
  const known = new Set(props.options.map((o) => o.value));
  const data = [...props.options, ...props.values.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
  return (
    <MultiSelect
      aria-label={t('segments.value')}
      data={data}
      value={props.values}
      onChange={props.onChange}
      searchable
      filter={foldedFilter}
      miw={220}
      style={{ flex: 1 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

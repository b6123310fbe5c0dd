import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseTypedDate } from '../../src-shared/domain/dates';

/**
 * A calendar date field holding YYYY-MM-DD, shown as GG.AA.YYYY with a Turkish
 * calendar (whatever the browser's own language), typed or picked.
 */
export function DateField(props: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string | undefined;
  maxDate?: string;
}) {
  return (
    <DateInput
      label={props.label}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      valueFormat="DD.MM.YYYY"
      placeholder="GG.AA.YYYY"
      dateParser={parseTypedDate}
      clearable
      error={props.error}
      {...(props.maxDate ? { maxDate: props.maxDate } : {})}
      leftSection={<IconCalendar size={16} />}
      aria-label={props.label}
    />
  );
}

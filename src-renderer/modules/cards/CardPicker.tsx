import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCall } from '../../app/contract-hooks';

/** Pick a live card by typing part of its name (folded search in main). */
export function CardPicker(props: {
  type: 'person' | 'institution';
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (id: string | null) => void;
  excludeId?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const input = { q, limit: 20 };
  const persons = useCall('cards.listPersons', input, { enabled: props.type === 'person', keepPrevious: true });
  const institutions = useCall('cards.listInstitutions', input, {
    enabled: props.type === 'institution',
    keepPrevious: true,
  });
  const rows = (props.type === 'person' ? persons.data?.rows : institutions.data?.rows) ?? [];
  const data = rows.filter((r) => r.id !== props.excludeId).map((r) => ({ value: r.id, label: r.displayName }));
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      searchable
      clearable
      withAsterisk
      data={data}
      // Main already filtered (and folded); don't filter again here.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={props.value}
      onChange={props.onChange}
      nothingFoundMessage="—"
      data-testid={`pick-${props.type}`}
    />
  );
}

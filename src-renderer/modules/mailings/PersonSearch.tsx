import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';

/** Adds a person by typing part of the name (folded search in main); hands back the id and the name shown. */
export function PersonSearch(props: { placeholder: string; onPick: (card: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 150);
  const { data, isFetching } = useCall(
    'cards.listPersons',
    { q, limit: 20 },
    { keepPrevious: true, enabled: q.trim() !== '' },
  );
  const rows = q.trim() ? (data?.rows ?? []) : [];
  return (
    <Select
      aria-label={props.placeholder}
      placeholder={props.placeholder}
      searchable
      data={rows.map((r) => ({ value: r.id, label: r.displayName }))}
      // Main already filtered (and folded); don't filter again here.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      onChange={(id) => {
        const row = rows.find((r) => r.id === id);
        if (row) props.onPick({ id: row.id, name: row.displayName });
        setSearch('');
      }}
      // Said only once main has answered for what is typed, not while the previous answer is still shown.
      nothingFoundMessage={q.trim() && !isFetching && q === search ? t('mailings.compose.noPerson') : undefined}
      data-testid="compose-add-card"
    />
  );
}

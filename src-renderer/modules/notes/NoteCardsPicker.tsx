import { useMemo, useState } from 'react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';

export interface CardChoice {
  id: string;
  type: CardType;
  displayName: string;
}

/**
 * The persons and institutions a note concerns: typing searches both kinds of
 * card in main (folded, so "cagri" finds "Çağrı"), grouped by kind. The chosen
 * cards stay named even when the current search no longer lists them.
 */
export function NoteCardsPicker(props: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Cards already known by name: the note's own, or the card it was started from. */
  known: CardChoice[];
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 150);
  const input = { q, limit: 10 };
  const persons = useCall('cards.listPersons', input, { enabled: q !== '', keepPrevious: true });
  const institutions = useCall('cards.listInstitutions', input, { enabled: q !== '', keepPrevious: true });
  // Every card seen so far by id, so a chosen one keeps its pill after the search moves on.
  const [seen, setSeen] = useState(() => new Map(props.known.map((c) => [c.id, c])));
  const found = useMemo(() => {
    if (q === '') return [];
    const rows: CardChoice[] = [
      ...(persons.data?.rows ?? []).map((r) => ({ id: r.id, type: 'person' as const, displayName: r.displayName })),
      ...(institutions.data?.rows ?? []).map((r) => ({
        id: r.id,
        type: 'institution' as const,
        displayName: r.displayName,
      })),
    ];
    return rows;
  }, [q, persons.data, institutions.data]);

  const all = new Map(seen);
  for (const card of found) all.set(card.id, card);
  const shown = [...found, ...props.value.map((id) => all.get(id)).filter((c): c is CardChoice => !!c)];
  const unique = [...new Map(shown.map((c) => [c.id, c])).values()];
  const group = (type: CardType) =>
    unique.filter((c) => c.type === type).map((c) => ({ value: c.id, label: c.displayName }));
  const data = [
    { group: t('nav.persons'), items: group('person') },
    { group: t('nav.institutions'), items: group('institution') },
  ].filter((g) => g.items.length > 0);

  return (
    <MultiSelect
      label={t('notes.fields.cards')}
      placeholder={props.value.length === 0 ? t('notes.fields.cardsHint') : undefined}
      data={data}
      value={props.value}
      onChange={(ids) => {
        setSeen(all);
        props.onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Main already searched (and folded); don't filter again here.
      filter={({ options }) => options}
      nothingFoundMessage={q ? '—' : undefined}
      error={props.error}
      clearable
      data-testid="note-cards"
    />
  );
}

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
 * Several cards chosen by typing part of a name: main searches (folded, so "cagri" finds "Çağrı"). Persons only
 * (attendees) or persons and institutions (an event's linked cards), grouped by kind. A chosen card keeps its pill
 * after the search moves on. The same idea as the notes' picker, with its own label and kinds.
 */
export function CardMultiPicker(props: {
  label: string;
  placeholder: string;
  types: readonly CardType[];
  value: string[];
  onChange: (ids: string[], cards: CardChoice[]) => void;
  known?: CardChoice[];
  error?: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 150);
  const input = { q, limit: 10 };
  const wantPersons = props.types.includes('person');
  const wantInstitutions = props.types.includes('institution');
  const persons = useCall('cards.listPersons', input, { enabled: q !== '' && wantPersons, keepPrevious: true });
  const institutions = useCall('cards.listInstitutions', input, {
    enabled: q !== '' && wantInstitutions,
    keepPrevious: true,
  });
  const [seen, setSeen] = useState(() => new Map((props.known ?? []).map((c) => [c.id, c])));
  const found = useMemo(() => {
    if (q === '') return [];
    return [
      ...(wantPersons ? (persons.data?.rows ?? []) : []).map((r) => ({
        id: r.id,
        type: 'person' as const,
        displayName: r.displayName,
      })),
      ...(wantInstitutions ? (institutions.data?.rows ?? []) : []).map((r) => ({
        id: r.id,
        type: 'institution' as const,
        displayName: r.displayName,
      })),
    ];
  }, [q, persons.data, institutions.data, wantPersons, wantInstitutions]);

  const all = new Map(seen);
  for (const card of found) all.set(card.id, card);
  const shown = [...found, ...props.value.map((id) => all.get(id)).filter((c): c is CardChoice => !!c)];
  const unique = [...new Map(shown.map((c) => [c.id, c])).values()];
  const group = (type: CardType) =>
    unique.filter((c) => c.type === type).map((c) => ({ value: c.id, label: c.displayName }));
  const data = props.types
    .map((type) => ({ group: type === 'person' ? t('nav.persons') : t('nav.institutions'), items: group(type) }))
    .filter((g) => g.items.length > 0);

  return (
    <MultiSelect
      label={props.label}
      placeholder={props.value.length === 0 ? props.placeholder : undefined}
      data={data}
      value={props.value}
      onChange={(ids) => {
        setSeen(all);
        props.onChange(
          ids,
          ids.map((id) => all.get(id)).filter((c): c is CardChoice => !!c),
        );
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // Main already searched (and folded); don't filter again here.
      filter={({ options }) => options}
      nothingFoundMessage={q ? t('agenda.noMatch') : undefined}
      error={props.error}
      clearable
      data-testid={props.testId}
    />
  );
}

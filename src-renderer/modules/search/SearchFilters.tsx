import { Button, Chip, getDefaultZIndex, Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SEARCH_TYPES, type SearchType } from '../../../src-shared/contract/search';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { TYPE_ICONS } from './HitIcon';
import { hasFilters, NO_FILTERS, type SearchFilterState } from './search-paths';

/** Dropdowns open above the palette (Spotlight sits at Mantine's 'max' layer). */
const ABOVE_PALETTE = getDefaultZIndex('max') + 1;

/** Type chips, an owner and a date range: the same filters in the palette and on the search page. */
export function SearchFilters({
  value,
  onChange,
}: {
  value: SearchFilterState;
  onChange: (value: SearchFilterState) => void;
}) {
  const { t } = useTranslation();
  const { data } = useCall('users.list', {});
  const owners = (data?.users ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Group gap="xs" wrap="wrap" data-testid="search-filters">
      <Chip.Group
        multiple
        value={value.types}
        onChange={(types) => onChange({ ...value, types: types as SearchType[] })}
      >
        <Group gap={6} wrap="nowrap" role="group" aria-label={t('search.typeFilter')}>
          {SEARCH_TYPES.map((type) => {
            const Icon = TYPE_ICONS[type];
            return (
              <Chip
                key={type}
                value={type}
                size="xs"
                variant="outline"
                icon={<Icon size={12} />}
                data-testid={`search-chip-${type}`}
              >
                {t(`search.groups.${type}`)}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
      <Select
        size="xs"
        w={170}
        aria-label={t('search.owner')}
        placeholder={`${t('search.owner')}: ${t('search.anyOwner')}`}
        data={owners}
        value={value.ownerId}
        onChange={(ownerId) => onChange({ ...value, ownerId })}
        clearable
        searchable
        filter={foldedFilter}
        comboboxProps={{ withinPortal: true, zIndex: ABOVE_PALETTE }}
        data-testid="search-owner"
      />
      <DatePickerInput
        type="range"
        size="xs"
        w={210}
        aria-label={t('search.dates')}
        placeholder={t('search.datesPlaceholder')}
        leftSection={<IconCalendar size={14} />}
        value={[value.from, value.to]}
        onChange={([from, to]) => onChange({ ...value, from: from || null, to: to || null })}
        allowSingleDateInRange
        clearable
        valueFormat="DD.MM.YYYY"
        popoverProps={{ withinPortal: true, zIndex: ABOVE_PALETTE }}
        data-testid="search-dates"
      />
      {hasFilters(value) && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('search.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

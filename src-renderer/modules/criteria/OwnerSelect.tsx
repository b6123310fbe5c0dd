import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { useMe } from './use-me';

/**
 * The card's owner ("sorumlu") in the card forms. Left alone on a new card it
 * shows the user at this desk, who is what main fills in; cleared, the card has no owner.
 */
export function OwnerSelect(props: {
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error?: string | undefined;
  maw?: number;
}) {
  const { t } = useTranslation();
  const { me } = useMe();
  const { data } = useCall('users.list', {});
  const options = (data?.users ?? []).map((u) => ({ value: u.id, label: u.name }));
  const shown = props.value === undefined ? (me?.id ?? null) : props.value;
  return (
    <Select
      label={t('cards.fields.owner')}
      placeholder={t('criteria.owner.none')}
      data={options}
      value={shown}
      onChange={(v) => props.onChange(v)}
      clearable
      searchable
      filter={foldedFilter}
      error={props.error}
      data-testid="owner-select"
      {...(props.maw ? { maw: props.maw } : {})}
    />
  );
}

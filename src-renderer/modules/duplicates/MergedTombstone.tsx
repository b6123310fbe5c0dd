import { Alert, Button } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';
import { cardPath } from '../cards/card-paths';

/**
 * Where a merged card went. Reads the card through the same query as the card screen
 * (react-query shares it), so the header needs nothing passed in.
 */
export function useMergedInto(type: CardType, id: string, enabled: boolean) {
  const person = useCall('cards.getPerson', { id }, { enabled: enabled && type === 'person' });
  const institution = useCall('cards.getInstitution', { id }, { enabled: enabled && type === 'institution' });
  return (type === 'person' ? person.data : institution.data)?.mergedInto ?? null;
}

/** On a tombstone opened by an old link: it was merged into X, with the way there. */
export function MergedTombstoneAlert({ type, into }: { type: CardType; into: { id: string; name: string } }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title={t('duplicates.tombstone.title')}
      data-testid="merged-into"
    >
      {t('duplicates.tombstone.body', { name: into.name })}{' '}
      <Button component={Link} to={cardPath(type, into.id)} size="xs" variant="light" ml="xs">
        {t('duplicates.tombstone.open')}
      </Button>
    </Alert>
  );
}

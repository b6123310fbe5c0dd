import { useCallback, useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type SeriesScope = 'one' | 'all';

/**
 * "Yalnız bu / Tüm seri": asked before a change or deletion of one instance of a recurring event. `ask` answers
 * the choice, or null when the person closes the question.
 */
export function useSeriesChoice() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<{ question: string; resolve: (scope: SeriesScope | null) => void } | null>(
    null,
  );
  const ask = useCallback(
    (question: string) => new Promise<SeriesScope | null>((resolve) => setPending({ question, resolve })),
    [],
  );
  const answer = (scope: SeriesScope | null) => {
    pending?.resolve(scope);
    setPending(null);
  };
  const dialog = (
    <Modal opened={pending !== null} onClose={() => answer(null)} title={t('agenda.series.title')} centered>
      <Text size="sm" mb="md">
        {pending?.question}
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => answer(null)}>
          {t('common.cancel')}
        </Button>
        <Button variant="light" onClick={() => answer('all')} data-testid="series-all">
          {t('agenda.series.all')}
        </Button>
        <Button onClick={() => answer('one')} data-testid="series-one" data-autofocus>
          {t('agenda.series.one')}
        </Button>
      </Group>
    </Modal>
  );
  return { ask, dialog };
}

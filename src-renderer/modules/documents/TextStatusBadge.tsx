import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextStatus } from '../../../src-shared/contract/documents';

const COLORS: Record<TextStatus, string> = {
  pending: 'blue',
  done: 'green',
  failed: 'red',
  none: 'gray',
  locked: 'orange',
};

/** A document's text status in a word, with the reason (failed, none, locked) as its tooltip. */
export function TextStatusBadge({ status, reason }: { status: TextStatus; reason: string | null }) {
  const { t } = useTranslation();
  const hint =
    status === 'failed'
      ? t('documents.statusHint.failed', { reason: reason ?? t('documents.statusHint.unknownReason') })
      : (reason ?? t(`documents.statusHint.${status}`));
  return (
    <Tooltip label={hint} withArrow multiline maw={320}>
      <Badge
        variant="light"
        color={COLORS[status]}
        size="sm"
        radius="sm"
        data-testid="text-status"
        data-status={status}
        style={{ flexShrink: 0 }}
      >
        {t(`documents.status.${status}`)}
      </Badge>
    </Tooltip>
  );
}

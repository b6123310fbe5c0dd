import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateReason, DuplicateReasonKind } from '../../../src-shared/contract/duplicates';

/** Official numbers and shared contacts are strong signs; a similar name alone is a hint. */
const COLORS: Record<DuplicateReasonKind, string> = {
  tckn: 'red',
  vkn: 'red',
  email: 'orange',
  phone: 'orange',
  name: 'gray',
};

/** Why two cards look like one: "Aynı e-posta", "Benzer ad" …, with the shared value on hover. */
export function ReasonBadges({ reasons }: { reasons: DuplicateReason[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {reasons.map((r) => (
        <Tooltip key={r.kind} label={r.value} disabled={!r.value} withArrow>
          <Badge color={COLORS[r.kind]} variant="light" size="md" tt="none" fw={600} data-testid={`reason-${r.kind}`}>
            {t(`duplicates.reasons.${r.kind}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

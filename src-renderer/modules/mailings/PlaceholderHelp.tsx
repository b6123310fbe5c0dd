import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from '../../../src-shared/contract/mailings';

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The placeholders a template may use, each a chip that puts `{name}` into the text. */
export function PlaceholderHelp({ onPick }: { onPick: (placeholder: Placeholder) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} data-testid="placeholder-help">
      <Text size="xs" c="dimmed">
        {t('mailings.placeholders.help')}
      </Text>
      {PLACEHOLDERS.map((p) => (
        <Tooltip key={p} label={t(`mailings.placeholders.${p}`)} withArrow>
          <Badge
            component="button"
            type="button"
            variant="light"
            tt="none"
            style={{ cursor: 'pointer' }}
            onClick={() => onPick(p)}
          >
            {`{${p}}`}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * Puts text at the cursor of a textarea/input (replacing a selection) and says where the cursor goes next;
 * without a focused field the text goes at the end.
 */
export function insertAt(
  value: string,
  element: HTMLTextAreaElement | HTMLInputElement | null,
  text: string,
): { value: string; cursor: number } {
  const start = element?.selectionStart ?? value.length;
  const end = element?.selectionEnd ?? value.length;
  const next = value.slice(0, start) + text + value.slice(end);
  return { value: next, cursor: start + text.length };
}

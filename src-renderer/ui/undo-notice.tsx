import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/**
 * "X çöp kutusuna taşındı — Geri al": a notice that stays ten seconds with an
 * undo button. A refused undo is already shown by the mutation's error notice.
 */
export function showUndoNotice(message: string, undoLabel: string, undo: () => Promise<unknown>): void {
  const toast = notifications.show({
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(toast);
            void undo().catch(() => undefined);
          }}
        >
          {undoLabel}
        </Button>
      </Group>
    ),
  });
}

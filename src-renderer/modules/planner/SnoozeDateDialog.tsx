import { Center, Modal, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** "Tarih seç…": a calendar from tomorrow on; a click on a day snoozes to it. */
export function SnoozeDateDialog(props: {
  opened: boolean;
  name: string;
  minDate: string;
  onClose: () => void;
  onPick: (date: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('planner.actions.snoozeTitle')} size="auto">
      <Stack gap="sm">
        <Text size="sm" c="dimmed" maw={280} truncate>
          {props.name}
        </Text>
        <Center>
          <DatePicker
            minDate={props.minDate}
            defaultDate={props.minDate}
            onChange={(value) => value && props.onPick(value)}
            data-testid="snooze-date-picker"
          />
        </Center>
      </Stack>
    </Modal>
  );
}

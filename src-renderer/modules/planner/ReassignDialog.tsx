import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

/** Hands an item over: the staff who should do it instead (at least one). */
export function ReassignDialog(props: {
  opened: boolean;
  name: string;
  assigneeIds: string[];
  onClose: () => void;
  onSave: (assigneeIds: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('planner.actions.reassignTitle')}>
      {props.opened && <ReassignBody {...props} />}
    </Modal>
  );
}

function ReassignBody(props: {
  name: string;
  assigneeIds: string[];
  onClose: () => void;
  onSave: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const users = useCall('users.list', {});
  const [chosen, setChosen] = useState<string[]>(props.assigneeIds);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {props.name}
      </Text>
      <MultiSelect
        label={t('planner.actions.reassignLabel')}
        data={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
        filter={foldedFilter}
        data-autofocus
        data-testid="reassign-users"
        comboboxProps={{ withinPortal: true }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button disabled={chosen.length === 0} onClick={() => props.onSave(chosen)}>
          {t('planner.actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}

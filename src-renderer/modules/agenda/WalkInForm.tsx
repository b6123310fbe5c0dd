import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconDoorEnter, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import { useClient } from '../../app/contract-hooks';

/** Someone at the door with no invitation: written down, then let in or turned away (both are kept). */
export function WalkInForm(props: {
  eventId: string;
  onDone: (attendee: AttendeeOut, allowed: boolean) => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const [name, setName] = useState('');
  const [institutionName, setInstitutionName] = useState('');
  const [busy, setBusy] = useState<'in' | 'out' | null>(null);
  const [error, setError] = useState<string | undefined>();

  const record = async (allowed: boolean) => {
    setBusy(allowed ? 'in' : 'out');
    setError(undefined);
    try {
      const attendee = await client.call('agenda.walkIn', { eventId: props.eventId, name, institutionName, allowed });
      setName('');
      setInstitutionName('');
      props.onDone(attendee, allowed);
    } catch (err) {
      if (err instanceof ContractError && err.fields?.name) setError(err.fields.name);
      else props.onFailed((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="walk-in">
      <Stack gap="xs">
        <Text fw={600}>{t('agenda.checkIn.walkInTitle')}</Text>
        <Group align="flex-start" gap="xs" grow>
          <TextInput
            label={t('agenda.attendees.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            withAsterisk
            data-testid="walk-in-name"
          />
          <TextInput
            label={t('agenda.attendees.institution')}
            value={institutionName}
            onChange={(e) => setInstitutionName(e.currentTarget.value)}
            data-testid="walk-in-institution"
          />
        </Group>
        <Group justify="flex-end" gap="xs">
          <Button
            variant="light"
            color="red"
            leftSection={<IconUserOff size={16} />}
            disabled={!name.trim() || busy !== null}
            loading={busy === 'out'}
            onClick={() => void record(false)}
            data-testid="walk-in-refuse"
          >
            {t('agenda.checkIn.refuse')}
          </Button>
          <Button
            color="green"
            leftSection={<IconDoorEnter size={16} />}
            disabled={!name.trim() || busy !== null}
            loading={busy === 'in'}
            onClick={() => void record(true)}
            data-testid="walk-in-allow"
          >
            {t('agenda.checkIn.letIn')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import { formatClock } from './agenda-format';

/** What the door screen shows after a code or a walk-in. */
export type DoorResult =
  | { kind: 'welcome'; attendee: AttendeeOut }
  | { kind: 'already'; attendee: AttendeeOut }
  | { kind: 'unknown'; code: string }
  | { kind: 'otherEvent'; code: string; title: string }
  | { kind: 'refused'; name: string }
  | { kind: 'failed'; message: string };

const LOOKS = {
  welcome: { bg: 'green.6', Icon: IconCircleCheck },
  already: { bg: 'yellow.5', Icon: IconAlertTriangle },
  unknown: { bg: 'red.7', Icon: IconCircleX },
  otherEvent: { bg: 'red.7', Icon: IconCircleX },
  refused: { bg: 'gray.6', Icon: IconUserOff },
  failed: { bg: 'red.7', Icon: IconCircleX },
} as const;

/** The big coloured panel: green welcome, amber already in, red unknown; readable from a few steps away. */
export function CheckInResult({ result, timeZone }: { result: DoorResult; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const look = LOOKS[result.kind];
  const dark = result.kind === 'already';
  let headline: string;
  let detail: string | null = null;
  switch (result.kind) {
    case 'welcome':
      headline = t('agenda.checkIn.welcome', { name: result.attendee.name });
      detail = [result.attendee.institutionName, result.attendee.roleTitle].filter(Boolean).join(' · ') || null;
      break;
    case 'already':
      headline = t('agenda.checkIn.already', {
        time: result.attendee.checkedInAt ? formatClock(result.attendee.checkedInAt, timeZone, i18n.language) : '',
      });
      detail = result.attendee.name;
      break;
    case 'unknown':
      headline = t('agenda.checkIn.unknown');
      detail = t('agenda.checkIn.unknownDetail', { code: result.code });
      break;
    case 'otherEvent':
      // The other event's title only when this user may see its calendar; otherwise just that it is not this one.
      headline = result.title
        ? t('agenda.checkIn.otherEvent', { title: result.title })
        : t('agenda.checkIn.otherEventHidden');
      detail = t('agenda.checkIn.otherEventDetail', { code: result.code });
      break;
    case 'refused':
      headline = t('agenda.checkIn.refused', { name: result.name });
      break;
    case 'failed':
      headline = t('agenda.checkIn.failed');
      detail = result.message;
      break;
  }
  return (
    <Paper
      bg={look.bg}
      c={dark ? 'dark.9' : 'white'}
      p="xl"
      radius="md"
      role="status"
      aria-live="assertive"
      data-testid="door-result"
      data-kind={result.kind}
    >
      <Stack gap={4} align="center" ta="center">
        <look.Icon size={56} />
        <Text fz={40} fw={700} lh={1.15} data-testid="door-headline">
          {headline}
        </Text>
        {detail && (
          <Text fz={24} fw={500} data-testid="door-detail">
            {detail}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

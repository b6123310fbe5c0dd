import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Box,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconCamera, IconKeyboard, IconMaximize, IconMinimize, IconScan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCall, useClient } from '../../app/contract-hooks';
import { eventPath } from './agenda-paths';
import { formatSlot } from './agenda-format';
import { useFirmTimeZone } from './agenda-time';
import { countAttendees } from './attendee-counts';
import { CameraScanner } from './CameraScanner';
import { CheckInResult } from './CheckInResult';
import { useAgendaLiveUpdates } from './useAgendaLiveUpdates';
import { useDoorResult } from './useDoorResult';
import { WalkInForm } from './WalkInForm';

/** The same code again this soon is the scanner repeating itself, not a second person. */
const REPEAT_IGNORED_MS = 2000;

/** Is the focus somewhere a person types (the walk-in form), so the code box must not take it back? */
const typingElsewhere = (code: HTMLInputElement | null) => {
  const active = document.activeElement;
  return (
    active !== null && active !== code && active !== document.body && active.matches('input, textarea, select, button')
  );
};

/**
 * The door: a barcode scanner types the attendee's code and Enter into the box that always has the focus (or the
 * camera reads the QR code); the answer fills the screen in colour and clears after a few seconds. Walk-ins are
 * written down on the same screen. "Tam ekran" hides everything else.
 */
export function CheckInPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  useAgendaLiveUpdates();
  const timeZone = useFirmTimeZone();
  const { data: event, error, isLoading } = useCall('agenda.getEvent', { id });
  const [code, setCode] = useState('');
  const [mode, setMode] = useState<'scanner' | 'camera'>('scanner');
  const [fullScreen, setFullScreen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const lastCode = useRef({ code: '', at: 0 });
  const focusCode = useCallback(() => {
    if (!typingElsewhere(input.current)) input.current?.focus();
  }, []);
  const door = useDoorResult(focusCode);

  // A key pressed while nothing has the focus (a click on the background) still reaches the code box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return;
      const active = document.activeElement;
      if (active === null || active === document.body) input.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // The browser's own full screen (F11-like) follows the button; Esc leaves both.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setFullScreen(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggleFullScreen = () => {
    if (fullScreen) {
      setFullScreen(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    } else {
      setFullScreen(true);
      void screen.current?.requestFullscreen?.().catch(() => undefined);
    }
    setTimeout(focusCode, 0);
  };

  const checkIn = useCallback(
    async (raw: string) => {
      const typed = raw.trim();
      setCode('');
      // A scanner that sends the code twice (or a double Enter) must not turn "welcome" into "already in".
      const now = Date.now();
      if (!typed || (typed === lastCode.current.code && now - lastCode.current.at < REPEAT_IGNORED_MS)) return;
      lastCode.current = { code: typed, at: now };
      try {
        const answer = await client.call('agenda.checkIn', { eventId: id, code: typed });
        if (answer.result === 'checked_in' && answer.attendee)
          door.show({ kind: 'welcome', attendee: answer.attendee });
        else if (answer.result === 'already_checked_in' && answer.attendee)
          door.show({ kind: 'already', attendee: answer.attendee });
        else if (answer.result === 'other_event')
          door.show({ kind: 'otherEvent', code: typed, title: answer.otherEventTitle ?? '' });
        else door.show({ kind: 'unknown', code: typed });
        void queryClient.invalidateQueries({ queryKey: ['agenda.getEvent'] });
      } catch (err) {
        door.show({ kind: 'failed', message: (err as Error).message });
      } finally {
        focusCode();
      }
    },
    [client, id, door, queryClient, focusCode],
  );

  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !event) return <Text c="red">{error?.message ?? t('agenda.event.missing')}</Text>;
  const counts = countAttendees(event.attendees);
  const slot = { start: event.startsAt, end: event.endsAt, allDay: event.allDay };

  return (
    <Box
      ref={screen}
      bg="white"
      p={fullScreen ? 'xl' : 0}
      style={
        fullScreen
          ? { position: 'fixed', inset: 0, zIndex: 300, overflow: 'auto' }
          : { flex: 1, minHeight: 0, overflow: 'auto' }
      }
      data-testid="check-in-screen"
    >
      <Stack gap="lg" maw={1100} mx="auto">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            {!fullScreen && (
              <Anchor component={Link} to={eventPath(event.id)} size="sm">
                <Group gap={4}>
                  <IconArrowLeft size={14} />
                  {t('agenda.checkIn.backToEvent')}
                </Group>
              </Anchor>
            )}
            <Title order={1} fz={34} data-testid="check-in-title">
              {event.title}
            </Title>
            <Text c="dimmed">
              {formatSlot(slot, timeZone, i18n.language)}
              {event.location ? ` · ${event.location}` : ''}
            </Text>
          </Stack>
          <Group gap="md" wrap="nowrap" align="center">
            <Paper withBorder px="lg" py="xs" radius="md">
              <Text fz={30} fw={700} data-testid="check-in-counter" style={{ whiteSpace: 'nowrap' }}>
                {t('agenda.checkIn.counter', { in: counts.checkedIn, total: counts.expected })}
              </Text>
            </Paper>
            <Tooltip label={fullScreen ? t('agenda.checkIn.exitFullScreen') : t('agenda.checkIn.fullScreen')}>
              <ActionIcon
                variant="default"
                size="xl"
                onClick={toggleFullScreen}
                aria-label={fullScreen ? t('agenda.checkIn.exitFullScreen') : t('agenda.checkIn.fullScreen')}
                data-testid="check-in-full-screen"
              >
                {fullScreen ? <IconMinimize size={22} /> : <IconMaximize size={22} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <Group align="flex-end" gap="md" wrap="nowrap">
          <form
            style={{ flex: 1 }}
            onSubmit={(e) => {
              e.preventDefault();
              void checkIn(code);
            }}
          >
            <TextInput
              ref={input}
              size="xl"
              label={t('agenda.checkIn.codeLabel')}
              placeholder={t('agenda.checkIn.codePlaceholder')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              onBlur={() => setTimeout(focusCode, 0)}
              leftSection={<IconScan size={26} />}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              // The code in a typewriter face (0 and O apart); the hint in the ordinary one, so it fits.
              styles={{
                input: { fontSize: 26, fontFamily: code ? 'var(--mantine-font-family-monospace)' : undefined },
              }}
              data-testid="check-in-code"
            />
          </form>
          <SegmentedControl
            size="md"
            value={mode}
            onChange={(v) => {
              setMode(v as 'scanner' | 'camera');
              setTimeout(focusCode, 0);
            }}
            data={[
              {
                value: 'scanner',
                label: (
                  <Group gap={6} wrap="nowrap">
                    <IconKeyboard size={18} />
                    {t('agenda.checkIn.scanner')}
                  </Group>
                ),
              },
              {
                value: 'camera',
                label: (
                  <Group gap={6} wrap="nowrap">
                    <IconCamera size={18} />
                    {t('agenda.checkIn.camera')}
                  </Group>
                ),
              },
            ]}
            data-testid="check-in-mode"
          />
        </Group>
        {door.result ? (
          <CheckInResult result={door.result} timeZone={timeZone} />
        ) : (
          <Paper withBorder p="xl" radius="md" bg="gray.0">
            <Text ta="center" fz={24} c="dimmed" data-testid="door-waiting">
              {t('agenda.checkIn.waiting')}
            </Text>
          </Paper>
        )}
        {mode === 'camera' && <CameraScanner onCode={(scanned) => void checkIn(scanned)} />}
        <WalkInForm
          eventId={event.id}
          onDone={(attendee, allowed) => {
            door.show(allowed ? { kind: 'welcome', attendee } : { kind: 'refused', name: attendee.name });
            void queryClient.invalidateQueries({ queryKey: ['agenda.getEvent'] });
            setTimeout(() => input.current?.focus(), 0);
          }}
          onFailed={(message) => door.show({ kind: 'failed', message })}
        />
      </Stack>
    </Box>
  );
}

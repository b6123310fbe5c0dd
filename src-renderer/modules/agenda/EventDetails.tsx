import type { ReactNode } from 'react';
import { Badge, ColorSwatch, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconBuilding, IconClock, IconMapPin, IconRepeat, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { cardPath } from '../cards/card-paths';
import { formatExdate, formatSlot } from './agenda-format';
import type { Slot } from './event-form';
import { presetOf } from './recurrence';

/** What an event is: calendar, title, when (this instance, for a series), where, repeats, cards, description. */
export function EventDetails(props: { event: EventOut; slot: Slot; timeZone: string; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { event } = props;
  const preset = presetOf(event.rrule, event.startsAt.slice(0, 10));
  const remind =
    event.remindMinutes === null
      ? null
      : [10, 30, 60, 1440].includes(event.remindMinutes)
        ? t(`agenda.remind.m${event.remindMinutes}`)
        : t('agenda.remind.other', { count: event.remindMinutes });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <ColorSwatch color={event.color} size={12} />
            <Text size="sm" c="dimmed" data-testid="event-calendar-name">
              {event.calendarName}
            </Text>
          </Group>
          <Title order={2} data-testid="event-title-view">
            {event.title}
          </Title>
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} color="var(--mantine-color-dimmed)" />
            <Text data-testid="event-when">{formatSlot(props.slot, props.timeZone, i18n.language)}</Text>
          </Group>
          {event.location && (
            <Group gap={6} wrap="nowrap">
              <IconMapPin size={16} color="var(--mantine-color-dimmed)" />
              <Text>{event.location}</Text>
            </Group>
          )}
          {event.rrule && (
            <Group gap={6} wrap="nowrap">
              <IconRepeat size={16} color="var(--mantine-color-dimmed)" />
              <Text size="sm">
                {preset === 'custom' ? event.rrule : t(`agenda.repeat.${preset}`)}
                {event.exdates.length > 0 && (
                  <Text span size="sm" c="dimmed">
                    {' · '}
                    {t('agenda.event.exceptions', {
                      dates: event.exdates.map((d) => formatExdate(d, props.timeZone, i18n.language)).join(', '),
                    })}
                  </Text>
                )}
              </Text>
            </Group>
          )}
          {remind && (
            <Group gap={6} wrap="nowrap">
              <IconBell size={16} color="var(--mantine-color-dimmed)" />
              <Text size="sm">{t('agenda.event.remind', { when: remind })}</Text>
            </Group>
          )}
          {event.organizer && (
            <Text size="sm" c="dimmed">
              {t('agenda.event.organizer', { name: event.organizer.name })}
            </Text>
          )}
        </Stack>
        {props.actions}
      </Group>
      {event.cards.length > 0 && (
        <Group gap={6} data-testid="event-cards-view">
          {event.cards.map((card) => (
            <Badge
              key={card.id}
              component={Link}
              to={cardPath(card.type, card.id)}
              variant="outline"
              color="gray"
              size="lg"
              leftSection={card.type === 'person' ? <IconUser size={12} /> : <IconBuilding size={12} />}
              style={{ cursor: 'pointer', textTransform: 'none' }}
            >
              {card.displayName}
            </Badge>
          ))}
        </Group>
      )}
      {event.description && (
        <Paper withBorder p="md">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {event.description}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

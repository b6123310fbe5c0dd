import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';
import { eventPath } from '../agenda/agenda-paths';
import { PlannerRow, PlannerSection } from './PlannerSection';
import { clockIn } from './planner-dates';

/** "Bugünkü toplantılar": the day's events of the user (see today-events.ts for which), times in the firm's zone. */
export function DayEvents(props: { events: OccurrenceOut[]; timeZone: string; isToday: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <PlannerSection
      id="events"
      icon={IconCalendarTime}
      color="violet"
      title={props.isToday ? t('planner.sections.events') : t('planner.sections.eventsOn')}
      count={props.events.length}
      empty={t('planner.empty.events')}
    >
      {props.events.map((o) => (
        <PlannerRow key={`${o.eventId ?? o.title}:${o.start}`} testId="planner-event">
          <Group gap={8} wrap="nowrap">
            <Box w={10} h={10} style={{ borderRadius: 5, background: o.color, flex: 'none' }} />
            <Text size="sm" c="dimmed" w={96} style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
              {o.allDay
                ? t('planner.allDay')
                : `${clockIn(o.start, props.timeZone, i18n.language)}–${clockIn(o.end, props.timeZone, i18n.language)}`}
            </Text>
            {o.eventId ? (
              <Anchor component={Link} to={eventPath(o.eventId, o.occurrenceStart)} size="sm" fw={500} lineClamp={1}>
                {o.title}
              </Anchor>
            ) : (
              <Text size="sm" fw={500} lineClamp={1}>
                {o.title}
              </Text>
            )}
            {o.holidayKind && (
              <Badge size="xs" variant="light" color="red">
                {t('planner.holiday')}
              </Badge>
            )}
          </Group>
          {(o.location || o.attendeeCount > 0) && (
            <Text size="xs" c="dimmed" pl={114} lineClamp={1}>
              {[o.location, o.attendeeCount > 0 ? t('planner.attendees', { count: o.attendeeCount }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </PlannerRow>
      ))}
    </PlannerSection>
  );
}

import { Anchor, Button, Checkbox, ColorSwatch, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarOut } from '../../../src-shared/contract/agenda';
import { groupByKind, KIND_ICONS } from './calendar-looks';
import classes from './agenda.module.css';

/**
 * The calendars on the left: ticked ones are drawn on top of each other; "Yalnız bu" shows one alone. Grouped by
 * kind (rooms, vehicles, …) with the colour each is drawn in.
 */
export function CalendarPanel(props: {
  calendars: CalendarOut[];
  isShown: (id: string) => boolean;
  onToggle: (id: string) => void;
  onOnly: (id: string) => void;
  onShowAll: () => void;
}) {
  const { t } = useTranslation();
  const allShown = props.calendars.every((c) => props.isShown(c.id));
  return (
    <Stack gap="sm" w={230} style={{ flexShrink: 0, overflow: 'auto' }} data-testid="calendar-panel">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {t('agenda.panel.title')}
        </Text>
        {!allShown && (
          <Anchor component="button" size="xs" onClick={props.onShowAll} data-testid="calendars-show-all">
            {t('agenda.panel.showAll')}
          </Anchor>
        )}
      </Group>
      {props.calendars.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agenda.panel.none')}
        </Text>
      )}
      {groupByKind(props.calendars).map(({ kind, calendars }) => {
        const KindIcon = KIND_ICONS[kind];
        return (
          <Stack key={kind} gap={4}>
            <Group gap={6} c="dimmed">
              <KindIcon size={14} />
              <Text size="xs" fw={600} tt="uppercase">
                {t(`agenda.kindsPlural.${kind}`)}
              </Text>
            </Group>
            {calendars.map((calendar) => (
              <Group
                key={calendar.id}
                gap={6}
                wrap="nowrap"
                justify="space-between"
                className={classes.calendarRow}
                data-testid="calendar-row"
              >
                <Checkbox
                  size="xs"
                  checked={props.isShown(calendar.id)}
                  onChange={() => props.onToggle(calendar.id)}
                  color={calendar.color}
                  style={{ minWidth: 0 }}
                  label={
                    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                      <ColorSwatch color={calendar.color} size={10} style={{ flexShrink: 0 }} />
                      <Text size="sm" truncate title={calendar.name}>
                        {calendar.name}
                      </Text>
                    </Group>
                  }
                  aria-label={calendar.name}
                />
                <UnstyledButton
                  onClick={() => props.onOnly(calendar.id)}
                  className={classes.onlyThis}
                  aria-label={t('agenda.panel.onlyThisOf', { name: calendar.name })}
                >
                  <Text size="xs" c="blue" style={{ whiteSpace: 'nowrap' }}>
                    {t('agenda.panel.onlyThis')}
                  </Text>
                </UnstyledButton>
              </Group>
            ))}
          </Stack>
        );
      })}
      <Button
        component={Link}
        to="/settings/calendars?new=1"
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} />}
        justify="flex-start"
        data-testid="new-calendar-link"
      >
        {t('agenda.panel.newCalendar')}
      </Button>
    </Stack>
  );
}

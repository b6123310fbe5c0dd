import { useState } from 'react';
import { ActionIcon, Alert, Button, Grid, Group, Loader, Popover, Stack, Text, Title, Tooltip } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../src-shared/domain/dates';
import { addDays } from '../../../src-shared/domain/zoned-time';
import { useCall } from '../../app/contract-hooks';
import { Birthdays } from './Birthdays';
import { DayEvents } from './DayEvents';
import { DueFollowUps } from './DueFollowUps';
import { DueTasks } from './DueTasks';
import { PlannerSettingsDialog } from './PlannerSettingsDialog';
import { QuietCards } from './QuietCards';
import { TeamNotes } from './TeamNotes';
import { firmToday, greetingPart, longDate } from './planner-dates';
import { usePlannerLiveUpdates } from './usePlannerLiveUpdates';

/**
 * "Bugün": the acting user's day, built by main from the data (planner.today). The day looked at is in the
 * address (?date=YYYY-MM-DD), so the back button and a reload keep it; none means the firm's today.
 */
export function PlannerPage() {
  const { t, i18n } = useTranslation();
  usePlannerLiveUpdates();
  const [params, setParams] = useSearchParams();
  const asked = params.get('date');
  const date = asked && isIsoDate(asked) ? asked : undefined;
  const day = useCall('planner.today', date ? { date } : {}, { keepPrevious: true });
  const me = useCall('users.me', {});
  const settings = useCall('planner.settings', {});
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);

  if (day.error) {
    return (
      <Alert color="red" title={t('planner.title')}>
        {t('planner.loadFailed', { message: day.error.message })}
      </Alert>
    );
  }
  if (!day.data) return <Loader m="xl" />;
  const data = day.data;
  const today = firmToday(data.timeZone);
  const isToday = data.date === today;
  const go = (next: string) => setParams(next === today ? {} : { date: next });
  const isManager = me.data?.role === 'manager' || me.data?.role === 'admin';
  const noContactDays = settings.data?.noContactDays ?? 30;

  return (
    <Stack gap="md" style={{ overflow: 'auto' }} pb="xl" data-testid="planner-page">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} data-testid="planner-greeting">
            {me.data
              ? t(`planner.greeting.${greetingPart(data.timeZone)}`, { name: me.data.name })
              : t('planner.title')}
          </Title>
          <Popover opened={pickerOpen} onChange={setPickerOpen} position="bottom-start" shadow="md">
            <Popover.Target>
              <Text
                size="lg"
                c={isToday ? 'dimmed' : 'blue.7'}
                fw={isToday ? 400 : 600}
                style={{ cursor: 'pointer' }}
                onClick={() => setPickerOpen((o) => !o)}
                title={t('planner.pickDay')}
                data-testid="planner-date"
              >
                {longDate(data.date, i18n.language)}
              </Text>
            </Popover.Target>
            <Popover.Dropdown>
              <DatePicker
                value={data.date}
                defaultDate={data.date}
                onChange={(value) => {
                  setPickerOpen(false);
                  if (value) go(value);
                }}
              />
            </Popover.Dropdown>
          </Popover>
          {!isToday && (
            <Text size="xs" c="dimmed">
              {t('planner.viewingOtherDay')}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {day.isFetching && <Loader size="xs" />}
          <Tooltip label={t('planner.previousDay')} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('planner.previousDay')}
              onClick={() => go(addDays(data.date, -1))}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" disabled={isToday} onClick={() => go(today)} data-testid="planner-today">
            {t('planner.today')}
          </Button>
          <Tooltip label={t('planner.nextDay')} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('planner.nextDay')}
              onClick={() => go(addDays(data.date, 1))}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('planner.settings')} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('planner.settings')}
              onClick={() => setSettingsOpen(true)}
              data-testid="planner-settings"
            >
              <IconSettings size={20} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <DueFollowUps followUps={data.followUps} today={today} />
            <DueTasks tasks={data.tasks} today={today} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <DayEvents events={data.events} timeZone={data.timeZone} isToday={isToday} />
            <Birthdays birthdays={data.birthdays} />
            <QuietCards cards={data.quietCards} total={data.quietCardsTotal} days={noContactDays} />
            {isManager && <TeamNotes notes={data.teamUnreadNotes} total={data.teamUnreadTotal} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <PlannerSettingsDialog opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Stack>
  );
}

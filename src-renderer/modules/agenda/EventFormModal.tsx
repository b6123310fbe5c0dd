import { useState } from 'react';
import {
  Alert,
  Button,
  ColorSwatch,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconBell, IconMapPin, IconRepeat } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { CalendarOut, EventOut } from '../../../src-shared/contract/agenda';
import { useClient } from '../../app/contract-hooks';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';
import { useFirmTimeZone } from './agenda-time';
import { CardMultiPicker } from './CardMultiPicker';
import {
  eventResolver,
  eventValues,
  formField,
  newEventValues,
  toEventInput,
  type EventFormValues,
  type Slot,
} from './event-form';
import { REPEAT_PRESETS } from './recurrence';

export type EventFormMode =
  | { kind: 'new'; slot: Slot; calendarId: string | null }
  /** `instance`: only this occurrence of a series changes. */
  | { kind: 'edit'; event: EventOut; instance?: { slot: Slot; occurrenceStart: string } };

const REMIND_CHOICES = ['', '10', '30', '60', '1440'] as const;

/** Adding or changing an event, in a dialog; a refused booking (the room is taken) is shown above the buttons. */
export function EventFormModal(props: {
  mode: EventFormMode | null;
  calendars: CalendarOut[];
  onClose: () => void;
  onSaved?: (event: EventOut) => void;
}) {
  const { t } = useTranslation();
  const title =
    props.mode?.kind === 'edit'
      ? props.mode.instance
        ? t('agenda.form.editInstance')
        : t('agenda.form.edit')
      : t('agenda.form.new');
  return (
    <Modal opened={props.mode !== null} onClose={props.onClose} title={title} size="lg" centered>
      {props.mode && (
        <EventForm mode={props.mode} calendars={props.calendars} onClose={props.onClose} onSaved={props.onSaved} />
      )}
    </Modal>
  );
}

function EventForm(props: {
  mode: EventFormMode;
  calendars: CalendarOut[];
  onClose: () => void;
  onSaved?: ((event: EventOut) => void) | undefined;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const timeZone = useFirmTimeZone();
  const { mode } = props;
  const editing = mode.kind === 'edit' ? mode.event : undefined;
  const instance = mode.kind === 'edit' ? mode.instance : undefined;
  const [refusal, setRefusal] = useState<{ conflict: boolean; message: string } | null>(null);
  const form = useForm<EventFormValues>({
    defaultValues:
      mode.kind === 'edit'
        ? eventValues(mode.event, timeZone, mode.instance?.slot)
        : newEventValues(mode.slot, mode.calendarId, timeZone),
    resolver: eventResolver(timeZone, {
      needsCalendar: t('agenda.form.needsCalendar'),
      endBeforeStart: t('agenda.form.endBeforeStart'),
      needsRule: t('agenda.form.needsRule'),
    }),
  });
  const { errors, isSubmitting } = form.formState;
  const allDay = form.watch('allDay');
  const repeat = form.watch('repeat');

  // Only calendars one may book in; an event being edited keeps its own in the list.
  const bookable = props.calendars.filter((c) => (c.canBook && !c.archived) || c.id === editing?.calendarId);
  const colorOf = new Map(props.calendars.map((c) => [c.id, c.color]));

  const save = form.handleSubmit(async (values) => {
    setRefusal(null);
    const input = toEventInput(values, timeZone, editing?.exdates ?? []);
    try {
      const saved = await client.call('agenda.saveEvent', {
        ...input,
        ...(instance ? { rrule: null, exdates: [] } : {}),
        ...(editing
          ? {
              id: editing.id,
              expectedUpdatedAt: editing.updatedAt,
              ...(instance ? { occurrenceStart: instance.occurrenceStart } : {}),
            }
          : {}),
      });
      await queryClient.invalidateQueries();
      notifications.show({ color: 'green', message: t('agenda.form.saved', { title: saved.title }) });
      props.onSaved?.(saved);
      props.onClose();
    } catch (error) {
      if (!(error instanceof ContractError)) {
        setRefusal({ conflict: false, message: (error as Error).message });
        return;
      }
      let placed = false;
      for (const [path, message] of Object.entries(error.fields ?? {})) {
        form.setError(formField(path), { type: 'server', message });
        placed = true;
      }
      if (!placed) setRefusal({ conflict: error.code === 'CONFLICT', message: error.message });
    }
  });

  return (
    <form noValidate onSubmit={(event) => void save(event)}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="calendarId"
          render={({ field }) => (
            <Select
              label={t('agenda.form.calendar')}
              placeholder={t('agenda.form.calendarPick')}
              withAsterisk
              data={bookable.map((c) => ({ value: c.id, label: c.name }))}
              value={field.value}
              onChange={field.onChange}
              searchable
              filter={foldedFilter}
              allowDeselect={false}
              leftSection={field.value ? <ColorSwatch color={colorOf.get(field.value) ?? '#888'} size={12} /> : null}
              renderOption={({ option }) => (
                <Group gap="xs" wrap="nowrap">
                  <ColorSwatch color={colorOf.get(option.value) ?? '#888'} size={12} />
                  {option.label}
                </Group>
              )}
              error={errors.calendarId?.message}
              data-testid="event-calendar"
            />
          )}
        />
        <TextInput
          data-autofocus
          label={t('agenda.form.title')}
          placeholder={t('agenda.form.titlePlaceholder')}
          withAsterisk
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
          data-testid="event-title"
        />
        <Switch label={t('agenda.form.allDay')} {...form.register('allDay')} data-testid="event-all-day" />
        <SimpleGrid cols={2} spacing="sm">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Controller
              control={form.control}
              name="startDate"
              render={({ field }) => (
                <DateField
                  label={t('agenda.form.startDate')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.startDate?.message}
                />
              )}
            />
            {!allDay && (
              <Controller
                control={form.control}
                name="startTime"
                render={({ field }) => (
                  <TimePicker
                    label={t('agenda.form.time')}
                    format="24h"
                    w={90}
                    value={field.value}
                    onChange={(v) => field.onChange(v.slice(0, 5))}
                    error={errors.startTime?.message}
                    data-testid="event-start-time"
                  />
                )}
              />
            )}
          </Group>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <Controller
              control={form.control}
              name="endDate"
              render={({ field }) => (
                <DateField
                  label={allDay ? t('agenda.form.lastDay') : t('agenda.form.endDate')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.endDate?.message}
                />
              )}
            />
            {!allDay && (
              <Controller
                control={form.control}
                name="endTime"
                render={({ field }) => (
                  <TimePicker
                    label={t('agenda.form.time')}
                    format="24h"
                    w={90}
                    value={field.value}
                    onChange={(v) => field.onChange(v.slice(0, 5))}
                    error={errors.endTime?.message}
                    data-testid="event-end-time"
                  />
                )}
              />
            )}
          </Group>
        </SimpleGrid>
        <TextInput
          label={t('agenda.form.location')}
          leftSection={<IconMapPin size={16} />}
          maxLength={300}
          error={errors.location?.message}
          {...form.register('location')}
        />
        <Textarea
          label={t('agenda.form.description')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.description?.message}
          {...form.register('description')}
        />
        {!instance && (
          <Group align="flex-start" gap="sm" grow>
            <Controller
              control={form.control}
              name="repeat"
              render={({ field }) => (
                <Select
                  label={t('agenda.form.repeat')}
                  leftSection={<IconRepeat size={16} />}
                  data={REPEAT_PRESETS.map((p) => ({ value: p, label: t(`agenda.repeat.${p}`) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  allowDeselect={false}
                  data-testid="event-repeat"
                />
              )}
            />
            {repeat === 'custom' && (
              <TextInput
                label={t('agenda.form.rrule')}
                placeholder="FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20271231T000000Z"
                error={errors.customRrule?.message}
                {...form.register('customRrule')}
                data-testid="event-rrule"
              />
            )}
          </Group>
        )}
        {!instance && repeat !== 'none' && (editing?.exdates.length ?? 0) > 0 && (
          <Text size="xs" c="dimmed">
            {t('agenda.form.exdatesKept', { count: editing?.exdates.length ?? 0 })}
          </Text>
        )}
        <SimpleGrid cols={2} spacing="sm">
          <Controller
            control={form.control}
            name="cardIds"
            render={({ field }) => (
              <CardMultiPicker
                label={t('agenda.form.cards')}
                placeholder={t('agenda.form.cardsHint')}
                types={['person', 'institution']}
                value={field.value}
                onChange={(ids) => field.onChange(ids)}
                known={editing?.cards ?? []}
                error={errors.cardIds?.message}
                testId="event-cards"
              />
            )}
          />
          <Controller
            control={form.control}
            name="remind"
            render={({ field }) => (
              <Select
                label={t('agenda.form.remind')}
                leftSection={<IconBell size={16} />}
                data={REMIND_CHOICES.map((m) => ({ value: m, label: t(`agenda.remind.m${m || 'none'}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v ?? '')}
                allowDeselect={false}
                error={errors.remind?.message}
              />
            )}
          />
        </SimpleGrid>
        {refusal && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={refusal.conflict ? t('agenda.form.conflictTitle') : t('common.error')}
            data-testid="event-refusal"
          >
            {refusal.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting} data-testid="event-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

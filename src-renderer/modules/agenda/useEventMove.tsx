import type { EventDropArg } from '@fullcalendar/core';
import type { EventResizeDoneArg } from '@fullcalendar/interaction';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { useClient } from '../../app/contract-hooks';
import { droppedSlot, fieldsOf, shiftBy } from './event-moves';
import { occurrenceOf } from './occurrence-events';
import { useSeriesChoice } from './useSeriesChoice';

/**
 * Dragging an event to another time, or stretching it: saved at once. An instance of a series asks whether only
 * it moves or the whole series; a refusal (the room is taken, the event changed meanwhile) puts the event back
 * where it was and says why in red.
 */
export function useEventMove(timeZone: string) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const series = useSeriesChoice();

  const move = async (arg: EventDropArg | EventResizeDoneArg) => {
    const occurrence = occurrenceOf(arg.event);
    if (!occurrence?.eventId) return arg.revert();
    try {
      const event = await client.call('agenda.getEvent', { id: occurrence.eventId });
      const drawn = { startStr: arg.event.startStr, endStr: arg.event.endStr, allDay: arg.event.allDay };
      const isSeries = event.rrule !== null && occurrence.occurrenceStart !== null;
      const scope = isSeries ? await series.ask(t('agenda.series.moveQuestion', { title: event.title })) : 'all';
      if (scope === null) return arg.revert();
      let input;
      if (scope === 'one') {
        input = {
          ...fieldsOf(event),
          ...droppedSlot(drawn, event),
          allDay: drawn.allDay,
          rrule: null,
          exdates: [],
          occurrenceStart: occurrence.occurrenceStart ?? undefined,
        };
      } else if (isSeries) {
        if (drawn.allDay !== event.allDay) {
          notifications.show({ color: 'orange', message: t('agenda.series.allDayChange') });
          return arg.revert();
        }
        const startDelta = 'delta' in arg ? arg.delta : arg.startDelta;
        const endDelta = 'delta' in arg ? arg.delta : arg.endDelta;
        input = {
          ...fieldsOf(event),
          startsAt: shiftBy(event.startsAt, startDelta, event.allDay, timeZone),
          endsAt: shiftBy(event.endsAt, endDelta, event.allDay, timeZone),
        };
      } else {
        input = { ...fieldsOf(event), ...droppedSlot(drawn, event), allDay: drawn.allDay };
      }
      await client.call('agenda.saveEvent', { ...input, id: event.id, expectedUpdatedAt: event.updatedAt });
      await queryClient.invalidateQueries();
    } catch (error) {
      arg.revert();
      const conflict = error instanceof ContractError && error.code === 'CONFLICT';
      notifications.show({
        color: 'red',
        title: conflict ? t('agenda.form.conflictTitle') : t('common.error'),
        message: (error as Error).message,
        autoClose: 10_000,
      });
    }
  };

  return { move: (arg: EventDropArg | EventResizeDoneArg) => void move(arg), dialog: series.dialog };
}

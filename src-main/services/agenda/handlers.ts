import type { agendaCalls } from '../../../src-shared/contract/agenda';
import { invalidInput } from '../../../src-shared/contract/errors';
import { HOLIDAY_YEARS, turkishHolidays } from '../../../src-shared/domain/holidays';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { discardUpload, uploadFile } from '../transfer/temp-files';
import type { AttendeeCall } from './attendee-handlers';
import { assertCanSee, calendarAccessRow, canSeeCalendar } from './calendar-permissions';
import { calendarOut, listCalendars } from './calendar-reads';
import { archiveCalendar, saveCalendar } from './calendar-writes';
import { attachFileToEvent, detachDocumentFromEvent } from './event-documents';
import { MAX_RANGE_DAYS, occurrencesInRange } from './event-occurrences';
import { DAY_MS } from './event-times';
import { getEventOut } from './event-reads';
import { eventRow } from './event-rows';
import { deleteEvent, restoreEvent, saveEvent, type EventChange } from './event-writes';
import { firmClosingDays } from './firm-closing-days';
import { exportIcs } from './ics-export';
import { importIcsText } from './ics-import';
import { readIcsFile } from './ics-file';

type CalendarCall = Exclude<keyof typeof agendaCalls, AttendeeCall>;

/** Every agenda screen, and the timelines of the event's cards, refresh. */
function announce(ctx: ServiceContext, change: Pick<EventChange, 'eventId' | 'calendarIds'> & Partial<EventChange>) {
  ctx.events.emit('agenda.changed', { calendarIds: change.calendarIds, eventId: change.eventId });
  for (const card of change.cards ?? []) {
    ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
  }
  return getEventOut(ctx.db, change.eventId, ctx.userId);
}

function announceCalendar(ctx: ServiceContext, id: string) {
  ctx.events.emit('agenda.changed', { calendarIds: [id], eventId: null });
  return calendarOut(ctx.db, id, ctx.userId);
}

/** Calendars, events, recurrence, holidays, .ics import/export (attendees: attendee-handlers.ts). */
export const agendaCalendarHandlers: Handlers<CalendarCall> = {
  'agenda.calendars': (input, ctx) => ({ calendars: listCalendars(ctx.db, ctx.userId, input.includeArchived) }),
  'agenda.saveCalendar': (input, ctx) => announceCalendar(ctx, saveCalendar(ctx.db, actingStamp(ctx), input)),
  'agenda.archiveCalendar': (input, ctx) => announceCalendar(ctx, archiveCalendar(ctx.db, actingStamp(ctx), input)),
  'agenda.range': (input, ctx) => {
    if (Date.parse(input.to) <= Date.parse(input.from)) {
      throw invalidInput('Bitiş başlangıçtan sonra olmalı.', { to: 'Bitiş başlangıçtan sonra olmalı' });
    }
    if (Date.parse(input.to) - Date.parse(input.from) > MAX_RANGE_DAYS * DAY_MS) {
      const message = `Takvim bir seferde en çok ${MAX_RANGE_DAYS} günlük aralık için gösterilebilir.`;
      throw invalidInput(message, { to: message });
    }
    // Calendars the user may not see (or that no longer exist) are left out, not refused: a view remembers ids.
    const calendarIds = input.calendarIds.filter((id) => {
      try {
        return canSeeCalendar(ctx.db, calendarAccessRow(ctx.db, id), ctx.userId);
      } catch {
        return false;
      }
    });
    return occurrencesInRange(ctx.db, {
      from: new Date(Date.parse(input.from)).toISOString(),
      to: new Date(Date.parse(input.to)).toISOString(),
      calendarIds,
    });
  },
  'agenda.getEvent': (input, ctx) => {
    assertCanSee(ctx.db, calendarAccessRow(ctx.db, eventRow(ctx.db, input.id).calendarId), ctx.userId);
    return getEventOut(ctx.db, input.id, ctx.userId);
  },
  'agenda.saveEvent': (input, ctx) => announce(ctx, saveEvent(ctx.db, actingStamp(ctx), input)),
  'agenda.deleteEvent': (input, ctx) => announce(ctx, deleteEvent(ctx.db, actingStamp(ctx), input)),
  'agenda.restoreEvent': (input, ctx) => announce(ctx, restoreEvent(ctx.db, actingStamp(ctx), input.id)),
  'agenda.attachDocument': async (input, ctx) => {
    // The upload's temp file goes once filed or refused (a refused file would be uploaded again anyway).
    const file = uploadFile(ctx.dataDir, input.uploadId);
    try {
      const change = await attachFileToEvent(ctx.db, actingStamp(ctx), { eventId: input.eventId, file });
      return announce(ctx, { eventId: change.eventId, calendarIds: [change.calendarId] });
    } finally {
      discardUpload(ctx.dataDir, input.uploadId);
    }
  },
  'agenda.detachDocument': (input, ctx) => {
    const change = detachDocumentFromEvent(ctx.db, actingStamp(ctx), input);
    return announce(ctx, { eventId: change.eventId, calendarIds: [change.calendarId] });
  },
  'agenda.importIcs': (input, ctx) => {
    const file = uploadFile(ctx.dataDir, input.uploadId);
    try {
      const text = readIcsFile(file.path, file.fileName);
      const report = importIcsText(ctx.db, actingStamp(ctx), input.calendarId, text);
      if (report.imported > 0) ctx.events.emit('agenda.changed', { calendarIds: [input.calendarId], eventId: null });
      return report;
    } finally {
      discardUpload(ctx.dataDir, input.uploadId);
    }
  },
  'agenda.exportIcs': (input, ctx) => exportIcs(ctx.db, ctx.userId, input, ctx.now()),
  'agenda.holidays': (input, ctx) => {
    if (input.year < HOLIDAY_YEARS.first || input.year > HOLIDAY_YEARS.last) {
      throw invalidInput(`${input.year} yılı için tatiller hesaplanamaz.`);
    }
    const official = turkishHolidays(input.year).map(({ nameEn: _nameEn, ...h }) => h);
    const firm = firmClosingDays(ctx.db, ctx.userId, input.year);
    return { holidays: [...official, ...firm].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
  },
};

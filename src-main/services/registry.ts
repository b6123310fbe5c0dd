/**
 * Every handler of the contract, assembled from the modules' slices. `satisfies`
 * makes a call declared in the contract without a handler a type error.
 */
import type { Handlers } from './handler-types';
import { systemHandlers } from './system/handlers';
import { cardsHandlers } from './cards/handlers';
import { searchHandlers } from './search/handlers';
import { auditHandlers } from './audit/handlers';
import { profileHandlers } from './profile/handlers';
import { criteriaHandlers } from './criteria/handlers';
import { usersHandlers } from './criteria/users-handlers';
import { duplicatesHandlers } from './duplicates/handlers';
import { transferHandlers } from './transfer/handlers';
import { timelineHandlers } from './timeline/handlers';
import { segmentsHandlers } from './segments/handlers';
import { documentsHandlers } from './documents/handlers';
import { notesHandlers } from './notes/handlers';
import { inboxHandlers } from './inbox/handlers';
import { followUpsHandlers } from './followups/handlers';
import { tasksHandlers } from './tasks/handlers';
import { plannerHandlers } from './planner/handlers';
import { agendaCalendarHandlers } from './agenda/handlers';
import { agendaAttendeeHandlers } from './agenda/attendee-handlers';
import { mailHandlers } from './mail/handlers';
import { mailingsHandlers } from './mailings/handlers';

export const handlers = {
  ...systemHandlers,
  ...cardsHandlers,
  ...searchHandlers,
  ...auditHandlers,
  ...profileHandlers,
  ...criteriaHandlers,
  ...usersHandlers,
  ...duplicatesHandlers,
  ...transferHandlers,
  ...timelineHandlers,
  ...segmentsHandlers,
  ...documentsHandlers,
  ...notesHandlers,
  ...inboxHandlers,
  ...followUpsHandlers,
  ...tasksHandlers,
  ...plannerHandlers,
  ...agendaCalendarHandlers,
  ...agendaAttendeeHandlers,
  ...mailHandlers,
  ...mailingsHandlers,
} satisfies Handlers;

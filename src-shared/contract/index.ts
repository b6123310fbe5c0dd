/**
 * The contract: every call and every event between the renderer and main,
 * declared once. Each module contributes one slice; this file only assembles them.
 */
import type { z } from 'zod';
import { auditCalls } from './audit';
import { cardsCalls, cardsEvents } from './cards';
import { searchCalls } from './search';
import { systemCalls } from './system';
import { profileCalls, profileEvents } from './profile';
import { criteriaCalls, criteriaEvents } from './criteria';
import { usersCalls, usersEvents } from './users';
import { duplicatesCalls, duplicatesEvents } from './duplicates';
import { transferCalls, transferEvents } from './transfer';
import { timelineCalls, timelineEvents } from './timeline';
import { segmentsCalls, segmentsEvents } from './segments';
import { documentsCalls, documentsEvents } from './documents';
import { notesCalls, notesEvents } from './notes';
import { inboxCalls, inboxEvents } from './inbox';
import { followUpsCalls, followUpsEvents } from './followups';
import { tasksCalls, tasksEvents } from './tasks';
import { plannerCalls, plannerEvents } from './planner';
import { agendaCalls, agendaEvents } from './agenda';
import { mailCalls, mailEvents } from './mail';
import { mailingsCalls, mailingsEvents } from './mailings';

export const calls = {
  ...systemCalls,
  ...cardsCalls,
  ...searchCalls,
  ...auditCalls,
  ...profileCalls,
  ...criteriaCalls,
  ...usersCalls,
  ...duplicatesCalls,
  ...transferCalls,
  ...timelineCalls,
  ...segmentsCalls,
  ...documentsCalls,
  ...notesCalls,
  ...inboxCalls,
  ...followUpsCalls,
  ...tasksCalls,
  ...plannerCalls,
  ...agendaCalls,
  ...mailCalls,
  ...mailingsCalls,
};

export const events = {
  ...cardsEvents,
  ...usersEvents,
  ...profileEvents,
  ...criteriaEvents,
  ...duplicatesEvents,
  ...transferEvents,
  ...timelineEvents,
  ...segmentsEvents,
  ...documentsEvents,
  ...notesEvents,
  ...inboxEvents,
  ...followUpsEvents,
  ...tasksEvents,
  ...plannerEvents,
  ...agendaEvents,
  ...mailEvents,
  ...mailingsEvents,
};

export type Calls = typeof calls;
export type Method = keyof Calls;
export type Events = typeof events;
export type EventName = keyof Events;

/** What a caller passes (defaults not yet applied). */
export type CallInput<M extends Method> = z.input<Calls[M]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<M extends Method> = z.output<Calls[M]['input']>;
export type CallOutput<M extends Method> = z.output<Calls[M]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export interface ContractEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export * from './errors';

import type { cardsCalls } from '../../../src-shared/contract/cards';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { createPerson, getPerson, updatePerson } from './persons';
import { createInstitution, getInstitution, updateInstitution } from './institutions';
import { listInstitutions, listPersons } from './lists';
import { deleteCard, restoreCard } from './lifecycle';
import { link, unlink, updateLink } from './affiliations';
import { relate, unrelate } from './relations';
import { appendNote } from './append-note';

export const cardsHandlers: Handlers<keyof typeof cardsCalls> = {
  'cards.createPerson': (input, ctx) => {
    const person = createPerson(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('cards.changed', { id: person.id, type: 'person', action: 'created' });
    return person;
  },
  'cards.updatePerson': (input, ctx) => {
    const person = updatePerson(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('cards.changed', { id: person.id, type: 'person', action: 'updated' });
    return person;
  },
  'cards.getPerson': (input, ctx) => getPerson(ctx.db, input.id),
  'cards.listPersons': (input, ctx) => listPersons(ctx.db, input, todayInIstanbul(ctx.now())),
  'cards.createInstitution': (input, ctx) => {
    const institution = createInstitution(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('cards.changed', { id: institution.id, type: 'institution', action: 'created' });
    return institution;
  },
  'cards.updateInstitution': (input, ctx) => {
    const institution = updateInstitution(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('cards.changed', { id: institution.id, type: 'institution', action: 'updated' });
    return institution;
  },
  'cards.getInstitution': (input, ctx) => getInstitution(ctx.db, input.id),
  'cards.listInstitutions': (input, ctx) => listInstitutions(ctx.db, input, todayInIstanbul(ctx.now())),
  'cards.delete': (input, ctx) => {
    const ref = deleteCard(ctx.db, input.id, actingStamp(ctx));
    ctx.events.emit('cards.changed', { ...ref, action: 'deleted' });
    return ref;
  },
  'cards.restore': (input, ctx) => {
    const ref = restoreCard(ctx.db, input.id, actingStamp(ctx));
    ctx.events.emit('cards.changed', { ...ref, action: 'restored' });
    return ref;
  },
  'cards.link': (input, ctx) => {
    const view = link(ctx.db, input, actingStamp(ctx));
    emitLinked(ctx, view.personId, view.institutionId);
    return view;
  },
  'cards.updateLink': (input, ctx) => {
    const view = updateLink(ctx.db, input, actingStamp(ctx));
    emitLinked(ctx, view.personId, view.institutionId);
    return view;
  },
  'cards.unlink': (input, ctx) => {
    const view = unlink(ctx.db, input.id, actingStamp(ctx));
    emitLinked(ctx, view.personId, view.institutionId);
    return { id: view.id };
  },
  'cards.relate': (input, ctx) => {
    const view = relate(ctx.db, input, actingStamp(ctx));
    emitRelated(ctx, input.fromId, input.toId);
    return view;
  },
  'cards.unrelate': (input, ctx) => {
    const row = unrelate(ctx.db, input.id, actingStamp(ctx));
    emitRelated(ctx, row.fromId, row.toId);
    return { id: row.id };
  },
  'cards.appendNote': (input, ctx) => {
    const card = appendNote(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
    return card;
  },
};

function emitLinked(ctx: ServiceContext, personId: string, institutionId: string) {
  ctx.events.emit('cards.changed', { id: personId, type: 'person', action: 'linked' });
  ctx.events.emit('cards.changed', { id: institutionId, type: 'institution', action: 'linked' });
}

function emitRelated(ctx: ServiceContext, fromId: string, toId: string) {
  ctx.events.emit('cards.changed', { id: fromId, type: 'institution', action: 'linked' });
  ctx.events.emit('cards.changed', { id: toId, type: 'institution', action: 'linked' });
}

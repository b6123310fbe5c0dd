import type { profileCalls } from '../../../src-shared/contract/profile';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { loadProfilePerson } from './profile-person';
import { readProfile } from './profile-rows';
import { addItem, removeItem, updateItem } from './items';
import { addRelative, removeRelative } from './relatives';
import { addMeasurement, removeMeasurement, updateMeasurement } from './measurements';

/** A profile list belongs to the person card: its screens (and search) refetch. */
const emitUpdated = (ctx: ServiceContext, personId: string) =>
  ctx.events.emit('cards.changed', { id: personId, type: 'person', action: 'updated' });

/** A relative link shows on both persons' cards. */
function emitLinked(ctx: ServiceContext, row: { personId: string; relativeId: string }) {
  ctx.events.emit('cards.changed', { id: row.personId, type: 'person', action: 'linked' });
  ctx.events.emit('cards.changed', { id: row.relativeId, type: 'person', action: 'linked' });
}

export const profileHandlers: Handlers<keyof typeof profileCalls> = {
  'profile.get': (input, ctx) => {
    loadProfilePerson(ctx.db, input.personId);
    return readProfile(ctx.db, input.personId);
  },
  'profile.addItem': (input, ctx) => {
    const item = addItem(ctx.db, input, actingStamp(ctx));
    emitUpdated(ctx, input.personId);
    return item;
  },
  'profile.updateItem': (input, ctx) => {
    const { personId, ...item } = updateItem(ctx.db, input, actingStamp(ctx));
    emitUpdated(ctx, personId);
    return item;
  },
  'profile.removeItem': (input, ctx) => {
    const { id, personId } = removeItem(ctx.db, input.id, actingStamp(ctx));
    emitUpdated(ctx, personId);
    return { id };
  },
  'profile.addRelative': (input, ctx) => {
    const relative = addRelative(ctx.db, input, actingStamp(ctx));
    emitLinked(ctx, input);
    return relative;
  },
  'profile.removeRelative': (input, ctx) => {
    const row = removeRelative(ctx.db, input.id, actingStamp(ctx));
    emitLinked(ctx, row);
    return { id: row.id };
  },
  'profile.addMeasurement': (input, ctx) => {
    const measurement = addMeasurement(ctx.db, input, actingStamp(ctx));
    emitUpdated(ctx, input.personId);
    return measurement;
  },
  'profile.updateMeasurement': (input, ctx) => {
    const { personId, ...measurement } = updateMeasurement(ctx.db, input, actingStamp(ctx));
    emitUpdated(ctx, personId);
    return measurement;
  },
  'profile.removeMeasurement': (input, ctx) => {
    const { id, personId } = removeMeasurement(ctx.db, input.id, actingStamp(ctx));
    emitUpdated(ctx, personId);
    return { id };
  },
};

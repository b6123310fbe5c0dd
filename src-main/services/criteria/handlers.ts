import type { criteriaCalls } from '../../../src-shared/contract/criteria';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { loadCard } from '../cards/card-rows';
import { deleteCategory, deleteField, listDefinitions, saveCategory, saveField } from './definitions';
import { getValues, setValues } from './values';
import { getTags, listTags, setTags } from './tags';

/** Values and tags are part of the card: every list, search and history on screen refreshes. */
function emitUpdated(ctx: ServiceContext, cardId: string) {
  ctx.events.emit('cards.changed', { id: cardId, type: loadCard(ctx.db, cardId).type, action: 'updated' });
}

// Definition changes emit nothing: the admin page's own mutation refetches what is on screen.
export const criteriaHandlers: Handlers<keyof typeof criteriaCalls> = {
  'criteria.listDefinitions': (input, ctx) => ({
    categories: listDefinitions(ctx.db, input.cardType, input.withCounts),
  }),
  'criteria.saveCategory': (input, ctx) => saveCategory(ctx.db, input, actingStamp(ctx)),
  'criteria.deleteCategory': (input, ctx) => deleteCategory(ctx.db, input.id, actingStamp(ctx)),
  'criteria.saveField': (input, ctx) => saveField(ctx.db, input, actingStamp(ctx)),
  'criteria.deleteField': (input, ctx) => deleteField(ctx.db, input.id, actingStamp(ctx)),
  'criteria.getValues': (input, ctx) => getValues(ctx.db, input.cardId),
  'criteria.setValues': (input, ctx) => {
    const result = setValues(ctx.db, input.cardId, input.values, actingStamp(ctx));
    emitUpdated(ctx, input.cardId);
    return result;
  },
  'criteria.getTags': (input, ctx) => getTags(ctx.db, input.cardId),
  'criteria.setTags': (input, ctx) => {
    const result = setTags(ctx.db, input.cardId, input.tags, actingStamp(ctx));
    emitUpdated(ctx, input.cardId);
    return result;
  },
  'criteria.listTags': (input, ctx) => listTags(ctx.db, input.cardType),
};

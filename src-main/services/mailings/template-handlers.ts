import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listTemplates, removeTemplate, saveTemplate } from './templates';

export const templateHandlers: Handlers<'mail.templates.list' | 'mail.templates.save' | 'mail.templates.remove'> = {
  'mail.templates.list': (input, ctx) => listTemplates(ctx.db, input.channel),
  'mail.templates.save': (input, ctx) => saveTemplate(ctx.db, input, actingStamp(ctx)),
  'mail.templates.remove': (input, ctx) => {
    removeTemplate(ctx.db, input.id, actingStamp(ctx));
    return { ok: true };
  },
};

import type { auditCalls } from '../../../src-shared/contract/audit';
import type { Handlers } from '../handler-types';
import { listAudit } from './audit-log';

export const auditHandlers: Handlers<keyof typeof auditCalls> = {
  'audit.list': (input, ctx) => ({ entries: listAudit(ctx.db, input) }),
};

import type { transferCalls } from '../../../src-shared/contract/transfer';
import type { Handlers } from '../handler-types';

export const transferHandlers: Handlers<keyof typeof transferCalls> = {};

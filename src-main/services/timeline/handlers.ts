import type { timelineCalls } from '../../../src-shared/contract/timeline';
import type { Handlers } from '../handler-types';

export const timelineHandlers: Handlers<keyof typeof timelineCalls> = {};

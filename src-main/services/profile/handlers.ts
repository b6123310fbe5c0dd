import type { profileCalls } from '../../../src-shared/contract/profile';
import type { Handlers } from '../handler-types';

export const profileHandlers: Handlers<keyof typeof profileCalls> = {};

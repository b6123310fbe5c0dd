import type { criteriaCalls } from '../../../src-shared/contract/criteria';
import type { Handlers } from '../handler-types';

export const criteriaHandlers: Handlers<keyof typeof criteriaCalls> = {};

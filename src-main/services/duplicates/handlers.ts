import type { duplicatesCalls } from '../../../src-shared/contract/duplicates';
import type { Handlers } from '../handler-types';

export const duplicatesHandlers: Handlers<keyof typeof duplicatesCalls> = {};

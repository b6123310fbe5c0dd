import type { segmentsCalls } from '../../../src-shared/contract/segments';
import type { Handlers } from '../handler-types';

export const segmentsHandlers: Handlers<keyof typeof segmentsCalls> = {};

import { v7 as uuidv7 } from 'uuid';

/** Globally unique, time-ordered ids: several desks can later be merged without renumbering. */
export const newId = (): string => uuidv7();

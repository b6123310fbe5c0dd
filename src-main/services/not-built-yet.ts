import type { Method } from '../../src-shared/contract';
import { ContractError } from '../../src-shared/contract/errors';
import type { Handlers } from './handler-types';

/** Handlers for calls declared before their service is written: each answers INTERNAL, naming the call. */
export function notBuiltYet<K extends Method>(methods: readonly K[]): Handlers<K> {
  const thrower = (method: string) => () => {
    throw new ContractError('INTERNAL', `${method} henüz hazır değil.`);
  };
  return Object.fromEntries(methods.map((m) => [m, thrower(m)])) as unknown as Handlers<K>;
}

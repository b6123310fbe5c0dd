import type { CallOutput, Method, ParsedInput } from '../../src-shared/contract';
import type { ServiceContext } from '../core/context';

/** A handler gets the parsed input (never raw) and the context; it may return a promise. */
export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
) => CallOutput<M> | Promise<CallOutput<M>>;

export type Handlers<M extends Method = Method> = { [K in M]: Handler<K> };

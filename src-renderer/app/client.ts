import {
  ContractError,
  type CallInput,
  type CallOutput,
  type ContractEvent,
  type Method,
} from '../../src-shared/contract';
import type { Transport } from './transport';

/**
 * The renderer's one way to main. Typed by the contract; errors come back as
 * data from main and are raised here as ContractError (with the stable code).
 */
export interface Client {
  call<M extends Method>(method: M, input: CallInput<M>): Promise<CallOutput<M>>;
  onEvent(listener: (event: ContractEvent) => void, onResync?: () => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw new ContractError(result.error.code, result.error.message, result.error.fields);
      return result.value as CallOutput<typeof method>;
    },
    onEvent: (listener, onResync) => transport.subscribe(listener, onResync),
  };
}

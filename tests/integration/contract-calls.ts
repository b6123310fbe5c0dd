import type { KartotekApp } from '../../src-main/core/app';
import { calls, type CallInput, type CallOutput, type ContractErrorData, type Method } from '../../src-shared/contract';

/**
 * Calls through the contract entry point (the same validation as the hosts) for
 * tests: `call` must succeed and its value must match the contract's output
 * schema; `callError` must fail and returns the error as data.
 */
export function contractCalls(app: () => KartotekApp) {
  async function call<M extends Method>(method: M, input: CallInput<M>): Promise<CallOutput<M>> {
    const result = await app().call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return calls[method].output.parse(result.value) as CallOutput<M>;
  }
  async function callError(method: string, input: unknown): Promise<ContractErrorData> {
    const result = await app().call(method, input);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
    return result.error;
  }
  return { call, callError };
}

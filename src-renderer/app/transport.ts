import type { CallResult, ContractEvent } from '../../src-shared/contract';
import type { PreloadBridge } from '../../src-shared/contract/bridge';

/**
 * How the client reaches main. Two exist (Electron IPC, HTTP on the web host);
 * everything above this interface is the same on both.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(listener: (event: ContractEvent) => void): () => void;
}

declare global {
  interface Window {
    kartotek?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { call: (method, input) => bridge.call(method, input), subscribe: (listener) => bridge.onEvent(listener) };
}

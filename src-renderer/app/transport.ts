import type { CallResult, ContractEvent } from '../../src-shared/contract';
import type { PreloadBridge } from '../../src-shared/contract/bridge';

/**
 * How the client reaches main. Two exist (Electron IPC, HTTP on the web host);
 * everything above this interface is the same on both.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  /**
   * Events from main. `onResync` is called when events may have been missed
   * (the push channel dropped and came back): whatever is on screen is stale.
   */
  subscribe(listener: (event: ContractEvent) => void, onResync?: () => void): () => void;
}

declare global {
  interface Window {
    kartotek?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { call: (method, input) => bridge.call(method, input), subscribe: (listener) => bridge.onEvent(listener) };
}

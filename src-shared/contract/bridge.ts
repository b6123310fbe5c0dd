import type { CallResult, ContractEvent } from './index';

/**
 * What the Electron preload exposes on window.kartotek: two functions, never
 * ipcRenderer itself. Main implements it (src-main/host/preload.ts), the
 * renderer's IPC transport consumes it.
 */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  onEvent(listener: (event: ContractEvent) => void): () => void;
}

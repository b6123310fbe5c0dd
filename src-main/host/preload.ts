/**
 * The preload: the renderer's only door to main. It exposes exactly two functions
 * on window.kartotek and never ipcRenderer itself (which would let a compromised
 * page send to any channel). Bundled to dist/main/preload.cjs: sandboxed preloads
 * cannot be ES modules and can require only 'electron', so this file imports
 * nothing else at run time.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallResult, ContractEvent } from '../../src-shared/contract';
import type { PreloadBridge } from '../../src-shared/contract/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';

const bridge = {
  call(method: string, input: unknown): Promise<CallResult<unknown>> {
    if (typeof method !== 'string') {
      // Errors travel as data, as from main.
      return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: 'Çağrı adı bir metin olmalı.' } });
    }
    return ipcRenderer.invoke(CALL_CHANNEL, method, input) as Promise<CallResult<unknown>>;
  },
  onEvent(listener: (event: ContractEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    // Only the payload reaches the page: the IPC event object carries `sender`.
    const forward = (_event: IpcRendererEvent, data: ContractEvent) => listener(data);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('kartotek', bridge);

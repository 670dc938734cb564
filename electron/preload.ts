/**
 * The one bridge into the sandboxed renderer: `window.opsdeck.call(method, input)` for the
 * contract's methods only, and `on(listener)` for its events. No ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethod } from '../shared/api';
import { eventNames } from '../shared/events';
import type { Bridge } from '../shared/wire';

const CALL_CHANNEL = 'opsdeck:call';
const EVENT_CHANNEL = 'opsdeck:event';
const knownEvents = new Set<string>(eventNames);

const bridge: Bridge = {
  call(method, input) {
    if (!isMethod(method))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown request "${String(method)}".` } });
    return ipcRenderer.invoke(CALL_CHANNEL, method, input) as ReturnType<Bridge['call']>;
  },
  on(listener) {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string' && knownEvents.has(name)) listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.off(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('opsdeck', bridge);

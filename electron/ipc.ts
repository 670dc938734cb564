/**
 * Door 1: Electron IPC. One channel for calls, one for events. Every call is checked to come from
 * our own window's top frame on app://opsdeck before the core (which parses the input) sees it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../shared/model';
import type { Core } from './core/api';
import { APP_ORIGIN } from './window';

export const CALL_CHANNEL = 'opsdeck:call';
export const EVENT_CHANNEL = 'opsdeck:event';

function trustedSender(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === win.webContents && frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function wireIpc(core: Core, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const win = getWindow();
    if (!win || !trustedSender(event, win))
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from the OpsDeck window.' } };
    return core.call(method, input);
  });
  const unsubscribe = core.onEvent((name, payload) => getWindow()?.webContents.send(EVENT_CHANNEL, name, payload));
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}

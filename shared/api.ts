/**
 * The contract: every request OpsDeck answers, with its input schema and output schema, gathered
 * from one file per area under shared/contract/. electron/core/api.ts implements it once; Electron
 * IPC, the browser host's WebSocket and the CLI all go through the same dispatcher, which parses
 * every input with these schemas first.
 */
import type { z } from 'zod';
import { checksContract } from './contract/checks';
import { inventoryContract } from './contract/inventory';
import { terminalsContract } from './contract/terminals';
import { mapContract } from './contract/map';
import { transferContract } from './contract/transfer';
import type { EventName, EventPayload } from './events';

export const api = {
  ...inventoryContract,
  ...checksContract,
  ...transferContract,
  ...terminalsContract,
  ...mapContract,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const methods = Object.keys(api) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The typed client every door hands the renderer (and tests): call(method, input) -> output. */
export interface Client {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Messages on the browser host's WebSocket and the Electron bridge. Both doors carry the same
 * shapes so the renderer's client code is one implementation with two transports.
 */
import type { ApiError, Result } from './model';

export interface WireRequest {
  id: number;
  method: string;
  input: unknown;
}
export interface WireResponse {
  id: number;
  result: Result<unknown>;
}
export interface WireEvent {
  event: string;
  payload: unknown;
}
export type ServerMessage = WireResponse | WireEvent;

/** What `window.opsdeck` looks like in Electron (the preload's one bridge). */
export interface Bridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

/** The error a client throws when a call fails: same code, message and field as the core's. */
export class ApiFailure extends Error {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.code = error.code;
    this.field = error.field;
  }
}

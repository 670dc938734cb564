/** Terminals: interactive shells over SSH with flow control, broadcast, snippets and recordings. */
export { terminalService, TerminalService, TERM, ABANDON_AFTER_MS } from './service';
export { FlowLedger, HIGH_WATERMARK, LOW_WATERMARK, MAX_INFLIGHT_EVENTS } from './flow';
export { castHeader, castLine, parseCastEvents, parseCastHeader, type CastEvent, type CastHeader } from './cast';
export { looksLikeSecretPrompt, starInput } from './redact';
export { Recorder, MAX_RECORDING_BYTES } from './recorder';

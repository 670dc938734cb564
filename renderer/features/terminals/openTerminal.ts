/**
 * The terminals feature's public entry for other features: `openTerminal(hostName)` opens a
 * terminal to a vault host in a new tab and shows the terminals screen (the connection starts once
 * the pane is on screen, asking about an unknown host key there). `OpenTerminalButton` is the same
 * as a ready-made button.
 */
export { MAX_TERMINALS_AT_ONCE, openTerminal, openTerminals } from './actions';
export { OpenTerminalButton } from './OpenTerminalButton';

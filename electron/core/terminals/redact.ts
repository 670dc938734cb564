/**
 * Keeps typed secrets out of recordings. A pty with echo off (a sudo or ssh password prompt) does
 * not tell the client it is off, so we go by what the user sees: while the last output line looks
 * like a secret prompt, the keys typed are recorded as "*" until Enter. A heuristic, on purpose on
 * the generous side: a starred command costs little, a recorded password a lot.
 */
// CSI/OSC/other escape sequences, so colour codes in a prompt do not hide it.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const SECRET_PROMPT = /(pass(word|phrase|code)?|pin|otp|token|secret|verification code|one-time)[^\n]{0,60}[:?]\s*$/i;

export function lastLine(output: string): string {
  const clean = output.replace(ESCAPES, '');
  const i = Math.max(clean.lastIndexOf('\n'), clean.lastIndexOf('\r'));
  return clean.slice(i + 1);
}

export function looksLikeSecretPrompt(output: string): boolean {
  return SECRET_PROMPT.test(lastLine(output).slice(-200));
}

/** Input under a secret prompt: every character starred except line ends (which end the secret). */
export function starInput(data: string): { text: string; ended: boolean } {
  const end = data.search(/[\r\n]/);
  if (end < 0) return { text: '*'.repeat(data.length), ended: false };
  return { text: '*'.repeat(end) + data.slice(end), ended: true };
}

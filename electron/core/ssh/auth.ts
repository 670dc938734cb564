/**
 * Credentials for one SSH endpoint and the ssh2 auth handler built from them. Auth runs in the
 * order given, skipping methods the server does not offer, and never starts with the `none` probe
 * (one round trip saved per connection). Private keys are decrypted here, up front, so a wrong
 * passphrase is reported as such instead of ssh2's silent "skipping invalid key".
 */
import ssh2 from 'ssh2';
import type { AnyAuthMethod, AuthHandlerMiddleware, KeyboardInteractiveCallback, ParsedKey, Prompt } from 'ssh2';
import { SshError } from './errors';

export interface KeyboardInteractiveChallenge {
  name: string;
  instructions: string;
  prompts: { prompt: string; echo: boolean }[];
}
/** Answers prompts a password cannot (OTP codes): the UI asks the user. Resolve one answer per prompt. */
export type KeyboardInteractiveResponder = (challenge: KeyboardInteractiveChallenge) => Promise<string[]>;

export type SshAuth =
  | { type: 'key'; privateKey: string | Buffer; passphrase?: string }
  | { type: 'password'; password: string }
  /** The user's agent; `socket` defaults to SSH_AUTH_SOCK. Agent forwarding is never requested. */
  | { type: 'agent'; socket?: string }
  /** Password prompts are answered with `password`; anything else goes to `respond` (or gets ""). */
  | { type: 'keyboard-interactive'; password?: string; respond?: KeyboardInteractiveResponder };

/** Decrypt a private key now. Throws AUTH_FAILED with a message that never includes the key or passphrase. */
export function loadPrivateKey(privateKey: string | Buffer, passphrase: string | undefined, label: string): ParsedKey {
  const key = ssh2.utils.parseKey(privateKey, passphrase);
  if (key instanceof Error) {
    const reason = key.message;
    const why = /passphrase|decrypt|encrypted/i.test(reason)
      ? passphrase
        ? 'the passphrase does not decrypt it'
        : 'it is encrypted and no passphrase was given'
      : 'it is not a private key ssh2 understands';
    throw new SshError('AUTH_FAILED', `${label}: cannot use the private key: ${why}`);
  }
  if (!key.isPrivateKey()) throw new SshError('AUTH_FAILED', `${label}: the key given is a public key, not a private key`);
  return key;
}

const looksLikePassword = (p: string) => /pass(word|code|phrase)?|kennwort|mot de passe|contrase|senha/i.test(p);

function kbdPrompt(password: string | undefined, respond: KeyboardInteractiveResponder | undefined) {
  return (name: string, instructions: string, _lang: string, prompts: Prompt[], finish: KeyboardInteractiveCallback) => {
    const list = prompts.map((p) => ({ prompt: p.prompt, echo: p.echo ?? false }));
    // Servers may send an empty round (info only); it still needs an (empty) answer.
    if (list.length === 0) return finish([]);
    const canAnswer = password !== undefined && list.every((p) => looksLikePassword(p.prompt) && !p.echo);
    if (canAnswer) return finish(list.map(() => password));
    if (respond) {
      respond({ name, instructions, prompts: list }).then(finish, () => finish(list.map(() => '')));
      return;
    }
    finish(list.map((p) => (password !== undefined && looksLikePassword(p.prompt) ? password : '')));
  };
}

function toMethods(username: string, auth: SshAuth, label: string): AnyAuthMethod[] {
  switch (auth.type) {
    case 'key':
      return [{ type: 'publickey', username, key: loadPrivateKey(auth.privateKey, auth.passphrase, label) }];
    case 'password':
      // Many servers disable "password" but take the same password over keyboard-interactive.
      return [
        { type: 'password', username, password: auth.password },
        { type: 'keyboard-interactive', username, prompt: kbdPrompt(auth.password, undefined) },
      ];
    case 'agent': {
      const socket = auth.socket ?? process.env.SSH_AUTH_SOCK;
      if (!socket)
        throw new SshError(
          'AUTH_FAILED',
          `${label}: agent authentication requested but no SSH agent is running (SSH_AUTH_SOCK is not set)`,
        );
      return [{ type: 'agent', username, agent: socket }];
    }
    case 'keyboard-interactive':
      return [{ type: 'keyboard-interactive', username, prompt: kbdPrompt(auth.password, auth.respond) }];
  }
}

/** Build ssh2's authHandler: our methods in order, each tried only if the server still offers it. */
export function buildAuthHandler(username: string, auths: readonly SshAuth[], label: string): AuthHandlerMiddleware {
  if (auths.length === 0) throw new SshError('AUTH_FAILED', `${label}: no credential configured`);
  // "agent" is our word; on the wire an agent signs a publickey request.
  const queue = auths
    .flatMap((a) => toMethods(username, a, label))
    .map((m) => ({ m, wire: m.type === 'agent' ? ('publickey' as const) : m.type }));
  let i = 0;
  return (methodsLeft, _partial, next) => {
    while (i < queue.length) {
      const item = queue[i++]!;
      // methodsLeft is null before the first attempt: try our first method right away (no `none` probe).
      if (!methodsLeft || methodsLeft.includes(item.wire)) return next(item.m);
    }
    // ssh2 takes `false` as "no more methods" (its typings only list method names and objects).
    (next as unknown as (m: false) => void)(false);
  };
}

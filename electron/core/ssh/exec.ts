/**
 * Run a script on a host: the script goes over stdin to `/bin/sh -s` on one session channel, its
 * arguments are POSIX-quoted positional parameters, and the command line itself is a fixed
 * `/bin/sh -c '...'` so the user's login shell (bash, zsh, fish...) only ever parses one quoted word.
 *
 * Privilege: `sudo -n` never reads stdin, so the script can follow at once. With a sudo password we
 * speak only when sudo itself asks: its prompt is a random marker we recognise on stderr, and the
 * script is sent only after a second marker proves the root shell started. The password therefore
 * never reaches argv, the environment, or the remote shell's input (where a NOPASSWD rule or a
 * cached sudo timestamp would otherwise make the shell execute it as a command).
 */
import { randomBytes } from 'node:crypto';
import type { Client, ClientChannel } from 'ssh2';
import { cleanText, SshError } from './errors';
import { shJoin, shQuote } from './quote';

export type Become =
  | { mode: 'none' }
  /** sudo -n: fails if sudo would need a password. */
  | { mode: 'sudo'; password?: undefined }
  /** sudo -S: the password is sent only in answer to sudo's own prompt. */
  | { mode: 'sudo'; password: string }
  /** Root if we are, else sudo -n if allowed, else unprivileged; ExecResult.privilege says which. */
  | { mode: 'auto' };

export interface ExecOptions {
  /** Positional parameters ($1, $2, ...) for the script. */
  args?: readonly string[];
  become?: Become;
  /** Whole run, from channel open to exit. Default 120 s. */
  timeoutMs?: number;
  /** stdout + stderr bytes kept; past it the command is killed and `truncated` is set. Default 16 MiB. */
  maxOutputBytes?: number;
  /** For messages ("web1 (198.18.0.11:22)"). */
  label?: string;
}

export interface ExecResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timedOut: boolean;
  durationMs: number;
  /** How the script ran: root login, via sudo, or as the (unprivileged) login user. */
  privilege: 'root' | 'sudo' | 'user';
  /** $SSH_CONNECTION as the host saw our session: "clientIp clientPort serverIp serverPort". */
  sshConnection: string | null;
}

export const DEFAULT_EXEC_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

interface Plan {
  command: string;
  marker: string;
  prompt: string | null;
}

/** Build the one-line command for a mode. Exported for tests: it must stay a single quoted word. */
export function buildCommand(become: Become, args: readonly string[], nonce: string): Plan {
  const marker = `OPSDECK-${nonce}`;
  const sh = `/bin/sh -s --${args.length ? ` ${shJoin(args)}` : ''}`;
  // Under sudo the marker is printed by the root shell, so seeing it proves sudo let us in.
  const inner = shQuote('m=$1; shift; printf "%s\\n" "$m"; exec /bin/sh -s -- "$@"');
  const viaSudo = (flags: string) =>
    `exec sudo ${flags} -- /bin/sh -c ${inner} sh "${marker} sudo $SSH_CONNECTION"${args.length ? ` ${shJoin(args)}` : ''}`;
  const plain = (priv: string) => `printf "%s\\n" "${marker} ${priv} $SSH_CONNECTION"; exec ${sh}`;
  let ladder: string;
  let prompt: string | null = null;
  switch (become.mode) {
    case 'none':
      ladder = `if [ "$(id -u)" = 0 ]; then p=root; else p=user; fi; printf "%s\\n" "${marker} $p $SSH_CONNECTION"; exec ${sh}`;
      break;
    case 'auto':
      ladder =
        `if [ "$(id -u)" = 0 ]; then ${plain('root')}; fi; ` +
        `if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then ${viaSudo('-n')}; fi; ${plain('user')}`;
      break;
    case 'sudo':
      if (become.password === undefined) ladder = viaSudo('-n');
      else {
        prompt = `[opsdeck-sudo-${nonce}]`;
        ladder = viaSudo(`-S -p ${shQuote(prompt)}`);
      }
      break;
  }
  return { command: `/bin/sh -c ${shQuote(ladder)}`, marker, prompt };
}

const decoder = () => new TextDecoder('utf-8', { fatal: false });

export function execScript(client: Client, script: string, opts: ExecOptions = {}): Promise<ExecResult> {
  const label = opts.label ?? 'host';
  const become = opts.become ?? { mode: 'none' };
  const plan = buildCommand(become, opts.args ?? [], randomBytes(8).toString('hex'));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const started = Date.now();

  return new Promise<ExecResult>((resolve, reject) => {
    let channel: ClientChannel | null = null;
    let pre = Buffer.alloc(0); // stdout before the marker line (login-shell noise, then the marker)
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errText = ''; // stderr so far, only while waiting for sudo's prompt
    let bytes = 0;
    let shellStarted = false; // marker seen: the script's shell is running
    let privilege: ExecResult['privilege'] = 'user';
    let sshConnection: string | null = null;
    let exitCode: number | null = null;
    let signal: string | null = null;
    let truncated = false;
    let timedOut = false;
    let answered = 0;
    let done = false;

    const finish = (e: SshError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (e) return reject(e);
      resolve({
        exitCode,
        signal,
        stdout: decoder().decode(Buffer.concat(out)),
        stderr: decoder().decode(Buffer.concat(err)),
        truncated,
        timedOut,
        durationMs: Date.now() - started,
        privilege,
        sshConnection,
      });
    };
    const kill = () => {
      if (!channel) return;
      try {
        channel.signal('KILL');
      } catch {
        /* servers without signal support: closing the channel hangs up the session anyway */
      }
      channel.close();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (!channel) finish(new SshError('TIMEOUT', `${label}: could not open a session within ${Math.round(timeoutMs / 1000)} s`));
      else kill();
    }, timeoutMs);

    const keep = (sink: Buffer[], chunk: Buffer) => {
      if (truncated) return;
      const room = cap - bytes;
      if (chunk.length > room) {
        sink.push(chunk.subarray(0, room));
        bytes = cap;
        truncated = true;
        kill();
        return;
      }
      bytes += chunk.length;
      sink.push(chunk);
    };

    const sendScript = () => {
      channel?.end(script.endsWith('\n') ? script : `${script}\n`);
    };

    const onStdout = (chunk: Buffer) => {
      if (shellStarted) return keep(out, chunk);
      pre = Buffer.concat([pre, chunk]);
      const at = pre.indexOf(plan.marker);
      const nl = at >= 0 ? pre.indexOf(0x0a, at) : -1;
      if (nl < 0) {
        if (pre.length > 65536) pre = pre.subarray(pre.length - 1024); // noisy login scripts: keep the tail only
        return;
      }
      const fields = pre
        .subarray(at + plan.marker.length, nl)
        .toString('utf8')
        .trim()
        .split(/\s+/);
      const priv = fields[0];
      privilege = priv === 'root' || priv === 'sudo' ? priv : 'user';
      sshConnection = fields.length >= 5 ? fields.slice(1, 5).join(' ') : null;
      shellStarted = true;
      if (plan.prompt) sendScript(); // with a sudo password, the script waits for proof of the root shell
      const rest = pre.subarray(nl + 1);
      pre = Buffer.alloc(0);
      if (rest.length) keep(out, rest);
    };

    const onStderr = (chunk: Buffer) => {
      if (shellStarted || !plan.prompt) return keep(err, chunk);
      errText += chunk.toString('utf8');
      // Count prompts: a second one means sudo rejected the first answer.
      const prompts = errText.split(plan.prompt).length - 1;
      if (prompts > answered) {
        if (answered >= 1) {
          kill();
          return finish(new SshError('AUTH_FAILED', `${label}: sudo did not accept the password`));
        }
        answered++;
        channel?.write(`${(become as { password: string }).password}\n`);
      }
      if (errText.length > 65536) errText = errText.slice(-4096);
    };

    try {
      client.exec(plan.command, (e, ch) => {
        if (e) return finish(new SshError('COMMAND_FAILED', `${label}: could not start a session (${cleanText(e.message, 120)})`));
        if (done) {
          ch.close();
          return;
        }
        channel = ch;
        ch.on('data', onStdout);
        ch.stderr.on('data', onStderr);
        ch.on('exit', (code: number | null, sig?: string) => {
          exitCode = typeof code === 'number' ? code : null;
          signal = sig ?? null;
        });
        ch.on('close', () => {
          if (timedOut || truncated) return finish(null);
          if (!shellStarted) {
            const why = cleanText(decoder().decode(Buffer.concat(err)) || errText).split(/(?<=\.)\s|\n/)[0] ?? '';
            if (become.mode === 'sudo' || become.mode === 'auto') {
              const needsPw = /password is required|a terminal is required/i.test(why);
              return finish(
                new SshError(
                  'COMMAND_FAILED',
                  needsPw
                    ? `${label}: sudo needs a password for this user (store a sudo password, or allow NOPASSWD)`
                    : `${label}: sudo refused${why ? `: ${why}` : ''}`,
                ),
              );
            }
            if (exitCode === null) return finish(new SshError('UNREACHABLE', `${label}: the connection closed before the command started`));
            return finish(new SshError('COMMAND_FAILED', `${label}: /bin/sh could not be started${why ? `: ${why}` : ''}`));
          }
          if (exitCode === null && signal === null)
            return finish(new SshError('UNREACHABLE', `${label}: the connection was lost while the command ran`));
          finish(null);
        });
        // sudo -n and plain sh never read stdin before the script, so it can follow immediately.
        if (!plan.prompt) sendScript();
      });
    } catch (e) {
      finish(
        new SshError('UNREACHABLE', `${label}: the connection is closed (${cleanText(e instanceof Error ? e.message : String(e), 120)})`),
      );
    }
  });
}

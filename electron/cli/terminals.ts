/**
 * `opsdeck ssh NAME`: an interactive shell on a vault host from the command line, through the same
 * core as the app (vault credentials and jump hosts, host keys trusted in the vault, flow control,
 * recording when it is on). The local terminal runs raw, like `ssh`: keys go to the remote side as
 * typed, window size changes follow, and "Enter ~ ." disconnects.
 */
import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import type { Command } from 'commander';
import type { OpenResult } from '../../shared/contract/terminals';
import type { EventPayload } from '../../shared/events';
import { OpsError } from '../../shared/model';
import type { Core } from '../core/api';
import { terminalService } from '../core/terminals';
import { EXIT } from './exit-codes';
import { withUnlocked, type GlobalOptions } from './session';

function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) return Promise.resolve('');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    rl.question(question, (a) => {
      rl.close();
      resolve(a.trim().toLowerCase());
    });
  });
}

/** Open, asking about unknown host keys the way `ssh` does (or trusting them with --accept-new). */
async function open(core: Core, host: string, acceptNew: boolean): Promise<Extract<OpenResult, { status: 'open' }>> {
  const size = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const trust: string[] = [];
  for (;;) {
    const r = await core.invoke('terminals.open', { host, ...size, trust });
    if (r.status === 'open') return r;
    if (r.status === 'failed') throw new OpsError('INTERNAL', r.message);
    const q = r.question;
    if (!acceptNew) {
      process.stderr.write(
        `The authenticity of ${q.hop} (${q.address}:${q.port}) can't be established.\n${q.keyType} key fingerprint is ${q.fingerprint}.\n`,
      );
      const answer = await ask('Trust this key and keep it in the vault (yes/no)? ');
      if (answer !== 'yes')
        throw new OpsError('VALIDATION', `Host key of ${q.hop} not trusted (use --accept-new to trust new keys without asking).`);
    }
    if (trust.includes(q.fingerprint))
      throw new OpsError('INTERNAL', `${q.hop}: the host key was trusted but the server did not present it again.`);
    trust.push(q.fingerprint);
  }
}

/**
 * OpenSSH's escape character: "~." at the start of a line hangs up, "~~" sends one "~", any other
 * "~x" is sent as typed. Keys may arrive one by one or several at once (a paste), so it is a small
 * state machine over characters.
 */
export class EscapeReader {
  private lineStart = true;
  private tilde = false;

  feed(text: string): { send: string; hangUp: boolean } {
    let send = '';
    for (const ch of text) {
      if (this.tilde) {
        this.tilde = false;
        if (ch === '.') return { send, hangUp: true };
        send += ch === '~' ? '~' : `~${ch}`;
      } else if (this.lineStart && ch === '~') {
        this.tilde = true;
        continue;
      } else send += ch;
      this.lineStart = ch === '\r' || ch === '\n';
    }
    return { send, hangUp: false };
  }
}

/** Pump the session between the local TTY and the core until it ends; resolves with the exit code. */
function pump(core: Core, id: string): Promise<number> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const raw = stdin.isTTY;
    const decoder = new StringDecoder('utf8');
    const escape = new EscapeReader();
    const quiet = () => undefined;
    const onInput = (buf: Buffer) => {
      const { send: text, hangUp } = escape.feed(decoder.write(buf));
      if (text) void core.invoke('terminals.input', { ids: [id], data: text }).catch(quiet);
      if (hangUp) void core.invoke('terminals.close', { id }).catch(quiet);
    };
    const onResize = () => {
      void core.invoke('terminals.resize', { id, cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 }).catch(quiet);
    };
    const off = core.onEvent((event, payload) => {
      if (event === 'terminal.data') {
        const p = payload as EventPayload<'terminal.data'>;
        // The write callback is our flow control: ack once the local terminal has taken the bytes.
        if (p.id !== id) return;
        if (p.skipped)
          process.stdout.write(`\r\n\x1b[2m── ${Math.ceil(p.skipped / 1024)} KiB of output skipped after the interrupt ──\x1b[0m\r\n`);
        process.stdout.write(Buffer.from(p.data, 'base64'), () => void core.invoke('terminals.ack', { id, seq: p.seq }).catch(quiet));
      } else if (event === 'terminal.closed') {
        const p = payload as EventPayload<'terminal.closed'>;
        if (p.id !== id) return;
        off();
        stdin.off('data', onInput);
        process.stdout.off('resize', onResize);
        if (raw) stdin.setRawMode(false);
        stdin.pause();
        if (p.reason === 'dropped' || p.reason === 'abandoned') process.stderr.write(`\r\nopsdeck: ${p.message ?? 'connection lost'}\n`);
        else if (p.reason === 'closed') process.stderr.write('\r\nConnection closed.\n');
        resolve(p.reason === 'exit' ? (p.exitCode ?? (p.signal ? 255 : 0)) : 255);
      }
    });
    if (raw) stdin.setRawMode(true);
    stdin.on('data', onInput);
    stdin.resume();
    process.stdout.on('resize', onResize);
  });
}

export function registerTerminalCommands(program: Command, global: () => GlobalOptions): void {
  program
    .command('ssh <host>')
    .description('interactive shell on a vault host (its credential, jump hosts and trusted keys); Enter ~ . disconnects')
    .option('--accept-new', 'trust the host key if this is the first connection (changed keys are never accepted)')
    .action(async (host: string, flags: { acceptNew?: boolean }) => {
      const code = await withUnlocked(global(), async (core) => {
        // The idle lock is for an unattended window; here the user is in the session (and
        // recordings need the vault open until the end).
        core.idleMinutes = null;
        try {
          const r = await open(core, host, flags.acceptNew === true);
          return await pump(core, r.session.id);
        } finally {
          await terminalService(core).shutdown();
        }
      });
      if (code !== EXIT.ok) process.exitCode = code;
    });
}

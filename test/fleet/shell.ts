/**
 * Runs the harness's shell scripts (test/fleet/sh/) and turns a failure into a LabError that says
 * which step and host failed and why (the script's last stderr lines).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SH_DIR } from './config';
import { LabError } from './types';

export interface ScriptOptions {
  dir: string;
  step: string;
  host?: string;
  /** Receives the script's progress lines (its stderr). */
  log?: (line: string) => void;
  /** The caller holds the lab lock, so the script must not take it again. */
  locked?: boolean;
}

export function runScript(script: string, args: string[], opts: ScriptOptions): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [join(SH_DIR, script), ...args], {
      env: { ...process.env, OPSDECK_FLEET_DIR: opts.dir, OPSDECK_FLEET_LOCKED: opts.locked ? '1' : '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const tail: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        opts.log?.(line);
        tail.push(line);
        if (tail.length > 15) tail.shift();
      }
    });
    child.on('error', (err) => reject(new LabError(opts.step, err.message, opts.host)));
    child.on('close', (code, signal) => {
      if (partial) tail.push(partial);
      if (code === 0) return resolvePromise(stdout);
      const why = tail.slice(-10).join('\n').trim() || '(no output)';
      reject(new LabError(opts.step, `${script} exited ${code ?? signal}:\n${why}`, opts.host));
    });
  });
}

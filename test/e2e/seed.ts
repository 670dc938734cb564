/**
 * Fills a vault with a realistic inventory through the browser host's own WebSocket API, from
 * inside the page (same origin, same cookie), so screenshots show a lived-in app without
 * spending a minute clicking through forms the other specs already cover.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Input, Method } from '../../shared/api';

interface Call {
  method: Method;
  input: Input<Method>;
}

function call<M extends Method>(method: M, input: Input<M>): Call {
  return { method, input };
}

/** Sends the calls in order over one socket; throws with the core's message if one fails. */
async function send(page: Page, calls: Call[]): Promise<void> {
  await page.evaluate(async (list) => {
    const ws = new WebSocket(`ws://${location.host}/api`);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = () => reject(new Error('seed: cannot open the API socket'));
    });
    let id = 1000;
    for (const c of list) {
      const requestId = id++;
      const result = await new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
        const onMessage = (e: MessageEvent<string>) => {
          const msg = JSON.parse(e.data) as { id?: number; result?: { ok: boolean; error?: { message: string } } };
          if (msg.id === requestId && msg.result) {
            ws.removeEventListener('message', onMessage);
            resolve(msg.result);
          }
        };
        ws.addEventListener('message', onMessage);
        ws.send(JSON.stringify({ id: requestId, method: c.method, input: c.input }));
      });
      if (!result.ok) throw new Error(`seed: ${c.method} failed: ${result.error?.message ?? 'unknown error'}`);
    }
    ws.close();
  }, calls);
}

export async function seedInventory(page: Page, dir: string): Promise<void> {
  const keyPath = join(dir, 'deploy_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deploy@opsdeck', '-f', keyPath]);
  const legacyPath = join(dir, 'legacy_rsa');
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', 'legacy pass', '-C', 'legacy@old-ci', '-f', legacyPath]);

  const host = (name: string, address: string, rest: Partial<Input<'hosts.add'>> = {}) => call('hosts.add', { name, address, ...rest });
  const viaBastion = { jumpHost: 'bastion-fra1', credential: 'deploy-key', user: 'deploy' };

  await send(page, [
    call('credentials.add', { kind: 'private-key', name: 'deploy-key', privateKey: readFileSync(keyPath, 'utf8') }),
    call('credentials.add', { kind: 'private-key', name: 'legacy-ci', path: legacyPath, passphrase: 'legacy pass' }),
    call('credentials.add', { kind: 'password', name: 'db-admin', password: 'correct-db-password' }),
    call('groups.add', { name: 'production', description: 'Customer-facing systems in fra1' }),
    call('groups.add', { name: 'data', description: 'Databases and caches' }),
    call('groups.add', { name: 'staging', description: 'Pre-release copies of production' }),
    call('groups.add', { name: 'edge', description: 'Reachable from the internet' }),
    host('bastion-fra1', '203.0.113.10', {
      user: 'ops',
      credential: 'deploy-key',
      tags: ['prod', 'role:bastion', 'dc=fra1'],
      groups: ['edge'],
    }),
    host('web-1', '10.20.1.11', { ...viaBastion, tags: ['prod', 'role:web', 'dc=fra1'], groups: ['production', 'edge'] }),
    host('web-2', '10.20.1.12', { ...viaBastion, tags: ['prod', 'role:web', 'dc=fra1'], groups: ['production', 'edge'] }),
    host('app-1', '10.20.2.21', { ...viaBastion, tags: ['prod', 'role:app'], groups: ['production'] }),
    host('app-2', '10.20.2.22', { ...viaBastion, tags: ['prod', 'role:app'], groups: ['production'] }),
    host('db-primary', '10.20.3.31', {
      jumpHost: 'bastion-fra1',
      user: 'postgres',
      auth: 'password',
      credential: 'db-admin',
      tags: ['prod', 'role:db'],
      groups: ['production', 'data'],
      notes: 'PostgreSQL 15 primary. Failover runbook in the wiki.',
    }),
    host('db-replica', '10.20.3.32', {
      jumpHost: 'bastion-fra1',
      user: 'postgres',
      auth: 'password',
      credential: 'db-admin',
      tags: ['prod', 'role:db'],
      groups: ['production', 'data'],
    }),
    host('redis-1', '10.20.3.41', { jumpHost: 'bastion-fra1', user: 'ops', auth: 'agent', tags: ['prod', 'role:cache'], groups: ['data'] }),
    host('staging-web', '10.30.1.11', {
      port: 2222,
      user: 'ubuntu',
      credential: 'deploy-key',
      tags: ['staging', 'role:web'],
      groups: ['staging'],
    }),
    host('staging-db', '10.30.3.31', {
      user: 'ubuntu',
      credential: 'deploy-key',
      tags: ['staging', 'role:db'],
      groups: ['staging', 'data'],
    }),
    host('ci-runner-01', 'ci-runner-01.build.internal', { user: 'gitlab-runner', credential: 'legacy-ci', tags: ['ci'] }),
    host('monitoring', '2001:db8::42', { user: 'ops', auth: 'agent', tags: ['role:monitoring'] }),
  ]);
}

/**
 * Applies roles to hosts: one bash script per host, sent as root over ssh stdin. The script is
 * the lab's addresses as variables, the files in roles/files/ (base64, unpacked to $FLEET_FILES),
 * roles/common.sh, then roles/<role>.sh. Output goes to state/<host>/role.log.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NET, ROLES_DIR, roleAddress, type PlannedHost } from './config';
import { sshExec, type SshKeys } from './ssh';
import { LabError } from './types';

const ROLE_TIMEOUT_MS = 600_000;

export function rolePayload(host: PlannedHost, plan: PlannedHost[]): string {
  const vars: Record<string, string> = {
    HOST: host.name,
    ROLE: host.role,
    MY_IP: host.address,
    WEB_IP: roleAddress(plan, 'web'),
    APP_IP: roleAddress(plan, 'app'),
    DB_IP: roleAddress(plan, 'db'),
    CACHE_IP: roleAddress(plan, 'cache'),
    LAB_NET: `${NET.subnet}.0/${NET.prefixLen}`,
  };
  const out = ['#!/bin/bash', ...Object.entries(vars).map(([k, v]) => `${k}='${v}'`)];
  out.push('FLEET_FILES=$(mktemp -d)', `trap 'rm -rf "$FLEET_FILES"' EXIT`);
  const filesDir = join(ROLES_DIR, 'files');
  for (const f of readdirSync(filesDir).sort()) {
    const b64 = readFileSync(join(filesDir, f))
      .toString('base64')
      .replace(/.{1,76}/g, '$&\n');
    out.push(`base64 -d > "$FLEET_FILES/${f}" <<'FLEET_B64'`, b64 + 'FLEET_B64');
  }
  out.push(readFileSync(join(ROLES_DIR, 'common.sh'), 'utf8'));
  out.push(readFileSync(join(ROLES_DIR, `${host.role}.sh`), 'utf8'));
  return out.join('\n') + '\n';
}

export async function applyRole(keys: SshKeys, host: PlannedHost, plan: PlannedHost[], logFile: string): Promise<void> {
  const r = await sshExec(keys, host, rolePayload(host, plan), { user: 'root', timeoutMs: ROLE_TIMEOUT_MS });
  writeFileSync(logFile, r.stdout + (r.stderr ? `\n--- stderr\n${r.stderr}` : ''));
  if (r.code !== 0) {
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-8).join('\n');
    throw new LabError(`role ${host.role}`, `exit ${r.code} (log: ${logFile})\n${tail}`, host.name);
  }
}

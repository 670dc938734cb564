/**
 * What the e2e specs that run against the real test fleet share (`npm run lab:up`; they never start
 * or stop it): the lab's running hosts, a typed API call made from inside the page, and a vault
 * seeded with the fleet's hosts, tagged and grouped by role.
 */
import type { Page } from '@playwright/test';
import { labStatus, type HostRole, type LabHost } from '../fleet';
import { createVault } from './app';
import { apiCall } from './page-api';

export { apiCall };
import { expect, test } from './fixtures';

/**
 * The lab's running hosts for this spec file (filled before its tests run); every test skips, with
 * the reason, when the fleet is not up.
 */
export function useFleet(what: string, timeoutMs: number): LabHost[] {
  const lab: LabHost[] = [];
  test.beforeAll(async () => {
    const status = await labStatus().catch(() => null);
    lab.splice(0, lab.length, ...(status?.up ? status.hosts.filter((h) => h.state === 'running') : []));
  });
  test.beforeEach(() => {
    test.skip(lab.length < 6, `The test fleet is not up (run \`npm run lab:up\` as root); ${what} need its 6 hosts.`);
    test.setTimeout(timeoutMs);
  });
  return lab;
}

export function hostWithRole(lab: LabHost[], role: HostRole): LabHost {
  const h = lab.find((x) => x.role === role);
  if (!h) throw new Error(`no ${role} host in the lab`);
  return h;
}

export const GROUP_OF: Record<HostRole, string> = { web: 'frontend', app: 'frontend', db: 'data', cache: 'data', spare: 'spare' };

/** A fresh vault with the fleet's hosts (named like the lab's, tagged and grouped by role) and its key as a credential. */
export async function seedFleet(page: Page, url: string, lab: LabHost[]): Promise<void> {
  await createVault(page, url);
  await apiCall(page, 'credentials.add', { kind: 'private-key', name: 'fleet-key', path: lab[0]!.privateKeyPath });
  for (const g of new Set(Object.values(GROUP_OF))) await apiCall(page, 'groups.add', { name: g, description: '' });
  for (const h of lab) {
    await apiCall(page, 'hosts.add', {
      name: h.name,
      address: h.address,
      port: h.port,
      user: h.user,
      credential: 'fleet-key',
      tags: ['lab', `role:${h.role}`],
      groups: [GROUP_OF[h.role]],
    });
  }
  await page.reload();
  await expect(page.getByTestId('shell')).toBeVisible();
}

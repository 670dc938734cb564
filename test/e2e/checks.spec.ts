/**
 * Deep check through the UI against the real test fleet (`npm run lab:up`; these tests never start
 * or stop it): host-key questions (reject fails that host, trust lets it through), live per-host
 * progress, the fleet overview, host pages with services, connections and findings, and drift after
 * a service stops. Also saves screenshots of every deep-check screen in light and dark.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { labExec, type HostRole, type LabHost } from '../fleet';
import { hostRow, hostRowName, snap } from './app';
import { apiCall, hostWithRole, seedFleet as seedFleetVault, useFleet } from './fleet';
import { expect, test } from './fixtures';

const lab = useFleet('deep-check e2e tests', 180_000);
const byRole = (role: HostRole) => hostWithRole(lab, role);

/** A fresh vault with the fleet's hosts and its private key as a credential. */
async function seedFleet(page: Page, url: string): Promise<void> {
  await seedFleetVault(page, url, lab);
  await expect(page.getByTestId('host-row')).toHaveCount(lab.length);
}

/** SHA256 fingerprints of a lab host's keys, as the fleet's known_hosts records them. */
function knownFingerprints(h: LabHost): string[] {
  const out = execFileSync('ssh-keygen', ['-l', '-F', h.address, '-f', h.knownHostsPath], { encoding: 'utf8' });
  return [...out.matchAll(/SHA256:[A-Za-z0-9+/]+/g)].map((m) => m[0]);
}

function checkRow(page: Page, host: string) {
  return page.locator(`[data-testid="check-row"][data-host="${host}"]`);
}

/** Answers every host-key question until `count` hosts were asked; returns the host names asked about. */
async function answerHostKeys(page: Page, count: number, accept: boolean, onFirst?: () => Promise<void>): Promise<string[]> {
  const dialog = page.getByTestId('hostkey-dialog');
  const asked: string[] = [];
  while (asked.length < count) {
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    // The dialog shows one question at a time; wait for the next host before answering again.
    await expect.poll(async () => (await dialog.getByTestId('hostkey-host').textContent()) ?? '').not.toBe(asked[asked.length - 1] ?? '');
    const name = (await dialog.getByTestId('hostkey-host').textContent()) ?? '';
    const host = lab.find((h) => h.name === name);
    expect(host, `a question about a fleet host, got "${name}"`).toBeDefined();
    await expect(dialog.getByTestId('hostkey-type')).toHaveText(/^(ssh-ed25519|ecdsa-sha2-nistp\d+|rsa-sha2-(256|512)|ssh-rsa)$/);
    const fingerprint = (await dialog.getByTestId('hostkey-fingerprint').textContent()) ?? '';
    expect(knownFingerprints(host!)).toContain(fingerprint);
    if (asked.length === 0 && onFirst) await onFirst();
    asked.push(name);
    await dialog.getByTestId(accept ? 'hostkey-trust' : 'hostkey-reject').click();
  }
  await expect(dialog).toBeHidden();
  return asked;
}

test('deep check of the fleet: host keys asked (reject fails that host, trust continues), every host ok', async ({ page, opsdeck }) => {
  await seedFleet(page, opsdeck.url);
  const spare = byRole('spare');

  await page.getByTestId('nav-check').click();
  await expect(page.getByTestId('check-host-row')).toHaveCount(lab.length);
  await expect(page.getByTestId('check-run')).toHaveText(/Check all hosts/);

  // Reject: pick one host by its tick box, answer "Reject", and that host fails with a clear reason.
  await page.getByTestId('check-select-none').click();
  await expect(page.getByTestId('check-run')).toBeDisabled();
  await page.locator(`[data-testid="check-host-row"][data-host="${spare.name}"]`).getByTestId('check-host-toggle').check();
  await expect(page.getByTestId('check-run')).toHaveText(/Check 1 host/);
  await page.getByTestId('check-run').click();
  expect(await answerHostKeys(page, 1, false)).toEqual([spare.name]);
  await expect(checkRow(page, spare.name)).toHaveAttribute('data-status', 'failed');
  await expect(checkRow(page, spare.name).getByTestId('check-details')).toContainText('Host key rejected');
  await expect(checkRow(page, spare.name).getByTestId('check-details')).toContainText('was not accepted');
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('count-failed')).toHaveText('1');

  // The failed host's page says why, and Back returns to the run.
  await checkRow(page, spare.name).click();
  await expect(page.getByTestId('host-page')).toHaveAttribute('data-host', spare.name);
  await expect(page.getByTestId('host-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('host-failure')).toContainText('Host key rejected');
  await page.getByTestId('host-back').click();
  await expect(page.getByTestId('check-summary')).toBeVisible();

  // A group selects its hosts; then all of them. Every host asks once (the rejected key was not kept).
  await page.getByTestId('check-new').click();
  await page.getByTestId('check-group-select').selectOption('data');
  await expect(page.getByTestId('check-run')).toHaveText(/Check 2 hosts/);
  await page.getByTestId('check-select-all').click();
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-row')).toHaveCount(lab.length);
  const asked = await answerHostKeys(page, lab.length, true, async () => {
    // While the first question waits, that host says so and nothing has finished.
    await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'running');
  });
  expect([...asked].sort()).toEqual(lab.map((h) => h.name).sort());

  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  for (const h of lab) await expect(checkRow(page, h.name)).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('count-ok')).toHaveText(String(lab.length));
  await expect(page.getByTestId('count-failed')).toHaveText('0');
  await expect(checkRow(page, byRole('web').name).getByTestId('check-details')).toContainText(/\d+ services? · \d+ findings?/);

  // A second run asks nothing: the trusted keys are in the vault now.
  await page.getByTestId('check-again').click();
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('hostkey-dialog')).toBeHidden();
  await expect(page.getByTestId('count-ok')).toHaveText(String(lab.length));
});

test('"Stop check" in the host-key dialog rejects the waiting keys and ends the run', async ({ page, opsdeck }) => {
  await seedFleet(page, opsdeck.url);
  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-run').click();
  const dialog = page.getByTestId('hostkey-dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByTestId('hostkey-stop').click();
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('check-summary')).toContainText('Cancelled');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('count-failed')).toHaveText(String(lab.length));
  await expect(page.getByTestId('count-ok')).toHaveText('0');
});

test('a host-key question answered in one window leaves the other window too', async ({ page, context, opsdeck }) => {
  await seedFleet(page, opsdeck.url);
  const other = await context.newPage();
  await other.goto(opsdeck.origin);
  await expect(other.getByTestId('shell')).toBeVisible();
  const spare = byRole('spare');

  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-select-none').click();
  await page.locator(`[data-testid="check-host-row"][data-host="${spare.name}"]`).getByTestId('check-host-toggle').check();
  await page.getByTestId('check-run').click();
  // Both windows ask (the user may be at either); the answer given in one settles it in both.
  await expect(page.getByTestId('hostkey-dialog')).toBeVisible({ timeout: 30_000 });
  await expect(other.getByTestId('hostkey-dialog')).toBeVisible();
  await expect(other.getByTestId('hostkey-host')).toHaveText(spare.name);
  await other.getByTestId('hostkey-trust').click();
  await expect(other.getByTestId('hostkey-dialog')).toBeHidden();
  await expect(page.getByTestId('hostkey-dialog')).toBeHidden();
  await expect(checkRow(page, spare.name)).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  await other.close();
});

test('fleet overview and host pages show services, connections and findings from the fleet', async ({ page, opsdeck }) => {
  await seedFleet(page, opsdeck.url);
  const web = byRole('web');
  const app = byRole('app');
  const db = byRole('db');
  const cache = byRole('cache');

  // Through the UI, trusting new keys up front (the option the CLI calls --accept-new).
  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-accept-new').check();
  await page.getByTestId('check-run').click();
  await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('hostkey-dialog')).toBeHidden();
  await expect(page.getByTestId('count-ok')).toHaveText(String(lab.length));

  await page.getByTestId('check-open-fleet').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(lab.length);
  const fleetRow = (h: LabHost) => page.locator(`[data-testid="fleet-row"][data-host="${h.name}"]`);
  await expect(fleetRow(web).getByTestId('fleet-services')).toContainText('nginx');
  await expect(fleetRow(db).getByTestId('fleet-services')).toContainText('postgresql');
  await expect(fleetRow(cache).getByTestId('fleet-services')).toContainText('redis');
  await expect(fleetRow(app).getByTestId('fleet-services')).toContainText('python');
  for (const h of lab.filter((x) => x.role === 'spare')) await expect(fleetRow(h).getByTestId('fleet-services')).toHaveText('–');
  const owners = [
    ['nginx', web],
    ['postgresql', db],
    ['redis', cache],
  ] as const;
  for (const h of [web, app, db, cache])
    for (const [product, owner] of owners)
      if (owner !== h) await expect(fleetRow(h).getByTestId('fleet-services')).not.toContainText(product);
  for (const h of lab) await expect(fleetRow(h).getByTestId('fleet-status')).toContainText('OK');
  await expect(fleetRow(web)).toContainText('Debian 12 (bookworm)');
  await expect(fleetRow(web).getByTestId('fleet-findings')).toContainText('medium');
  await expect(fleetRow(cache).getByTestId('fleet-findings')).toContainText('medium');

  // The app host's page: its service, and its connections to the database and the cache.
  await fleetRow(app).click();
  const hostPage = page.getByTestId('host-page');
  await expect(hostPage).toHaveAttribute('data-host', app.name);
  await expect(page.getByTestId('host-status')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('host-system-line')).toContainText('Debian GNU/Linux 12');
  await page.getByTestId('host-tab-services').click();
  const appService = page.locator('[data-testid="service-row"][data-service="fleet-app"]');
  await expect(appService).toHaveAttribute('data-kind', 'app');
  await expect(appService).toContainText('0.0.0.0:8080');
  await expect(appService).toContainText('running');
  await expect(page.locator('[data-testid="port-row"][data-port="8080"]')).toBeVisible();

  await page.getByTestId('host-tab-connections').click();
  const edge = (dir: string, peer: LabHost, port: number) =>
    page.locator(`[data-testid="edge-row"][data-direction="${dir}"][data-peer="${peer.name}"][data-port="${port}"]`);
  await expect(edge('out', db, 5432)).toContainText('fleet-app');
  await expect(edge('out', db, 5432)).toContainText('postgresql');
  await expect(edge('out', cache, 6379)).toContainText('redis-server');
  await expect(edge('in', web, 8080)).toContainText('nginx');

  // Peers are links: walk to the database's page, see the same edge from its side, and come back.
  await edge('out', db, 5432).getByTestId('peer-link').click();
  await expect(hostPage).toHaveAttribute('data-host', db.name);
  await expect(edge('in', app, 5432)).toBeVisible();
  await page.getByTestId('host-back').click();
  await expect(hostPage).toHaveAttribute('data-host', app.name);

  // Findings with their evidence: the web server's short-lived certificate, the cache open to every address.
  await page.getByTestId('host-back').click();
  await expect(page.getByTestId('fleet-screen')).toBeVisible();
  await fleetRow(web).click();
  await page.getByTestId('host-tab-findings').click();
  const certFinding = page.getByTestId('finding').filter({ hasText: 'fleet-web.pem' }).first();
  await expect(certFinding).toContainText(/Certificate .* expires in \d+ days/);
  await expect(certFinding.getByTestId('finding-evidence')).toContainText(`CN=${web.name}.fleet.test`);
  await page.getByTestId('host-tab-certificates').click();
  await expect(page.getByTestId('certificate-row')).toContainText('fleet-web.pem');
  await page.getByTestId('host-tab-packages').click();
  await page.getByTestId('package-search').fill('nginx');
  await expect(page.getByTestId('package-row').first()).toContainText('nginx');

  await page.getByTestId('nav-fleet').click();
  await fleetRow(cache).click();
  await page.getByTestId('host-tab-findings').click();
  await expect(page.getByTestId('finding').filter({ hasText: 'redis listens on all addresses' })).toHaveAttribute(
    'data-severity',
    'medium',
  );
});

test('a stopped service shows as drift after "Deep check again" on the host page', async ({ page, opsdeck }) => {
  await seedFleet(page, opsdeck.url);
  const cache = byRole('cache');
  // The first scan through the API: this test is about the second one.
  const first = await apiCall(page, 'checks.run', { hosts: [cache.name], acceptNew: true });
  expect(first.results[0]?.status).toBe('ok');

  // From the Hosts list to the host page.
  await hostRowName(page, cache.name).click();
  await hostRow(page, cache.name).getByTestId('host-open').click();
  await expect(page.getByTestId('host-page')).toHaveAttribute('data-host', cache.name);
  await page.getByTestId('host-tab-drift').click();
  await expect(page.getByTestId('no-drift')).toContainText('after the next deep check');

  await labExec(cache.name, 'systemctl stop redis-server', { user: 'root' });
  try {
    await page.getByTestId('host-recheck').click();
    await expect(page.getByTestId('host-drift')).toBeVisible({ timeout: 60_000 });
    await expect(
      page
        .getByTestId('drift-service')
        .getByTestId('drift-change')
        .filter({ hasText: /redis-server.*stopped/ }),
    ).toBeVisible();
    await expect(page.getByTestId('drift-port').getByTestId('drift-change').filter({ hasText: '0.0.0.0:6379' })).toBeVisible();
    await expect(page.getByTestId('host-tab-drift')).toContainText(/\d+/);
    await page.getByTestId('host-tab-services').click();
    const redis = page.locator('[data-testid="service-row"][data-service="redis-server"]');
    await expect(redis).toContainText('stopped');
    await expect(redis).not.toContainText('6379');

    // The history keeps both scans; the older one can be shown again.
    await page.getByTestId('host-tab-history').click();
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    await page.getByTestId('history-view').click();
    await expect(page.getByTestId('viewing-old-scan')).toBeVisible();
    await page.getByTestId('host-tab-services').click();
    await expect(redis).toContainText('running');
    await expect(redis).toContainText('0.0.0.0:6379');
  } finally {
    await labExec(cache.name, 'systemctl start redis-server', { user: 'root' });
    // The app reconnects to redis within seconds; other suites expect that connection again.
    await labExec(
      byRole('app').name,
      'for i in $(seq 60); do ss -tn state established "( dport = :6379 )" | grep -q 6379 && exit 0; sleep 0.5; done; exit 1',
      { user: 'root' },
    );
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`deep check screens in ${theme}`, async ({ page, opsdeck }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme });
    const shot = (name: string) => snap(page, testInfo, `${name}-${theme}`);
    await seedFleet(page, opsdeck.url);
    const web = byRole('web');
    const app = byRole('app');
    const cache = byRole('cache');

    await page.getByTestId('nav-fleet').click();
    await expect(page.getByTestId('fleet-empty')).toBeVisible();
    await shot('20-fleet-never-checked');

    await page.getByTestId('nav-check').click();
    await page.getByTestId('check-select-none').click();
    await page.getByTestId('check-tag-select').selectOption('lab');
    await page.locator(`[data-testid="check-host-row"][data-host="${lab[5]!.name}"]`).click();
    await shot('21-check-picker');

    // One host rejected, to show a failed host page.
    const spare = lab[5]!;
    await page.getByTestId('check-select-none').click();
    await page.locator(`[data-testid="check-host-row"][data-host="${spare.name}"]`).click();
    await page.getByTestId('check-run').click();
    await answerHostKeys(page, 1, false);
    await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await checkRow(page, spare.name).click();
    await expect(page.getByTestId('host-failure')).toBeVisible();
    await shot('22-host-failed');
    await page.getByTestId('host-back').click();
    await page.getByTestId('check-new').click();

    await page.getByTestId('check-select-all').click();
    await page.getByTestId('check-run').click();
    await expect(page.getByTestId('hostkey-dialog')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('hostkey-queue')).toBeVisible({ timeout: 10_000 });
    await shot('22-hostkey-dialog-queue');
    await answerHostKeys(page, lab.length, true);
    await expect(page.getByTestId('check-summary')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await shot('23-check-done');

    await page.getByTestId('check-open-fleet').click();
    await expect(page.getByTestId('fleet-row')).toHaveCount(lab.length);
    await shot('24-fleet');

    await page.locator(`[data-testid="fleet-row"][data-host="${app.name}"]`).click();
    await expect(page.getByTestId('host-overview')).toBeVisible();
    await shot('25-host-overview');
    await page.getByTestId('host-tab-services').click();
    await shot('26-host-services');
    await page.getByTestId('host-tab-connections').click();
    await expect(page.getByTestId('edge-row').first()).toBeVisible();
    await shot('27-host-connections');
    await page.getByTestId('host-tab-users').click();
    await shot('28-host-users');
    await page.getByTestId('host-tab-cron').click();
    await shot('29-host-cron');

    await page.getByTestId('nav-fleet').click();
    await page.locator(`[data-testid="fleet-row"][data-host="${web.name}"]`).click();
    await page.getByTestId('host-tab-overview').click();
    await shot('30-host-overview-web');
    await page.getByTestId('host-tab-findings').click();
    await shot('31-host-findings');
    await page.getByTestId('host-tab-certificates').click();
    await shot('32-host-certificates');
    await page.getByTestId('host-tab-packages').click();
    await shot('33-host-packages');

    await page.getByTestId('nav-fleet').click();
    await page.locator(`[data-testid="fleet-row"][data-host="${cache.name}"]`).click();
    await labExec(cache.name, 'systemctl stop redis-server', { user: 'root' });
    try {
      await page.getByTestId('host-recheck').click();
      await expect(page.getByTestId('host-rechecking')).toBeVisible();
      await shot('34-host-rechecking');
      await expect(page.getByTestId('host-recheck')).toBeVisible({ timeout: 60_000 });
      await page.getByTestId('host-tab-drift').click();
      await expect(page.getByTestId('host-drift')).toBeVisible();
      await shot('35-host-drift');
      await page.getByTestId('host-tab-history').click();
      await shot('36-host-history');
    } finally {
      await labExec(cache.name, 'systemctl start redis-server', { user: 'root' });
      await labExec(
        app.name,
        'for i in $(seq 60); do ss -tn state established "( dport = :6379 )" | grep -q 6379 && exit 0; sleep 0.5; done; exit 1',
        { user: 'root' },
      );
    }

    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('nav-fleet').click();
    await shot('37-fleet-narrow');
    await page.locator(`[data-testid="fleet-row"][data-host="${app.name}"]`).click();
    await page.getByTestId('host-tab-overview').click();
    await shot('38-host-narrow');
  });
}

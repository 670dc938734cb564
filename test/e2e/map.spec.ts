/**
 * The topology map on the real test fleet (`npm run lab:up`; never started or stopped here): after a
 * deep check it shows the six hosts and the web -> app (8080), app -> database (5432) and
 * app -> cache (6379) edges; clicking a service opens its panel; filters, search and paths work;
 * a dragged host keeps its place across a reload; drift marks show until acknowledged; exports.
 * The map is a canvas, so the tests read it through `window.__opsdeckMap` (render/inspector.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Core } from '../../electron/core/api';
import type { HostRole } from '../fleet';
import { hostRow, hostRowName, PASSPHRASE, snap } from './app';
import { apiCall, hostWithRole, seedFleet, useFleet } from './fleet';
import { expect, test } from './fixtures';

const lab = useFleet('the map e2e tests', 180_000);
const byRole = (role: HostRole) => hostWithRole(lab, role);

/**
 * A fresh vault with the fleet's hosts, tagged by role, then one deep check of all of them. With
 * `oddOnes`, also a host that refuses SSH (its check fails) and one that is never checked.
 */
async function seedAndCheck(page: Page, url: string, oddOnes = false): Promise<void> {
  await seedFleet(page, url, lab);
  const names = lab.map((h) => h.name);
  if (oddOnes) {
    // Port 1 of the web host: connection refused at once, so the check fails fast and alone.
    await apiCall(page, 'hosts.add', { name: 'broken', address: byRole('web').address, port: 1, user: 'ops', credential: 'fleet-key' });
    await apiCall(page, 'hosts.add', { name: 'staging-box', address: '198.18.0.97', user: 'ops', credential: 'fleet-key' });
    names.push('broken');
  }
  const run = await apiCall(page, 'checks.run', { hosts: names, acceptNew: true });
  for (const r of run.results) if (r.host !== 'broken') expect(r.status, `${r.host}: ${r.failure?.message ?? ''}`).not.toBe('failed');
}

async function openMap(page: Page): Promise<void> {
  await page.getByTestId('nav-map').click();
  const ready = page.locator('[data-testid="map-stage"][data-state="ready"]');
  const problem = page.getByTestId('map-screen').getByRole('alert');
  await expect(ready.or(problem).first()).toBeVisible({ timeout: 30_000 });
  // Fail with the screen's own words rather than a timeout when the map could not load.
  if (await problem.isVisible()) throw new Error(`the map did not load: ${await problem.innerText()}`);
  await page.waitForFunction(() => (window.__opsdeckMap?.nodes().length ?? 0) > 0);
}

const nodes = (page: Page) => page.evaluate(() => window.__opsdeckMap?.nodes() ?? []);
const edges = (page: Page) => page.evaluate(() => window.__opsdeckMap?.edges() ?? []);
const position = (page: Page, id: string) => page.evaluate((n) => window.__opsdeckMap?.position(n) ?? null, id);

async function rectOf(page: Page, id: string): Promise<{ x: number; y: number; w: number; h: number }> {
  const r = await page.evaluate((n) => window.__opsdeckMap?.rect(n) ?? null, id);
  if (!r) throw new Error(`${id} is not on the map`);
  return r;
}

async function clickNode(page: Page, id: string, modifiers: Array<'Shift'> = []): Promise<void> {
  const r = await rectOf(page, id);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.down();
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

/** The edge into `toHost` on `port` coming from a service of `fromHost`. */
async function edgeBetween(page: Page, fromHost: string, toHost: string, port: number) {
  const all = await edges(page);
  return all.find((e) => e.from.startsWith(`svc:${fromHost}/`) && e.to.startsWith(`svc:${toHost}/`) && e.port === port);
}

test('the fleet on the map: hosts, services, edges by port, the service panel, filters, search and paths', async ({
  page,
  opsdeck,
}, testInfo) => {
  await seedAndCheck(page, opsdeck.url);
  const [web, app, db, cache] = [byRole('web'), byRole('app'), byRole('db'), byRole('cache')];
  await openMap(page);

  await expect(page.getByTestId('map-count')).toHaveText('6 hosts');
  const shown = await nodes(page);
  for (const h of lab) expect(shown).toContain(`host:${h.name}`);
  const webToApp = await edgeBetween(page, web.name, app.name, 8080);
  const appToDb = await edgeBetween(page, app.name, db.name, 5432);
  const appToCache = await edgeBetween(page, app.name, cache.name, 6379);
  expect(webToApp, 'web -> app :8080').toBeDefined();
  expect(appToDb, 'app -> database :5432').toBeDefined();
  expect(appToCache, 'app -> cache :6379').toBeDefined();
  expect(webToApp!.from).toMatch(/nginx/);
  expect(appToDb!.to).toMatch(/postgresql/);
  expect(appToCache!.to).toMatch(/redis/);
  // sshd is hidden by default; the spares are still there, as empty-looking hosts.
  expect(shown.some((id) => id.endsWith('/ssh.service'))).toBe(false);
  await snap(page, testInfo, 'map-fleet');

  // Clicking the app service opens its panel, with its three connections and their ports.
  const appService = webToApp!.to;
  await clickNode(page, appService);
  const panel = page.getByTestId('map-panel');
  await expect(panel).toHaveAttribute('data-selected', appService);
  await expect(page.getByTestId('map-panel-title')).toHaveText(appService.split('/')[1]!.replace(/\.service$/, ''));
  // The three the fleet's roles make (the shared lab may show a passing extra, e.g. someone's curl).
  const links = panel.getByTestId('map-connection');
  await expect(links.filter({ hasText: `nginx on ${web.name}` }).filter({ hasText: ':8080' })).toHaveCount(1);
  await expect(links.filter({ hasText: `on ${db.name}` }).filter({ hasText: ':5432' })).toHaveCount(1);
  await expect(links.filter({ hasText: `on ${cache.name}` }).filter({ hasText: ':6379' })).toHaveCount(1);
  await expect(panel.getByTestId('map-open-host')).toBeVisible();
  await expect(panel.getByTestId('map-recheck')).toBeEnabled();
  await snap(page, testInfo, 'map-service-panel');

  // "Deep check again" checks that host from here; the map reloads from the new scan, selection kept.
  const lastScan = async () => (await apiCall(page, 'scans.list', { host: app.name })).length;
  const scansBefore = await lastScan();
  await panel.getByTestId('map-recheck').click();
  await expect(panel.getByTestId('map-recheck')).toHaveText(/Checking/);
  await expect(panel.getByTestId('map-recheck')).toHaveText('Deep check again', { timeout: 60_000 });
  expect(await lastScan()).toBe(scansBefore + 1);
  await expect(panel).toHaveAttribute('data-selected', appService);

  // Shift-click the database: the path from the app service to it is one hop.
  await clickNode(page, appToDb!.to, ['Shift']);
  await expect(page.getByTestId('map-path')).toBeVisible();
  await expect(page.getByTestId('map-path')).toContainText(db.name);
  await page.getByTestId('map-clear-path').click();
  await expect(page.getByTestId('map-path')).toBeHidden();

  // Filters: by tag, by kind, and showing the system services again.
  await page.getByTestId('map-tag-filter').selectOption('role:db');
  await expect(page.getByTestId('map-count')).toHaveText('1 of 6 hosts');
  expect((await nodes(page)).filter((id) => id.startsWith('host:'))).toEqual([`host:${db.name}`]);
  await page.getByTestId('map-tag-filter').selectOption('');
  await page.getByTestId('map-group-filter').selectOption('data');
  await expect(page.getByTestId('map-count')).toHaveText('2 of 6 hosts');
  await page.getByTestId('map-group-filter').selectOption('');
  await page.getByTestId('map-kind-cache').click();
  await expect(page.getByTestId('map-count')).toHaveText('1 of 6 hosts');
  expect((await nodes(page)).filter((id) => id.startsWith('host:'))).toEqual([`host:${cache.name}`]);
  await snap(page, testInfo, 'map-filtered');
  await page.getByTestId('map-clear-filters').click();
  await expect(page.getByTestId('map-count')).toHaveText('6 hosts');
  await page.getByTestId('map-hide-system').uncheck();
  await expect.poll(async () => (await nodes(page)).filter((id) => id.endsWith('/ssh.service')).length).toBe(6);
  await page.getByTestId('map-hide-system').check();

  // Search jumps to a service and selects it.
  await page.keyboard.press('/');
  await page.getByTestId('map-search').fill('redis');
  await expect(page.getByTestId('map-search-hit').first()).toContainText('redis');
  await page.getByTestId('map-search').press('Enter');
  await expect(page.getByTestId('map-panel-title')).toContainText('redis');
  await expect(panel).toHaveAttribute('data-selected', appToCache!.to);
  await snap(page, testInfo, 'map-search');

  // A host: click its name bar; the panel lists its services, findings and connections.
  const h4 = await rectOf(page, `host:${cache.name}`);
  await page.mouse.click(h4.x + 30, h4.y + 10);
  await expect(panel).toHaveAttribute('data-selected', `host:${cache.name}`);
  await expect(page.getByTestId('map-panel-title')).toHaveText(cache.name);
  await expect(panel.getByTestId('map-host-service').filter({ hasText: 'redis' })).toHaveCount(1);
  await snap(page, testInfo, 'map-host-panel');

  // The same map in the dark theme (the canvas reads the theme's colours when it changes).
  await apiCall(page, 'settings.update', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('map-fit').click();
  await snap(page, testInfo, 'map-dark');

  // "Open host" goes to the host page of the selected service's host.
  await panel.getByTestId('map-open-host').click();
  await expect(page.getByTestId('host-page')).toHaveAttribute('data-host', cache.name);

  // A terminal on that host from its page, from the hosts list (T) and from the map panel: each
  // opens a tab on the terminals screen with a live shell (the deep check already trusted its key).
  // Only the active tab's pane is on screen.
  const terminals = page.locator(`[data-testid="terminal-pane"][data-host="${cache.name}"]`);
  const expectShells = async (n: number) => {
    await expect(page.getByTestId('nav-terminals')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('terminal-tab')).toHaveCount(n);
    await expect(terminals).toHaveCount(1);
    await expect(terminals.last()).toHaveAttribute('data-status', 'open', { timeout: 20_000 });
    await expect(
      terminals
        .last()
        .locator('.xterm-rows > div')
        .filter({ hasText: `@${cache.name}` })
        .first(),
    ).toBeVisible({ timeout: 20_000 });
  };
  await snap(page, testInfo, 'host-page-actions');
  await page.getByTestId('host-page').getByTestId('open-terminal').click();
  await expectShells(1);
  await snap(page, testInfo, 'terminal-from-host-page');
  await page.getByTestId('nav-hosts').click();
  await hostRowName(page, cache.name).click();
  await snap(page, testInfo, 'hosts-row-actions');
  await page.keyboard.press('t');
  await expectShells(2);
  await page.getByTestId('nav-map').click();
  await expect(panel).toHaveAttribute('data-selected', `host:${cache.name}`);
  await panel.getByTestId('open-terminal').click();
  await expectShells(3);

  // Ticked hosts in the list: a tab on each at once (in list order, the last one on screen).
  await page.getByTestId('nav-hosts').click();
  await hostRow(page, cache.name).getByTestId('host-pick').check();
  await hostRow(page, app.name).getByTestId('host-pick').check();
  await page.getByTestId('bulk-terminals').click();
  await expectShells(5);
  await page.locator(`[data-testid="terminal-tab"][data-host="${app.name}"]`).click();
  const appPane = page.locator(`[data-testid="terminal-pane"][data-host="${app.name}"]`);
  await expect(appPane).toHaveAttribute('data-status', 'open', { timeout: 20_000 });
});

test('failed and never-checked hosts show as such; a dragged host keeps its place after a reload', async ({ page, opsdeck }, testInfo) => {
  await seedAndCheck(page, opsdeck.url, true);
  await openMap(page);
  await expect(page.getByTestId('map-count')).toHaveText('8 hosts');
  for (const [host, status] of [
    ['broken', 'failed'],
    ['staging-box', 'never'],
  ] as const) {
    const box = await rectOf(page, `host:${host}`);
    await page.mouse.click(box.x + 30, box.y + 10);
    await expect(page.getByTestId('map-panel-status')).toHaveAttribute('data-status', status);
  }
  await snap(page, testInfo, 'map-failed-never');

  const spare = byRole('spare');
  const id = `host:${spare.name}`;
  await page.keyboard.press('Escape');
  const before = (await position(page, id))!;
  const r = await rectOf(page, id);
  // Grab the host by its header and drop it 160 px right and 120 px down, on empty canvas.
  await page.mouse.move(r.x + 20, r.y + 8);
  await page.mouse.down();
  await page.mouse.move(r.x + 100, r.y + 70, { steps: 5 });
  await page.mouse.move(r.x + 180, r.y + 128, { steps: 5 });
  await page.mouse.up();
  const dropped = (await position(page, id))!;
  expect(Math.hypot(dropped.x - before.x, dropped.y - before.y)).toBeGreaterThan(50);
  await expect.poll(async () => (await apiCall(page, 'map.positions.get', {})).find((p) => p.node === id)?.pinned).toBe(true);
  await snap(page, testInfo, 'map-dragged');

  await page.reload();
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 30_000 });
  await openMap(page);
  const after = (await position(page, id))!;
  expect(after.x).toBeCloseTo(dropped.x, 0);
  expect(after.y).toBeCloseTo(dropped.y, 0);

  await page.getByTestId('map-rearrange').click();
  await expect.poll(async () => position(page, id)).toEqual(before);
});

test('drift on the map: a new service and connection are marked until acknowledged', async ({ page, opsdeck }, testInfo) => {
  await seedAndCheck(page, opsdeck.url);
  const app = byRole('app');
  const db = byRole('db');
  // A second scan of the app host with one service more and one connection more, written into the
  // vault the server has open (as a later deep check would), so the shared lab is never changed.
  const core = new Core({ path: opsdeck.vaultPath, log: () => undefined });
  try {
    await core.invoke('vault.unlock', { passphrase: PASSPHRASE });
    const hostId = core.hosts.get(app.name).id;
    const [latest] = core.scans.latest(hostId, 1);
    const pg = core.scans.latest(core.hosts.get(db.name).id, 1)[0]!.services.find((s) => s.kind === 'database')!;
    const worker = {
      ...latest!.services.find((s) => s.kind === 'app')!,
      key: 'report-worker.service',
      name: 'report-worker',
      unit: 'report-worker.service',
      listeners: [],
    };
    const edge = {
      key: `${app.name}/report-worker.service -> ${db.name}/${pg.key}:5432/tcp`,
      from: { host: app.name, service: worker.key, address: app.address },
      to: { host: db.name, service: pg.key, address: db.address },
      port: 5432,
      proto: 'tcp' as const,
      connections: 1,
      seenBy: ['client' as const],
      state: 'established' as const,
    };
    const startedAt = new Date(Date.parse(latest!.startedAt) + 60_000).toISOString();
    core.scans.save('drift-test', hostId, {
      ...latest!,
      startedAt,
      services: [...latest!.services, worker],
      edges: [...latest!.edges, edge],
    });
  } finally {
    core.close();
  }

  await openMap(page);
  await expect(page.getByTestId('map-drift-banner')).toContainText('1 new service');
  await expect(page.getByTestId('map-drift-banner')).toContainText('1 new connection');
  const newEdges = (await edges(page)).filter((e) => e.drift === 'new');
  expect(newEdges.map((e) => e.id)).toEqual([
    `${app.name}/report-worker.service -> ${db.name}/${newEdges[0]?.to.split('/')[1] ?? ''}:5432/tcp`,
  ]);
  await clickNode(page, `svc:${app.name}/report-worker.service`);
  await expect(page.getByTestId('map-panel-drift')).toContainText('new since the previous scan');
  await snap(page, testInfo, 'map-drift');

  await page.getByTestId('map-ack-all').click();
  await expect(page.getByTestId('map-drift-banner')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 30_000 });
  await openMap(page);
  await expect(page.getByTestId('map-drift-banner')).toBeHidden();
  expect((await edges(page)).filter((e) => e.drift !== null)).toEqual([]);
});

test('exports: PNG and SVG pictures and the graph as JSON', async ({ page, opsdeck }) => {
  await seedAndCheck(page, opsdeck.url);
  await openMap(page);
  const exported = async (kind: 'png' | 'svg' | 'json') => {
    await page.getByTestId('map-export').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`map-export-${kind}`).click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`^opsdeck-map-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.${kind}$`));
    const path = await file.path();
    return readFileSync(path);
  };
  const png = await exported('png');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(5_000);
  const svg = (await exported('svg')).toString();
  expect(svg).toMatch(/^<svg /);
  for (const h of lab) expect(svg).toContain(`data-id="host:${h.name}"`);
  expect(svg).toContain('>8080<');
  const json = JSON.parse((await exported('json')).toString()) as {
    format: string;
    hosts: Array<{ name: string }>;
    edges: Array<{ id: string; port: number }>;
  };
  expect(json.format).toBe('opsdeck-map');
  expect(json.hosts.map((h) => h.name).sort()).toEqual(lab.map((h) => h.name).sort());
  // Every edge the map draws is in the file (the file also keeps a host's local loops).
  const drawn = (await edges(page)).map((e) => e.id);
  expect(json.edges.map((e) => e.id)).toEqual(expect.arrayContaining(drawn));
  expect(json.edges.map((e) => e.port)).toContain(8080);
});

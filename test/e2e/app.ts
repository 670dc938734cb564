/** Steps the specs share, written the way a user does them (labels and test ids, no internals). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

export const PASSPHRASE = 'correct horse battery staple';
const screensDir = fileURLToPath(new URL('../../test-results/screens', import.meta.url));

export async function createVault(page: Page, url: string, passphrase = PASSPHRASE): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('create-vault-form')).toBeVisible();
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('passphrase-confirm').fill(passphrase);
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 20_000 });
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByTestId('unlock-form')).toBeVisible();
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('passphrase').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 20_000 });
}

export interface HostFields {
  name: string;
  address: string;
  port?: string;
  user?: string;
  credential?: string;
  jumpHost?: string;
  tags?: string[];
  groups?: string[];
}

/** Fills the open host form; leaves submitting to the caller. */
export async function fillHostForm(page: Page, h: HostFields): Promise<void> {
  const form = page.getByTestId('host-form');
  await form.getByTestId('host-name').fill(h.name);
  await form.getByTestId('host-address').fill(h.address);
  if (h.port !== undefined) await form.getByTestId('host-port').fill(h.port);
  if (h.user !== undefined) await form.getByTestId('host-user').fill(h.user);
  if (h.credential) await form.getByTestId('host-credential').selectOption(h.credential);
  if (h.jumpHost) await form.getByTestId('host-jumpHost').selectOption(h.jumpHost);
  for (const tag of h.tags ?? []) {
    await form.locator('#host-tags').fill(tag);
    await form.locator('#host-tags').press('Enter');
  }
  for (const group of h.groups ?? []) {
    await form.locator('#host-groups').fill(group);
    await form.locator('#host-groups').press('Enter');
  }
}

export async function addHost(page: Page, h: HostFields): Promise<void> {
  await page.getByTestId('nav-hosts').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('host-form')).toBeVisible();
  await fillHostForm(page, h);
  await page.getByTestId('host-save').click();
  await expect(page.getByTestId('host-form')).toBeHidden();
  await expect(hostRow(page, h.name)).toBeVisible();
}

export function hostRow(page: Page, name: string) {
  return page.locator(`[data-testid="host-row"][data-host="${name}"]`);
}

/** A host row's name cell: click it to select (double-click to edit) without landing on a tag chip, which filters. */
export function hostRowName(page: Page, name: string) {
  return hostRow(page, name).locator('td.cell-name');
}

/** Saves a screenshot to test-results/screens/NAME.png and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(screensDir, { recursive: true });
  // Let dialog and focus transitions finish so the picture shows the settled state.
  await page.waitForTimeout(200);
  const body = await page.screenshot({ path: join(screensDir, `${name}.png`) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** Groups: create, counts follow hosts, open a group's hosts, remove (hosts stay). */
import type { Page } from '@playwright/test';
import { addHost, createVault, hostRow } from './app';
import { expect, test } from './fixtures';

function groupRow(page: Page, name: string) {
  return page.locator(`[data-testid="group-row"][data-group="${name}"]`);
}

test('create groups, see host counts, jump to a group, remove a group', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await page.getByTestId('nav-groups').click();
  await expect(page.getByTestId('groups-empty')).toBeVisible();
  await page.keyboard.press('n');
  const form = page.getByTestId('group-form');
  await form.getByTestId('group-name').fill('bad name');
  await form.getByTestId('group-save').click();
  await expect(form.getByTestId('error-group-name')).toContainText('Use letters');
  await form.getByTestId('group-name').fill('production');
  await form.getByTestId('group-description').fill('Customer-facing systems');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(groupRow(page, 'production')).toContainText('0');

  await page.keyboard.press('n');
  await form.getByTestId('group-name').fill('production');
  await form.getByTestId('group-save').click();
  await expect(form.getByTestId('error-group-name')).toContainText('already exists');
  await page.keyboard.press('Escape');

  await addHost(page, { name: 'web-1', address: '10.0.0.11', groups: ['production'] });
  await addHost(page, { name: 'web-2', address: '10.0.0.12', groups: ['production', 'edge'] });
  await addHost(page, { name: 'lab-1', address: '10.9.0.1' });

  await page.getByTestId('nav-groups').click();
  await expect(groupRow(page, 'production').locator('td.num')).toHaveText('2');
  await expect(groupRow(page, 'edge').locator('td.num')).toHaveText('1');

  await groupRow(page, 'production').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hosts-screen')).toBeVisible();
  await expect(page.getByTestId('group-filter')).toHaveValue('production');
  await expect(page.getByTestId('host-row')).toHaveCount(2);

  await page.getByTestId('nav-groups').click();
  await groupRow(page, 'production').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-group-dialog')).toContainText('2 hosts stay');
  await page.keyboard.press('Enter');
  await expect(groupRow(page, 'production')).toHaveCount(0);

  await page.getByTestId('nav-hosts').click();
  await expect(page.getByTestId('host-row')).toHaveCount(3);
  await expect(hostRow(page, 'web-2')).not.toContainText('production');
});

/**
 * Every screen in light and dark, saved to test-results/screens/*.png and attached to the report,
 * so a person can look at the app as users see it. Each picture is also a smoke check.
 */
import { createVault, PASSPHRASE, snap } from './app';
import { expect, test } from './fixtures';
import { seedInventory } from './seed';

for (const theme of ['light', 'dark'] as const) {
  test(`screens in ${theme}`, async ({ page, opsdeck }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme });
    const shot = (name: string) => snap(page, testInfo, `${name}-${theme}`);

    await page.goto(opsdeck.url);
    await page.getByTestId('passphrase').fill('coffee before standup');
    await expect(page.getByTestId('strength')).toBeVisible();
    await shot('01-create-vault');
    await page.getByTestId('passphrase').fill('');
    await createVault(page, opsdeck.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await shot('02-hosts-empty');

    await page.keyboard.press('n');
    await page.getByTestId('host-name').fill('web-1');
    await page.getByTestId('host-port').fill('70000');
    await page.getByTestId('host-save').click();
    await expect(page.getByTestId('error-host-port')).toBeVisible();
    await shot('03-host-form-errors');
    await page.keyboard.press('Escape');

    await seedInventory(page, opsdeck.dir);
    await page.reload();
    await expect(page.getByTestId('host-row')).toHaveCount(12);
    await page.locator('[data-host="app-1"]').click();
    await shot('04-hosts');

    await page.getByTestId('tag-filter').selectOption('prod');
    await page.getByTestId('host-search').fill('web');
    await shot('05-hosts-filtered');
    await page.getByTestId('host-search').fill('');
    await page.getByTestId('tag-filter').selectOption('');

    await page.locator('[data-host="db-primary"]').dblclick();
    await expect(page.getByTestId('host-form')).toBeVisible();
    await shot('06-host-edit');
    await page.keyboard.press('Escape');

    await page.locator('[data-host="redis-1"]').click();
    await page.keyboard.press('Delete');
    await shot('07-host-delete');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-credentials').click();
    await expect(page.getByTestId('credential-row')).toHaveCount(3);
    await shot('08-credentials');
    await page.getByTestId('new-credential').click();
    await page.getByTestId('credential-name').fill('backup-key');
    await shot('09-credential-form');
    await page.keyboard.press('Escape');
    await page.locator('[data-credential="deploy-key"]').click();
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('confirm-error')).toBeVisible();
    await shot('10-credential-in-use');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-groups').click();
    await expect(page.getByTestId('group-row')).toHaveCount(4);
    await shot('11-groups');

    await page.getByTestId('nav-settings').click();
    await shot('12-settings');
    await page.getByTestId('change-passphrase').click();
    await page.getByTestId('new-passphrase').fill('short');
    await shot('13-change-passphrase');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+l');
    await page.getByTestId('passphrase').fill('not it');
    await page.getByTestId('passphrase').press('Enter');
    await expect(page.getByTestId('error-unlock-passphrase')).toBeVisible();
    await shot('14-unlock-wrong');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase').press('Enter');
    await expect(page.getByTestId('shell')).toBeVisible({ timeout: 20_000 });

    // Narrow window: the toolbar and table must still be usable at 1024 px.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('nav-hosts').click();
    await shot('15-hosts-narrow');
  });
}

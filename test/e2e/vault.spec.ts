/** The vault lifecycle through the UI: create, add, reload, unlock; wrong passphrase; lock; change. */
import { addHost, createVault, hostRow, PASSPHRASE, unlock } from './app';
import { expect, test } from './fixtures';

test('create a vault, add a host, reload, unlock, and find it again', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await expect(page.getByTestId('hosts-empty')).toBeVisible();
  await addHost(page, { name: 'web-1', address: '10.0.0.11', user: 'deploy', tags: ['prod'] });

  // The host process keeps the vault open across page loads, so restart it: what comes back was on disk.
  await opsdeck.restart();
  await page.goto(opsdeck.url);
  await unlock(page);
  const row = hostRow(page, 'web-1');
  await expect(row).toBeVisible();
  await expect(row).toContainText('10.0.0.11:22');
  await expect(row).toContainText('deploy');
  await expect(row).toContainText('prod');
});

test('a reload while unlocked stays unlocked; after a lock it asks for the passphrase', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'db-1', address: 'db-1.internal' });
  await page.reload();
  await expect(hostRow(page, 'db-1')).toBeVisible();
  await page.keyboard.press('Control+l');
  await page.reload();
  await unlock(page);
  await expect(hostRow(page, 'db-1')).toBeVisible();
});

test('a wrong passphrase is refused inline and the field keeps focus', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('unlock-form')).toBeVisible();

  const field = page.getByTestId('passphrase');
  await field.fill('not the passphrase');
  await field.press('Enter');
  await expect(page.getByTestId('error-unlock-passphrase')).toHaveText(/wrong passphrase/i);
  await expect(field).toBeFocused();
  await expect(page.getByTestId('shell')).toBeHidden();

  // Typing replaces the selected wrong attempt, and the error goes away as soon as the user types.
  await page.keyboard.type(PASSPHRASE);
  await expect(page.getByTestId('error-unlock-passphrase')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 20_000 });
});

test('create refuses a short passphrase and a mismatched confirmation', async ({ page, opsdeck }) => {
  await page.goto(opsdeck.url);
  await page.getByTestId('passphrase').fill('short');
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('error-new-passphrase')).toHaveText('Use at least 8 characters');
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('passphrase-confirm').fill(`${PASSPHRASE}!`);
  await page.getByTestId('create-vault').click();
  await expect(page.getByTestId('error-confirm-passphrase')).toContainText('do not match');
  await expect(page.getByTestId('create-vault-form')).toBeVisible();
});

test('Ctrl+L and the lock button return to the lock screen', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('unlock-form')).toBeVisible();
  await unlock(page);
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('unlock-form')).toBeVisible();
});

test('a lock from another client returns this window to the lock screen', async ({ page, context, opsdeck }) => {
  await createVault(page, opsdeck.url);
  const other = await context.newPage();
  await other.goto(opsdeck.origin);
  await expect(other.getByTestId('shell')).toBeVisible();
  await other.keyboard.press('Control+l');
  await expect(page.getByTestId('unlock-form')).toBeVisible();
});

test('change the passphrase: the old one stops working, the new one unlocks', async ({ page, opsdeck }) => {
  const next = 'a brand new vault sentence';
  await createVault(page, opsdeck.url);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('change-passphrase').click();
  const dialog = page.getByTestId('change-passphrase-dialog');
  await dialog.getByTestId('current-passphrase').fill('wrong current one');
  await dialog.getByTestId('new-passphrase').fill(next);
  await dialog.getByTestId('confirm-passphrase').fill(next);
  await dialog.getByTestId('change-passphrase-save').click();
  await expect(dialog.getByTestId('error-pp-current')).toContainText('not the current passphrase');

  await dialog.getByTestId('current-passphrase').fill(PASSPHRASE);
  await dialog.getByTestId('change-passphrase-save').click();
  await expect(dialog.getByTestId('passphrase-changed')).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+l');
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('passphrase').press('Enter');
  await expect(page.getByTestId('error-unlock-passphrase')).toBeVisible();
  await page.getByTestId('passphrase').fill(next);
  await page.getByTestId('passphrase').press('Enter');
  await expect(page.getByTestId('shell')).toBeVisible({ timeout: 20_000 });
});

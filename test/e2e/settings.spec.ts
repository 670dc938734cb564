/** Settings: theme applies at once and persists in the vault; idle lock minutes are validated. */
import { createVault, unlock } from './app';
import { expect, test } from './fixtures';

test('theme and idle lock settings apply and persist', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('vault-path')).toHaveText(opsdeck.vaultPath);

  await page.getByTestId('theme-picker').getByRole('radio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-picker').getByRole('radio', { name: 'Light' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme-picker').getByRole('radio', { name: 'Dark' }).click();

  const idle = page.getByTestId('idle-lock-minutes');
  await idle.fill('99999');
  await idle.press('Enter');
  await expect(page.getByText('Enter whole minutes from 0 to 1440.')).toBeVisible();
  await idle.fill('30');
  await idle.press('Enter');
  await expect(page.getByTestId('status-bar')).toContainText('Locks after 30 min idle');

  await page.keyboard.press('Control+l');
  // The lock screen keeps the last theme (remembered locally, since settings are inside the vault).
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await unlock(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('idle-lock-minutes')).toHaveValue('30');
  await expect(page.getByTestId('theme-picker').getByRole('radio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
});

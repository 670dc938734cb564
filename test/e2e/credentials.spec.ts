/** Credentials: a real ed25519 key pasted and by path, used by a host, protected from removal. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addHost, createVault, hostRow } from './app';
import { expect, test } from './fixtures';

/** ssh-keygen makes a fresh key; its own fingerprint is what the UI must show. */
function generateKey(dir: string, name: string): { path: string; text: string; fingerprint: string } {
  const path = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@e2e`, '-f', path]);
  const fingerprint =
    execFileSync('ssh-keygen', ['-l', '-f', `${path}.pub`])
      .toString()
      .split(' ')[1] ?? '';
  return { path, text: readFileSync(path, 'utf8'), fingerprint };
}

async function openAddCredential(page: Page) {
  await page.getByTestId('nav-credentials').click();
  await page.getByTestId('new-credential').click();
  const form = page.getByTestId('credential-form');
  await expect(form).toBeVisible();
  return form;
}

function credentialRow(page: Page, name: string) {
  return page.locator(`[data-testid="credential-row"][data-credential="${name}"]`);
}

test('add a pasted ed25519 key, use it on a host, and removal is refused while in use', async ({ page, opsdeck }) => {
  const key = generateKey(opsdeck.dir, 'deploy');
  await createVault(page, opsdeck.url);

  const form = await openAddCredential(page);
  await form.getByTestId('credential-name').fill('deploy-key');
  await form.getByTestId('credential-private-key').fill(key.text);
  await form.getByTestId('credential-save').click();
  await expect(form).toBeHidden();

  const row = credentialRow(page, 'deploy-key');
  await expect(row).toContainText('Private key');
  await expect(row).toContainText('ssh-ed25519');
  await expect(row).toContainText(key.fingerprint);
  await expect(row).toContainText('Not used');
  // The secret never comes back to the renderer.
  await expect(page.locator('body')).not.toContainText('PRIVATE KEY');

  await addHost(page, { name: 'web-1', address: '10.0.0.11', credential: 'deploy-key' });
  await expect(hostRow(page, 'web-1')).toContainText('Key · deploy-key');

  await page.getByTestId('nav-credentials').click();
  await expect(row).toContainText('web-1');
  await row.click();
  await page.keyboard.press('Delete');
  const confirm = page.getByTestId('delete-credential-dialog');
  await expect(confirm).toContainText('Used by web-1');
  await confirm.getByTestId('confirm-button').click();
  await expect(confirm.getByTestId('confirm-error')).toContainText('is used by web-1');
  await page.keyboard.press('Escape');
  await expect(row).toBeVisible();
});

test('add a key by path, a password, and remove an unused credential', async ({ page, opsdeck }) => {
  const key = generateKey(opsdeck.dir, 'ops');
  await createVault(page, opsdeck.url);

  let form = await openAddCredential(page);
  await form.getByTestId('credential-name').fill('ops-key');
  await form.getByTestId('credential-source').getByRole('radio', { name: 'File on this machine' }).click();
  await form.getByTestId('credential-path').fill(join(opsdeck.dir, 'missing-key'));
  await form.getByTestId('credential-save').click();
  await expect(form.getByTestId('error-cred-path')).toContainText('missing-key');
  await form.getByTestId('credential-path').fill(`${key.path}.pub`);
  await form.getByTestId('credential-save').click();
  await expect(form.getByTestId('error-cred-path')).toContainText('public key');
  await form.getByTestId('credential-path').fill(key.path);
  await form.getByTestId('credential-save').click();
  await expect(form).toBeHidden();
  await expect(credentialRow(page, 'ops-key')).toContainText(key.fingerprint);

  form = await openAddCredential(page);
  await form.getByTestId('credential-kind').getByRole('radio', { name: 'Password' }).click();
  await form.getByTestId('credential-name').fill('root-pw');
  await form.getByTestId('credential-save').click();
  await expect(form.getByTestId('error-cred-password')).toHaveText('Password is required');
  await form.getByTestId('credential-password').fill('hunter2hunter2');
  await form.getByTestId('credential-save').click();
  await expect(form).toBeHidden();
  await expect(credentialRow(page, 'root-pw')).toContainText('Password');

  // A pasted public key is caught before it is sent.
  form = await openAddCredential(page);
  await form.getByTestId('credential-name').fill('oops');
  await form.getByTestId('credential-private-key').fill(readFileSync(`${key.path}.pub`, 'utf8'));
  await form.getByTestId('credential-save').click();
  await expect(form.getByTestId('error-cred-privateKey')).toContainText('public key');
  await page.keyboard.press('Escape');

  await credentialRow(page, 'root-pw').click();
  await page.keyboard.press('Delete');
  await page.getByTestId('confirm-button').click();
  await expect(credentialRow(page, 'root-pw')).toHaveCount(0);
  await expect(credentialRow(page, 'ops-key')).toBeVisible();
});

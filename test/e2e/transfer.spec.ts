/** Import & export: the import wizard (drop, preview, confirm, undo), CSV mapping, key passphrases, backup and restore. */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ssh2 from 'ssh2';
import { Core } from '../../electron/core/api';
import { PASSPHRASE, addHost, createVault, hostRow, snap, unlock } from './app';
import { expect, test } from './fixtures';
import { apiCall } from './page-api';
import { seedInventory } from './seed';
import { protectedEd25519 } from '../unit/ssh/keys';

const INVENTORY = `# customer inventory, as handed over
[web]
web-[1:3].shop.example   ansible_user=deploy
web-1 ansible_host=10.0.0.11 ansible_port=2222

[db]
db-primary ansible_host=10.20.3.31 ansible_user=postgres opsdeck_notes="PostgreSQL 15 primary"
bad_host! ansible_host=10.20.3.99

[prod:children]
web
db

[prod:vars]
opsdeck_tags=prod
ansible_ssh_common_args='-o ProxyJump=ops@bastion.shop.example:2222'
`;

async function openTransfer(page: Page) {
  await page.getByTestId('nav-transfer').click();
  await expect(page.getByTestId('transfer-screen')).toBeVisible();
}

function previewRow(page: Page, name: string) {
  return page.locator(`[data-testid="preview-row"][data-name="${name}"]`);
}

/** Drops a file on an element the way a user drags one in from the desktop. */
async function dropFile(page: Page, testId: string, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/plain' }));
      return dt;
    },
    { name, text },
  );
  const target = page.getByTestId(testId);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('import an Ansible inventory: drop it in, read the preview with reasons, confirm, undo', async ({ page, opsdeck }, testInfo) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'web-1', address: '10.0.0.11', user: 'deploy', groups: ['web'] });
  await openTransfer(page);
  await snap(page, testInfo, 'transfer-start');

  await page.getByTestId('import-kind-ansible').click();
  await expect(page.getByTestId('import-drop')).toContainText('Drop an Ansible inventory here');
  await dropFile(page, 'import-drop', 'customer-hosts.ini', INVENTORY);

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-counts')).toHaveText(/7 to add.*1 to update.*1 skipped/);
  await expect(previewRow(page, 'web-2.shop.example')).toHaveAttribute('data-action', 'add');
  await expect(previewRow(page, 'web-2.shop.example')).toContainText('deploy@web-2.shop.example:22 via bastion.shop.example-2222');
  await expect(previewRow(page, 'bastion.shop.example-2222')).toContainText('added as the jump host of web-1');
  const update = previewRow(page, 'web-1');
  await expect(update).toHaveAttribute('data-action', 'update');
  await expect(update).toContainText('port');
  await expect(update).toContainText('2222');
  await expect(previewRow(page, 'bad_host!')).toContainText('is not a valid OpsDeck name');
  await expect(previewRow(page, 'prod')).toHaveAttribute('data-kind', 'group');
  await snap(page, testInfo, 'transfer-preview');

  // Nothing is written by the preview.
  await page.getByTestId('nav-hosts').click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(1);
  await openTransfer(page);
  await page.getByTestId('import-kind-ansible').click();
  await page
    .getByTestId('import-drop-input')
    .setInputFiles({ name: 'customer-hosts.ini', mimeType: 'text/plain', buffer: Buffer.from(INVENTORY) });
  await page.getByTestId('preview-filter-skip').click();
  await expect(page.locator('[data-testid="preview-row"]')).toHaveCount(1);
  await page.getByTestId('preview-filter-all').click();

  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done-title')).toHaveText('Imported');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await snap(page, testInfo, 'transfer-imported');

  await page.getByTestId('import-show-hosts').click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(6);
  await expect(hostRow(page, 'web-1')).toContainText('10.0.0.11:2222');
  await expect(hostRow(page, 'db-primary')).toContainText('prod');

  await openTransfer(page);
  await page.getByTestId('history-undo').click();
  await expect(page.getByTestId('undo-import-dialog')).toBeVisible();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('undo-import-dialog')).toBeHidden();
  await expect(page.getByTestId('history-row')).toHaveAttribute('data-undone', 'true');
  await page.getByTestId('nav-hosts').click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(1);
  await expect(hostRow(page, 'web-1')).toContainText('10.0.0.11:22');
});

test('a malformed file is refused with file, line and problem, and nothing is imported', async ({ page, opsdeck }, testInfo) => {
  await createVault(page, opsdeck.url);
  await openTransfer(page);
  await page.getByTestId('import-kind-ansible').click();
  await page
    .getByTestId('import-drop-input')
    .setInputFiles({ name: 'broken.ini', mimeType: 'text/plain', buffer: Buffer.from('[web]\nweb1\n[db\ndb1\n') });
  await expect(page.getByTestId('import-error')).toHaveText(
    'broken.ini, line 3: bad section header "[db" (expected [group], [group:vars] or [group:children])',
  );
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await snap(page, testInfo, 'transfer-malformed');
});

test('CSV: columns are guessed, the user remaps one, the preview follows', async ({ page, opsdeck }, testInfo) => {
  await createVault(page, opsdeck.url);
  await openTransfer(page);
  await page.getByTestId('import-kind-csv').click();
  const csv =
    'Server;IP address;Team;Owner;SSH port\r\napi-1;10.1.0.1;platform;alice;22\r\napi-2;10.1.0.2;platform;bob;2222\r\nlegacy;10.1.0.9;ops;carol;ssh\r\n';
  await dropFile(page, 'import-drop', 'customer.csv', csv);
  await expect(page.getByTestId('csv-mapping')).toBeVisible();
  await expect(page.getByTestId('csv-column-0')).toHaveValue('name');
  await expect(page.getByTestId('csv-column-1')).toHaveValue('address');
  await expect(page.getByTestId('csv-column-2')).toHaveValue('ignore'); // "Team" means nothing to the guesser
  await expect(page.getByTestId('csv-column-4')).toHaveValue('port');
  await expect(page.getByTestId('import-counts')).toHaveText(/2 to add.*0 to update.*1 skipped/);
  await expect(previewRow(page, 'api-1')).toContainText('@10.1.0.1:22');
  await expect(previewRow(page, 'legacy')).toContainText('port "ssh" is not a port');

  await page.getByTestId('csv-column-2').selectOption('groups');
  await expect(previewRow(page, 'platform')).toHaveAttribute('data-kind', 'group');
  await expect(page.getByTestId('import-counts')).toHaveText(/3 to add.*0 to update.*1 skipped/);
  await snap(page, testInfo, 'transfer-csv-mapping');
  await apiCall(page, 'settings.update', { theme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(page, testInfo, 'transfer-csv-mapping-dark');

  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('nav-hosts').click();
  await expect(hostRow(page, 'api-2')).toContainText('10.1.0.2:2222');
});

test('untick hosts in the preview: they, and the group only they needed, stay out; tick them back in', async ({
  page,
  opsdeck,
}, testInfo) => {
  await createVault(page, opsdeck.url);
  await openTransfer(page);
  await page.getByTestId('import-kind-csv').click();
  const csv = 'name,address,groups\nweb1,10.2.0.1,web\nweb2,10.2.0.2,web\ndb1,10.2.0.3,db\nbroken,not an address!,web\n';
  await dropFile(page, 'import-drop', 'hosts.csv', csv);
  await expect(page.getByTestId('import-counts')).toHaveText(/5 to add.*0 to update.*1 skipped/);
  // Only what the import would write can be ticked: the skipped "broken" host has no box.
  await expect(previewRow(page, 'broken').getByTestId('preview-include')).toHaveCount(0);
  await expect(previewRow(page, 'web').getByTestId('preview-include')).toHaveCount(0);

  await previewRow(page, 'db1').getByTestId('preview-include').uncheck();
  await expect(page.getByTestId('import-counts')).toHaveText(/3 to add.*0 to update.*2 skipped/);
  await expect(previewRow(page, 'db1')).toHaveAttribute('data-excluded', 'true');
  await expect(previewRow(page, 'db1')).toContainText('left out by you');
  await expect(previewRow(page, 'db')).toHaveCount(0); // its group goes with it
  await expect(page.getByTestId('preview-toggle-all')).toHaveJSProperty('indeterminate', true);
  await previewRow(page, 'web2').getByTestId('preview-include').uncheck();
  await expect(page.getByTestId('import-counts')).toHaveText(/2 to add.*0 to update.*3 skipped/);
  await snap(page, testInfo, 'transfer-untick');

  // Some out: the header box is unticked and "mixed"; a click takes everything in, the next leaves all out.
  await page.getByTestId('preview-toggle-all').check();
  await expect(page.getByTestId('import-counts')).toHaveText(/5 to add.*0 to update.*1 skipped/);
  await page.getByTestId('preview-toggle-all').uncheck();
  await expect(page.getByTestId('import-apply')).toHaveText('Nothing to import');
  await expect(page.getByTestId('import-counts')).toHaveText(/0 to add.*0 to update.*4 skipped/);
  await page.getByTestId('preview-toggle-all').check();
  await expect(page.getByTestId('import-counts')).toHaveText(/5 to add.*0 to update.*1 skipped/);
  // The keyboard path: Space on a row's box.
  const db1 = previewRow(page, 'db1').getByTestId('preview-include');
  await db1.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('import-counts')).toHaveText(/3 to add.*0 to update.*2 skipped/);

  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('nav-hosts').click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(2);
  await expect(hostRow(page, 'db1')).toHaveCount(0);
});

test('known_hosts: keys to trust and a revoked key; the revocation shows in Settings until the import is undone', async ({
  page,
  opsdeck,
}, testInfo) => {
  await createVault(page, opsdeck.url);
  const blob = () => {
    const pub = ssh2.utils.parseKey(ssh2.utils.generateKeyPairSync('ed25519').public);
    if (pub instanceof Error) throw pub;
    return pub.getPublicSSH().toString('base64');
  };
  const text = `web1,10.3.0.1 ssh-ed25519 ${blob()}\n@revoked * ssh-ed25519 ${blob()}\n`;
  await openTransfer(page);
  await page.getByTestId('import-kind-known-hosts').click();
  await dropFile(page, 'import-drop', 'customer_known_hosts', text);
  await expect(page.getByTestId('import-counts')).toHaveText(/3 to add.*0 to update.*0 skipped/);
  await expect(previewRow(page, '*')).toContainText('@revoked: never trusted again, for any host');
  await expect(previewRow(page, '*').getByTestId('preview-include')).toBeChecked();
  await snap(page, testInfo, 'transfer-known-hosts');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done-title')).toHaveText('Imported');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('revoked-key')).toHaveCount(1);
  await expect(page.getByTestId('revoked-key')).toContainText('from customer_known_hosts, line 2');
  await snap(page, testInfo, 'settings-revoked-keys');

  await openTransfer(page);
  await page.getByTestId('history-undo').click();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('history-row')).toHaveAttribute('data-undone', 'true');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('revoked-host-keys')).toContainText('None.');
});

test('ssh config: a protected key asks for its passphrase, then goes into the vault', async ({ page, opsdeck }, testInfo) => {
  const keyPath = join(opsdeck.dir, 'id_deploy');
  writeFileSync(keyPath, protectedEd25519('key passphrase'), { mode: 0o600 });
  const config = `Host *\n  ServerAliveInterval 30\nHost bastion\n  HostName 203.0.113.10\n  User ops\n  IdentityFile ${keyPath}\nHost app\n  HostName 10.0.1.5\n  ProxyJump bastion\n  IdentityFile ${keyPath}\n  LocalForward 8080 localhost:80\nMatch exec "test -f /etc/vpn"\n  User vpn\n`;
  await createVault(page, opsdeck.url);
  await openTransfer(page);
  await page.getByTestId('import-drop-input').setInputFiles({ name: 'config', mimeType: 'text/plain', buffer: Buffer.from(config) });
  await expect(page.getByTestId('key-passphrases')).toBeVisible();
  await expect(page.getByTestId('import-notes')).toContainText('block skipped: OpsDeck cannot evaluate exec without connecting');
  await expect(previewRow(page, 'app')).toContainText('LocalForward is not supported');
  await snap(page, testInfo, 'transfer-key-passphrase');

  await page.getByTestId('key-passphrase').fill('wrong');
  await page.getByTestId('key-passphrases-submit').click();
  await expect(page.getByTestId('key-passphrases')).toContainText('Wrong passphrase');
  await page.getByTestId('key-passphrase').fill('key passphrase');
  await page.getByTestId('key-passphrases-submit').click();
  await expect(page.getByTestId('key-passphrases')).toHaveCount(0);
  await expect(previewRow(page, 'id_deploy')).toHaveAttribute('data-action', 'add');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('nav-credentials').click();
  await expect(page.getByText('id_deploy')).toBeVisible();
});

test('backup, then restore into a fresh install through the UI: every host, credential, scan and setting is back', async ({
  page,
  opsdeck,
}, testInfo) => {
  await createVault(page, opsdeck.url);
  await seedInventory(page, opsdeck.dir);
  await apiCall(page, 'settings.update', { theme: 'dark', idleLockMinutes: 7 });
  // A scan, stored the way the deep check stores one (the vault file is shared, WAL mode).
  const side = new Core({ path: opsdeck.vaultPath, log: () => undefined });
  await side.invoke('vault.unlock', { passphrase: PASSPHRASE });
  const web1 = await side.invoke('hosts.get', { name: 'web-1' });
  side.scans.save('run-e2e', web1.id, {
    host: 'web-1',
    address: web1.address,
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 2100,
    status: 'failed',
    failure: { code: 'UNREACHABLE', message: 'connect ETIMEDOUT 10.20.1.11:22' },
    notes: [],
    facts: null,
    services: [],
    edges: [],
    findings: [],
  });
  side.close();
  await page.reload();
  await expect(page.getByTestId('shell')).toBeVisible();

  await openTransfer(page);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('backup-create').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^opsdeck-backup-.*\.opsdeck-backup$/);
  const backupPath = join(opsdeck.dir, download.suggestedFilename());
  await download.saveAs(backupPath);
  await expect(page.getByTestId('backup-status')).toContainText('It opens with your current vault passphrase');
  expect(readFileSync(backupPath).includes('correct-db-password')).toBe(false);
  await snap(page, testInfo, 'transfer-backup-done');

  // A new laptop: the vault is gone.
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  for (const suffix of ['', '.header']) renameSync(opsdeck.vaultPath + suffix, `${opsdeck.vaultPath}.old-laptop${suffix}`);
  await page.reload();
  await expect(page.getByTestId('create-vault-form')).toBeVisible();
  await expect(page.getByTestId('restore-from-backup')).toBeVisible();
  await snap(page, testInfo, 'transfer-fresh-install');

  await page.getByTestId('restore-from-backup').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('restore-warning')).toHaveCount(0); // nothing to replace
  await page.getByTestId('restore-drop-input').setInputFiles(backupPath);
  await expect(page.getByTestId('restore-file')).toContainText('.opsdeck-backup');
  await page.getByTestId('restore-passphrase').fill('not the passphrase');
  await page.getByTestId('restore-submit').click();
  await expect(dialog.getByTestId('error-restore-passphrase')).toContainText('Wrong passphrase for this backup');
  await snap(page, testInfo, 'transfer-restore-wrong');
  await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-summary')).toContainText('12 hosts, 3 credentials, 4 groups and 1 scan');
  await snap(page, testInfo, 'transfer-restored');
  await page.getByTestId('restore-done').click();
  await expect(page.getByTestId('shell')).toBeVisible();

  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(12);
  await expect(hostRow(page, 'db-primary')).toContainText('10.20.3.31');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('nav-credentials').click();
  for (const name of ['deploy-key', 'legacy-ci', 'db-admin']) await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.getByTestId('nav-groups').click();
  await expect(page.locator('[data-testid="group-row"]')).toHaveCount(4);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('idle-lock-minutes')).toHaveValue('7');

  await openTransfer(page);
  const scansDownload = page.waitForEvent('download');
  await page.getByTestId('export-scans').click();
  const scans = JSON.parse(readFileSync((await (await scansDownload).path()) ?? '', 'utf8')) as {
    scans: Array<{ host: string; failure: { message: string } }>;
  };
  expect(scans.scans).toMatchObject([{ host: 'web-1', failure: { message: 'connect ETIMEDOUT 10.20.1.11:22' } }]);

  // On disk, not just in memory: a restart opens the restored vault with the backup's passphrase.
  await opsdeck.restart();
  await page.goto(opsdeck.url);
  await unlock(page);
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(12);
});

test('restore over an existing vault says it replaces it, and keeps the old one', async ({ page, opsdeck }, testInfo) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'only-host', address: '10.0.0.1' });
  await openTransfer(page);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('backup-create').click();
  const backupPath = join(opsdeck.dir, 'b.opsdeck-backup');
  await (await downloading).saveAs(backupPath);
  await addHost(page, { name: 'added-later', address: '10.0.0.2' });

  await openTransfer(page);
  await page.getByTestId('backup-restore').click();
  await expect(page.getByTestId('restore-warning')).toContainText('This replaces the vault at');
  await page.getByTestId('restore-drop-input').setInputFiles(backupPath);
  await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
  await snap(page, testInfo, 'transfer-restore-replace');
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-summary')).toContainText('The vault it replaced is kept at');
  await page.getByTestId('restore-done').click();
  await page.getByTestId('nav-hosts').click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(1);
  await expect(hostRow(page, 'only-host')).toBeVisible();
});

/** Host list and forms: validation, edit, delete, search, filters and keyboard use. */
import type { Page } from '@playwright/test';
import { addHost, createVault, fillHostForm, hostRow, hostRowName, snap } from './app';
import { expect, test } from './fixtures';

async function openNewHost(page: Page) {
  await page.keyboard.press('n');
  await expect(page.getByTestId('host-form')).toBeVisible();
  return page.getByTestId('host-form');
}

test('validation errors show inline: bad port (client), duplicate name (core)', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'web-1', address: '10.0.0.11' });

  const form = await openNewHost(page);
  await fillHostForm(page, { name: 'web-2', address: '10.0.0.12', port: '70000' });
  await form.getByTestId('host-save').click();
  await expect(form.getByTestId('error-host-port')).toHaveText('Port must be between 1 and 65535');
  await expect(form.getByTestId('host-port')).toBeFocused();
  await expect(form.getByTestId('host-port')).toHaveAttribute('aria-invalid', 'true');

  // Errors follow the user's edits live once they have tried to submit.
  await form.getByTestId('host-port').fill('abc');
  await expect(form.getByTestId('error-host-port')).toHaveText('Port must be a number');
  await form.getByTestId('host-port').fill('2222');
  await expect(form.getByTestId('error-host-port')).toBeHidden();

  await form.getByTestId('host-name').fill('has space');
  await expect(form.getByTestId('error-host-name')).toContainText('Use letters, digits');

  // A duplicate name is something only the core knows: its error lands on the name field.
  await form.getByTestId('host-name').fill('web-1');
  await form.getByTestId('host-save').click();
  await expect(form.getByTestId('error-host-name')).toHaveText('A host named "web-1" already exists.');
  await expect(form).toBeVisible();

  await form.getByTestId('host-name').fill('web-2');
  await expect(form.getByTestId('error-host-name')).toBeHidden();
  await form.getByTestId('host-save').click();
  await expect(form).toBeHidden();
  await expect(hostRow(page, 'web-2')).toContainText('10.0.0.12:2222');
});

test('a bad address and a bad tag are refused with the contract messages', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  const form = await openNewHost(page);
  await form.getByTestId('host-name').fill('x');
  await form.getByTestId('host-address').fill('not an address!');
  await form.locator('#host-tags').fill('bad tag!');
  await form.locator('#host-tags').press('Enter');
  await expect(form.getByTestId('error-host-tags')).toContainText('Tags use letters');
  await form.getByTestId('host-save').click();
  await expect(form.getByTestId('error-host-address')).toHaveText('Not a valid host name or IP address');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByTestId('hosts-empty')).toBeVisible();
});

test('edit a host (rename, port, tags, jump host) and delete one with confirmation', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'bastion', address: '203.0.113.10' });
  await addHost(page, { name: 'app-1', address: '10.0.1.5', tags: ['prod'] });

  await hostRowName(page, 'app-1').dblclick();
  const form = page.getByTestId('host-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('host-name')).toHaveValue('app-1');
  await form.getByTestId('host-name').fill('app-01');
  await form.getByTestId('host-port').fill('2200');
  await form.getByTestId('host-jumpHost').selectOption('bastion');
  await form.locator('#host-tags').fill('role:app');
  await form.locator('#host-tags').press('Enter');
  await form.getByTestId('host-save').click();
  await expect(form).toBeHidden();

  const row = hostRow(page, 'app-01');
  await expect(row).toContainText('10.0.1.5:2200');
  await expect(row).toContainText('bastion');
  await expect(row).toContainText('role:app');
  await expect(hostRow(page, 'app-1')).toHaveCount(0);

  // The jump host cannot be deleted while a host goes through it: the core says so in the dialog.
  await hostRowName(page, 'bastion').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByTestId('delete-host-dialog');
  await expect(confirm).toBeVisible();
  await confirm.getByTestId('confirm-button').click();
  await expect(confirm.getByTestId('confirm-error')).toContainText('jump host of app-01');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();

  // Cancel keeps it; confirming removes it.
  await hostRowName(page, 'app-01').click();
  await page.keyboard.press('Delete');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(hostRow(page, 'app-01')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(confirm).toContainText('app-01');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(hostRow(page, 'app-01')).toHaveCount(0);
  await expect(hostRow(page, 'bastion')).toBeVisible();
});

test('a jump host cycle is refused on the jump host field', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'a', address: '10.0.0.1' });
  await addHost(page, { name: 'b', address: '10.0.0.2', jumpHost: 'a' });
  await hostRowName(page, 'a').dblclick();
  const form = page.getByTestId('host-form');
  await form.getByTestId('host-jumpHost').selectOption('b');
  await form.getByTestId('host-save').click();
  await expect(form.getByTestId('error-host-jumpHost')).toContainText('cycle');
});

test('search, tag filter and group filter narrow the list', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'web-1', address: '10.0.0.11', tags: ['prod', 'role:web'], groups: ['frontend'] });
  await addHost(page, { name: 'web-2', address: '10.0.0.12', tags: ['staging', 'role:web'], groups: ['frontend'] });
  await addHost(page, { name: 'db-1', address: '10.0.0.21', user: 'postgres', tags: ['prod', 'role:db'] });
  const rows = page.getByTestId('host-row');
  await expect(rows).toHaveCount(3);

  // "/" focuses search from anywhere on the screen; every term must match.
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('host-search')).toBeFocused();
  await page.keyboard.type('web');
  await expect(rows).toHaveCount(2);
  await page.keyboard.type(' prod');
  await expect(rows).toHaveCount(1);
  await expect(hostRow(page, 'web-1')).toBeVisible();
  await page.getByTestId('host-search').fill('postgres');
  await expect(rows).toHaveCount(1);
  await expect(hostRow(page, 'db-1')).toBeVisible();
  await page.getByTestId('host-search').press('Escape');
  await expect(page.getByTestId('host-search')).toHaveValue('');
  await expect(rows).toHaveCount(3);

  await page.getByTestId('tag-filter').selectOption('prod');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('.screen-count')).toHaveText('2 of 3');
  await page.getByTestId('group-filter').selectOption('frontend');
  await expect(rows).toHaveCount(1);
  await expect(hostRow(page, 'web-1')).toBeVisible();

  await page.getByTestId('host-search').fill('nothing-matches-this');
  await expect(page.getByTestId('no-matches')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(3);

  // A tag chip in the table is a shortcut to its filter.
  await hostRow(page, 'web-2').getByRole('button', { name: 'staging' }).click();
  await expect(page.getByTestId('tag-filter')).toHaveValue('staging');
  await expect(rows).toHaveCount(1);
});

test('keyboard: arrows move, Enter edits, Esc closes, N adds, Delete asks', async ({ page, opsdeck }) => {
  await createVault(page, opsdeck.url);
  for (const name of ['alpha', 'bravo', 'charlie']) await addHost(page, { name, address: `${name}.example.com` });

  await page.getByTestId('host-search').focus();
  await page.keyboard.press('ArrowDown');
  // The last added host is selected; Home goes to the top.
  await page.keyboard.press('Home');
  await expect(hostRow(page, 'alpha')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hostRow(page, 'bravo')).toBeFocused();
  await expect(hostRow(page, 'bravo')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(hostRow(page, 'charlie')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(hostRow(page, 'bravo')).toBeFocused();

  await page.keyboard.press('Enter');
  const form = page.getByTestId('host-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('host-name')).toBeFocused();
  await expect(form.getByTestId('host-name')).toHaveValue('bravo');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(hostRow(page, 'bravo')).toBeFocused();

  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-host-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(hostRow(page, 'bravo')).toHaveCount(0);
  // The cursor lands on the row that took the deleted one's place.
  await expect(hostRow(page, 'charlie')).toBeFocused();

  await page.keyboard.press('n');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('host-name')).toBeFocused();
  await page.keyboard.type('delta');
  await page.keyboard.press('Tab');
  await page.keyboard.type('delta.example.com');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(hostRow(page, 'delta')).toBeVisible();
});

test('tick hosts and change them all at once: tags, groups, deep check, delete (all or none)', async ({ page, opsdeck }, testInfo) => {
  await createVault(page, opsdeck.url);
  await addHost(page, { name: 'bastion', address: '10.0.0.1' });
  for (const name of ['web1', 'web2', 'db1']) await addHost(page, { name, address: `${name}.example.com`, jumpHost: 'bastion' });

  // Tick with the box, and with Space on a focused row.
  await hostRow(page, 'web1').getByTestId('host-pick').check();
  await hostRow(page, 'web2').getByTestId('host-pick').check();
  await hostRowName(page, 'db1').click();
  await expect(hostRow(page, 'db1')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(hostRow(page, 'db1')).toHaveAttribute('data-picked', 'true');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 picked');
  await expect(page.getByTestId('pick-all')).toHaveJSProperty('indeterminate', true);

  await page.getByTestId('bulk-tags').click();
  const dialog = page.getByTestId('bulk-edit-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('#bulk-add').fill('prod');
  await dialog.locator('#bulk-add').press('Enter');
  await snap(page, testInfo, 'hosts-bulk-tags');
  await page.getByTestId('bulk-apply').click();
  await expect(dialog).toBeHidden();
  for (const name of ['web1', 'web2', 'db1']) await expect(hostRow(page, name)).toContainText('prod');
  await expect(hostRow(page, 'bastion')).not.toContainText('prod');

  await page.getByTestId('bulk-groups').click();
  await dialog.locator('#bulk-add').fill('shop');
  await dialog.locator('#bulk-add').press('Enter');
  await page.getByTestId('bulk-apply').click();
  await expect(dialog).toBeHidden();
  await expect(hostRow(page, 'web2')).toContainText('shop');

  // Picked hosts hidden by a filter are still counted, and said to be hidden.
  await page.getByTestId('host-search').fill('web');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 picked (1 hidden by the filters)');
  await snap(page, testInfo, 'hosts-bulk-bar');
  await page.getByTestId('host-search').fill('');

  // A deep check of just these hosts.
  await page.getByTestId('bulk-check').click();
  await expect(page.getByTestId('check-screen')).toBeVisible();
  await expect(page.getByTestId('check-run')).toHaveText(/Check 3 hosts/);
  await page.getByTestId('nav-hosts').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('3 picked'); // ticks survive a visit elsewhere

  // Deleting the jump host with only some of the hosts behind it is refused, and nothing goes.
  await hostRow(page, 'db1').getByTestId('host-pick').uncheck();
  await hostRow(page, 'bastion').getByTestId('host-pick').check();
  await page.getByTestId('bulk-delete').click();
  const confirm = page.getByTestId('bulk-delete-dialog');
  await confirm.getByTestId('confirm-button').click();
  await expect(confirm.getByTestId('confirm-error')).toContainText('bastion is the jump host of db1');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-testid="host-row"]')).toHaveCount(4);
  // With hosts ticked, the Delete key means them (a row's own trash button still means that row).
  await hostRowName(page, 'web1').click();
  await page.keyboard.press('Delete');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Delete 3 hosts?');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();

  // With every host behind it picked too, they all go in one step.
  await page.getByTestId('pick-all').check();
  await expect(page.getByTestId('bulk-count')).toHaveText('4 picked');
  await page.getByTestId('bulk-delete').click();
  await confirm.getByTestId('confirm-button').click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('bulk-note')).toHaveText('4 hosts deleted.');
  await expect(page.getByTestId('hosts-empty')).toBeVisible();
});

/** The browser host only answers someone who has the token it printed. */
import { expect, test } from './fixtures';

test('the bare URL without the token is refused', async ({ page, request, opsdeck }) => {
  const response = await request.get(opsdeck.origin, { failOnStatusCode: false });
  expect([401, 403]).toContain(response.status());
  expect(await response.text()).not.toContain('id="root"');

  await page.goto(opsdeck.origin);
  await expect(page.getByText(/access refused/i)).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
});

test('a wrong token is refused too', async ({ request, opsdeck }) => {
  const response = await request.get(`${opsdeck.origin}?token=not-the-token`, { failOnStatusCode: false });
  expect([401, 403]).toContain(response.status());
});

test('the page runs under a strict CSP', async ({ page, opsdeck }) => {
  const response = await page.goto(opsdeck.url);
  const csp = response?.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  await expect(page.getByTestId('create-vault-form')).toBeVisible();
});

/**
 * The console end to end: real Chromium, the real server on the embedded
 * database, one story from sign-in to a conflicting edit. Each test leaves a
 * screenshot of its final screen in .test-results/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Flag, type Prerequisite, type Rule, type Serve, type Snapshot, evaluate } from '@dial/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, CHROMIUM, type Harness, signIn, startHarness } from './harness.js';

interface Config {
  enabled: boolean;
  offVariant: string;
  rules: Rule[];
  fallthrough: Serve;
  prerequisites: Prerequisite[];
  version: number;
}

const FLAG = '/default/production/flags/new-checkout';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => h?.close(), 60_000);

/** A tab on `pathname`, signed in (the session cookie is shared by the tabs of one browser). */
async function signedIn(pathname: string): Promise<Page> {
  const page = await h.open(pathname);
  const form = page.getByLabel('Admin token', { exact: true });
  const main = page.locator('#main');
  await Promise.race([form.waitFor(), main.waitFor()]);
  if (await form.isVisible()) await signIn(page);
  await main.waitFor();
  return page;
}

const production = async () => (await h.api<{ environments: Record<string, Config> }>('GET', '/projects/default/flags/new-checkout')).environments.production!;

// CI installs Chromium, so there a missing browser fails instead of skipping.
describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')('the console in Chromium', () => {
  it('signs in with the admin token, and refuses a wrong one with the reason', async () => {
    const page = await h.open('/');
    await page.getByLabel('Admin token', { exact: true }).fill('dial_admin_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The token is unknown or revoked');
    await signIn(page);
    await page.getByRole('heading', { name: 'Flags', exact: true }).waitFor();
    expect(page.url()).toMatch(/\/default\/production\/flags$/);
    await page.getByRole('heading', { name: 'No flags yet' }).waitFor();
    expect(await page.locator('.snippet').textContent()).toContain('@dial/sdk-node');
    await h.screenshot(page, '01-sign-in');
  }, 30_000);

  it('creates a flag, showing a refused key next to its field', async () => {
    const page = await signedIn('/default/production/flags');
    await page.getByRole('button', { name: 'New flag' }).click();
    const form = page.getByRole('form', { name: 'New flag' });
    await form.getByRole('textbox', { name: /^Key/ }).fill('New Checkout');
    await form.getByRole('button', { name: 'Create flag' }).click();
    await expect.poll(() => form.locator('[data-path="key"]').textContent()).toMatch(/./);
    await form.getByRole('textbox', { name: /^Key/ }).fill('new-checkout');
    await form.getByRole('textbox', { name: /^Name/ }).fill('New checkout');
    await form.getByRole('textbox', { name: /^Tags/ }).fill('checkout, web');
    await form.getByRole('button', { name: 'Create flag' }).click();
    await page.getByRole('heading', { name: 'New checkout' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(FLAG);
    const flag = await h.api<{ tags: string[]; kind: string }>('GET', '/projects/default/flags/new-checkout');
    expect(flag).toMatchObject({ kind: 'boolean', tags: ['checkout', 'web'] });
    await h.screenshot(page, '02-create-flag');
  }, 30_000);

  it('adds a rule that targets a segment', async () => {
    const page = await signedIn('/default/production/segments');
    await page.getByRole('button', { name: 'New segment' }).click();
    const form = page.getByRole('form', { name: 'New segment' });
    await form.getByRole('textbox', { name: /^Key/ }).fill('beta-users');
    await form.getByRole('textbox', { name: /^Name/ }).fill('Beta users');
    await form.getByLabel(/Included targeting keys/).fill('user-1');
    await form.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('heading', { name: 'Beta users' }).waitFor();

    await page.goto(FLAG);
    await page.getByRole('button', { name: 'Add rule' }).click();
    // Saved as added, the condition has no value: the API's error shows on that row.
    await page.getByRole('button', { name: 'Save changes' }).click();
    const issue = page.locator('li.condition [data-path^="rules[0].when[0]"]').first();
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(/./);
    await page.getByLabel('Rule 1 condition 1: type').selectOption('segment');
    await expect.poll(() => page.getByLabel('Rule 1 condition 1: segment').inputValue()).toBe('beta-users');
    await page.getByLabel('Rule 1: serve').selectOption('variant:on');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const config = await production();
    expect(config.rules).toEqual([{ id: 'rule-1', when: [{ segment: 'beta-users' }], serve: { variant: 'on' } }]);
    await h.screenshot(page, '03-rule-with-segment');
  }, 30_000);

  it('sets a 12.5% rollout for everyone else', async () => {
    const page = await signedIn(FLAG);
    await page.getByLabel('Default: serve').selectOption('rollout');
    await page.getByLabel('Percent served on').fill('12.5');
    await expect.poll(() => page.getByLabel('Percent served off').inputValue()).toBe('87.5');
    expect(await page.getByRole('slider').first().getAttribute('aria-valuetext')).toBe('12.500%');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await production()).fallthrough).toEqual({ rollout: { split: [{ variant: 'on', weight: 12500 }, { variant: 'off', weight: 87500 }] } });
    await h.screenshot(page, '04-rollout');
  }, 30_000);

  it('switches the flag on in production', async () => {
    const page = await signedIn(FLAG);
    const toggle = page.getByRole('switch', { name: 'Serve the flag in Production' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    expect((await production()).enabled).toBe(true);
    await page.goto('/default/production/flags');
    await page.getByRole('link', { name: /New checkout/ }).waitFor();
    expect(await page.locator('tbody .state').first().textContent()).toBe('On');
    await h.screenshot(page, '05-switched-on');
  }, 30_000);

  it('evaluates the flag in the try-it panel with the core engine', async () => {
    const page = await signedIn(FLAG);
    const context = page.getByLabel('Context (JSON)');
    await context.fill('{ "key": "user-1" }');
    await expect.poll(() => page.getByTestId('try-it-reason').textContent()).toBe('TARGETING_MATCH');
    expect(await page.getByTestId('try-it-variant').textContent()).toBe('on');
    expect(await page.getByTestId('try-it-rule').textContent()).toBe('Rule 1 (rule-1)');

    // Someone outside the segment falls into the 12.5% rollout, bucketed as every SDK buckets.
    const config = await production();
    const flag: Flag = { key: 'new-checkout', variants: { on: true, off: false }, ...config };
    const snapshot: Snapshot = { flags: [flag], segments: [{ key: 'beta-users', include: ['user-1'] }] };
    const expected = evaluate(snapshot, 'new-checkout', { key: 'user-42' });
    await context.fill('{ "key": "user-42", "country": "DE" }');
    await expect.poll(() => page.getByTestId('try-it-reason').textContent()).toBe('SPLIT');
    expect(await page.getByTestId('try-it-variant').textContent()).toBe(expected.variant);
    expect(await page.getByTestId('try-it-rule').textContent()).toBe('—');

    await context.fill('{ "key": ');
    await page.getByText(/Not valid JSON/).waitFor();
    await context.fill('{ "key": "user-1", "email": "ann@example.com" }');
    await expect.poll(() => page.getByTestId('try-it-variant').textContent()).toBe('on');
    if (process.env.DIAL_DOCS_SCREENSHOTS === '1') {
      const docs = path.resolve(import.meta.dirname, '../../../docs');
      mkdirSync(docs, { recursive: true });
      await page.screenshot({ path: path.join(docs, 'console-flag-page.png'), fullPage: true });
    }
    await h.screenshot(page, '06-try-it');
  }, 30_000);

  it('shows the change in the audit log with its diff', async () => {
    const page = await signedIn('/default/production/audit');
    await page.getByLabel('Resource key').fill('new-checkout');
    const first = page.locator('table.audit tbody tr').first();
    await expect.poll(() => first.textContent()).toContain('flag.config.updated');
    expect(await first.textContent()).toContain('DIAL_ADMIN_TOKEN');
    await first.getByRole('button', { name: 'Show changes' }).click();
    const diff = page.getByRole('table', { name: 'Changes' });
    const enabled = diff.getByRole('row').filter({ hasText: /^enabled/ });
    expect(await enabled.locator('del').textContent()).toBe('false');
    expect(await enabled.locator('ins').textContent()).toBe('true');
    await h.screenshot(page, '07-audit-diff');
  }, 30_000);

  it('opens the conflict dialog when two tabs edit the same flag, and reloads the newer version', async () => {
    const first = await signedIn(FLAG);
    const second = await signedIn(FLAG);
    await second.getByLabel('Percent served on').waitFor();

    // The first tab switches production off; the second, still on the old version, edits the rollout.
    await first.getByRole('switch', { name: 'Serve the flag in Production' }).click();
    await expect.poll(() => first.getByRole('switch', { name: 'Serve the flag in Production' }).getAttribute('aria-checked')).toBe('false');
    await second.getByLabel('Percent served on').fill('25');
    await second.getByRole('button', { name: 'Save changes' }).click();

    const dialog = second.getByRole('dialog', { name: /was changed meanwhile/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('is at version');
    expect(await dialog.locator('pre').textContent()).toContain('"enabled": false');
    await h.screenshot(second, '08-conflict-dialog');
    expect((await production()).fallthrough).toEqual({ rollout: { split: [{ variant: 'on', weight: 12500 }, { variant: 'off', weight: 87500 }] } });

    await dialog.getByRole('button', { name: 'Reload newer version' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await second.getByRole('switch', { name: 'Serve the flag in Production' }).getAttribute('aria-checked')).toBe('false');
    expect(await second.getByLabel('Percent served on').inputValue()).toBe('12.5');
    await h.screenshot(second, '08-conflict-reloaded');
  }, 30_000);

  it('follows the system into dark mode', async () => {
    const page = await signedIn(FLAG);
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = () => page.evaluate('getComputedStyle(document.body).backgroundColor');
    await expect.poll(background).toBe('rgb(18, 18, 24)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe('rgb(247, 247, 251)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(page, '09-dark-mode');
  }, 30_000);

  it('sends an expired session back to sign-in with the reason', async () => {
    const page = await signedIn('/default/production/flags');
    await page.getByRole('link', { name: /New checkout/ }).waitFor();
    await h.server.db.query("UPDATE sessions SET last_seen_at = now() - interval '13 hours'");
    await page.getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByText('Your session has expired; sign in again').waitFor();
    await page.getByLabel('Admin token', { exact: true }).waitFor();
    await h.screenshot(page, '10-session-expired');
  }, 30_000);

  it('creates an API key shown once, and signs out', async () => {
    const page = await signedIn('/default/production/keys');
    await page.getByLabel('Name', { exact: true }).fill('checkout-service');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('new-secret').textContent();
    expect(secret).toMatch(/^dial_server_/);
    expect(secret).not.toBe(ADMIN_TOKEN);
    await page.getByRole('cell', { name: 'checkout-service' }).waitFor();
    await h.screenshot(page, '11-api-key');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await h.screenshot(page, '11-signed-out');
  }, 30_000);

  it('makes the flag visible to client keys', async () => {
    const page = await signedIn(FLAG);
    const visible = page.getByLabel(/Visible to client keys/);
    expect(await visible.isChecked()).toBe(false);
    await visible.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await h.api<{ clientSide: boolean }>('GET', '/projects/default/flags/new-checkout')).clientSide).toBe(true);
    await expect.poll(() => visible.isChecked()).toBe(true);
    await h.screenshot(page, '12-client-side');
  }, 30_000);
});

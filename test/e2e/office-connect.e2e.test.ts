/**
 * #16 items 1 and 2 in Chromium at 1366×768 (web mode, as `npm run start:web` runs it): a fresh
 * desk, on its setup screen, connects to an office database another desk already set up, through
 * "事務所のデータベースに接続": a wrong password is named in Japanese and saves nothing, the right
 * one is reported, "save and use" switches the running desk, and a staff passphrase unlocks it.
 * Settings then show which database the desk is on, and no password anywhere on the page; locked
 * again, "back to the local vault" returns the desk to its own (new) vault.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/services/core/dispatch';
import { KaijiCore } from '../../electron/services/core/kaiji-core';
import { SHOTS, WAIT, useChromium } from '../helpers/e2e-page';
import { E2E_ADMIN, lock, unlock } from '../helpers/e2e-flows';
import { useOfficeServer } from '../helpers/office-pg';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';

const tempDir = useTempDirs();
const chromium = useChromium();
const officeServer = useOfficeServer();

describe('a desk connects to the office database from its first screen', () => {
  it('wrong password named, right one reported, save and use, unlock with a staff passphrase, Settings show the database', async () => {
    const office = officeServer().app;
    // Another desk set the office up (company, first administrator).
    const first = new KaijiCore({ dataDir: tempDir(), mode: 'web', office, ocrWorkers: 1 });
    try {
      const setup = await createDispatch(first)('vault.setup', { companyName: E2E_ADMIN.company, adminName: E2E_ADMIN.name, adminLogin: E2E_ADMIN.login, passphrase: E2E_ADMIN.passphrase });
      expect(setup.ok).toBe(true);
    } finally {
      await first.dispose();
    }

    const dataDir = tempDir();
    const web = await startWebMode(dataDir);
    const page = await chromium().newPage({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(web.url);
      await page.getByTestId('setup-company').waitFor(WAIT);
      await page.getByTestId('office-open').click();
      await page.getByTestId('office-form').waitFor(WAIT);
      expect(await page.getByTestId('office-current').getAttribute('data-backend')).toBe('vault');

      await page.getByTestId('office-host').fill('127.0.0.1');
      await page.getByTestId('office-port').fill(String(office.port));
      await page.getByTestId('office-database').fill(office.database);
      await page.getByTestId('office-user').fill(office.user);
      await page.getByTestId('office-password').fill(`${office.password}x`);
      await page.getByTestId('office-test').click();
      await page.getByTestId('office-error').waitFor(WAIT);
      expect(await page.getByTestId('office-error').innerText()).toContain('パスワードが正しくありません');
      // Saving with it is refused too, and the desk stays on its vault.
      await page.getByTestId('office-save').click();
      await page.getByTestId('office-error').waitFor(WAIT);
      expect(existsSync(join(dataDir, 'office.json'))).toBe(false);

      await page.getByTestId('office-password').fill(office.password);
      // Enter in a field tests the connection (the keyboard works without the mouse).
      await page.getByTestId('office-password').press('Enter');
      await page.getByTestId('office-ok').waitFor(WAIT);
      expect(await page.getByTestId('office-ok').innerText()).toMatch(/PostgreSQL \d+\.\d+.*初期設定されています/s);
      // The form fits the window: nothing runs off to the right.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: join(SHOTS, 'office-connect.png'), fullPage: true });

      await page.getByTestId('office-save').click();
      await page.getByTestId('unlock-login').waitFor(WAIT);
      // The unlock screen says which office database it opens.
      await page.getByTestId('office-on').waitFor(WAIT);
      expect(await page.getByTestId('office-on').innerText()).toContain(office.database);
      expect(statSync(join(dataDir, 'office.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'kaiji.pgpass')).mode & 0o777).toBe(0o600);

      await unlock(page, E2E_ADMIN.login, E2E_ADMIN.passphrase);
      await page.getByTestId('nav-settings').waitFor(WAIT);
      await page.getByTestId('nav-settings').click();
      const section = page.getByTestId('settings-office');
      await section.waitFor(WAIT);
      expect(await section.getAttribute('data-backend')).toBe('office');
      await section.scrollIntoViewIfNeeded();
      expect(await page.getByTestId('settings-office-database').innerText()).toContain(office.database);
      expect(await page.getByTestId('settings-office-tls').innerText()).toContain('TLS なし');
      expect(await page.getByTestId('settings-office-server').innerText()).toMatch(/PostgreSQL \d+/);
      expect(await page.content()).not.toContain(office.password);
      await page.screenshot({ path: join(SHOTS, 'office-settings.png') });

      // Locked, the desk goes back to its own vault (never set up: the setup screen), office files gone.
      await lock(page);
      await page.getByTestId('office-open').click();
      await page.getByTestId('office-use-local').click();
      await page.getByTestId('setup-company').waitFor(WAIT);
      expect(existsSync(join(dataDir, 'office.json'))).toBe(false);
      expect(existsSync(join(dataDir, 'kaiji.pgpass'))).toBe(false);
    } finally {
      await page.close();
      await web.stop();
    }
  });
});

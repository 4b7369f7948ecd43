import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, useChromium } from '../helpers/e2e-page';
import { fillSetup, lock, setUpVault, unlock, changeForcedPassphrase } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode, type WebModeProcess } from '../helpers/web-mode';

const tempDir = useTempDirs();

const chromium = useChromium();


describe('foundation, end to end in Chromium over web mode', () => {
  let web: WebModeProcess;

  it('first run -> administrator -> recovery key -> lock/unlock -> clerk without staff admin -> wrong passphrase', async () => {
    web = await startWebMode(tempDir());
    const page = await chromium().newPage({ locale: 'ja-JP' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(web.url);
      // The token was traded for a cookie and dropped from the address bar.
      expect(new URL(page.url()).search).toBe('');

      await fillSetup(page);

      const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
      expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
      await page.screenshot({ path: join(SHOTS, 'foundation-recovery-key.png') });
      await expect.poll(() => page.getByTestId('recovery-continue').isDisabled(), { timeout: 20_000 }).toBe(true);
      await page.getByTestId('recovery-confirm').check();
      await page.getByTestId('recovery-continue').click();

      await expect.poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 }).toContain('管理 花子');
      await lock(page);
      await unlock(page, 'hanako', 'correct horse battery staple');

      await page.getByTestId('nav-staff').click();
      await page.getByTestId('staff-add').click();
      await page.getByTestId('staff-name').fill('担当 一郎');
      await page.getByTestId('staff-login').fill('ichiro');
      await page.getByTestId('staff-role').selectOption('clerk');
      await page.getByTestId('staff-passphrase').fill('clerk passphrase one');
      await page.getByTestId('staff-submit').click();
      await page.getByTestId('staff-row-ichiro').waitFor();
      await page.screenshot({ path: join(SHOTS, 'foundation-staff.png') });

      await lock(page);
      await unlock(page, 'ichiro', 'clerk passphrase one');
      await changeForcedPassphrase(page, 'clerk passphrase one', 'clerk passphrase of my own'); // #13 item 8
      await expect.poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 }).toContain('担当 一郎');
      expect(await page.getByTestId('nav-staff').count()).toBe(0);
      expect(await page.getByTestId('nav-audit').count()).toBe(0);
      await page.evaluate(() => (window.location.hash = '#/staff'));
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByTestId('staff-page').count()).toBe(0);

      await lock(page);
      await unlock(page, 'ichiro', 'not my passphrase');
      const alert = page.getByTestId('unlock-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('パスフレーズが正しくありません');
      await page.screenshot({ path: join(SHOTS, 'foundation-wrong-passphrase.png') });

      // English is one click away, and the same error reads in English.
      await page.getByTestId('lang-switch').click();
      await unlock(page, 'ichiro', 'still not my passphrase');
      await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('passphrase is not correct');

      // Every passphrase lost: the recovery key resets the administrator's.
      await page.getByTestId('unlock-use-recovery').click();
      await page.getByTestId('recover-key').fill(recoveryKey.toLowerCase());
      await page.getByTestId('recover-login').fill('hanako');
      await page.getByTestId('recover-passphrase').fill('a brand new passphrase');
      await page.getByTestId('recover-passphrase-confirm').fill('a brand new passphrase');
      await page.getByTestId('recover-submit').click();
      await expect.poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 }).toContain('管理 花子');

      // And a passphrase is changed from the user menu.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('menu-change-passphrase').click();
      await page.getByTestId('pass-current').fill('a brand new passphrase');
      await page.getByTestId('pass-next').fill('the passphrase after that');
      await page.getByTestId('pass-confirm').fill('the passphrase after that');
      await page.getByTestId('pass-submit').click();
      await page.getByTestId('pass-submit').waitFor({ state: 'detached', timeout: 20_000 });
      await lock(page);
      await unlock(page, 'hanako', 'the passphrase after that');
      await expect.poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 }).toContain('管理 花子');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await web.stop();
    }
  });

  it('lets the administrator see the unlock attempts in the audit trail and verify the chain', async () => {
    web = await startWebMode(tempDir());
    const page = await chromium().newPage({ locale: 'ja-JP' });
    try {
      await setUpVault(page, web.url);
      await lock(page);
      await unlock(page, 'hanako', 'wrong passphrase here');
      await page.getByTestId('unlock-error').waitFor();
      await unlock(page, 'hanako', 'correct horse battery staple');

      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-table').waitFor();
      // Shown in words (#13 item 7); the code stays in data-action.
      const failed = page.getByTestId('audit-table').locator('[data-action="vault.unlock_failed"]');
      await failed.first().waitFor({ timeout: 20_000 });
      expect(await failed.first().textContent()).toBe('ロック解除の失敗');
      await page.getByTestId('audit-verify').click();
      const verdict = page.getByTestId('audit-verify-result');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      await page.screenshot({ path: join(SHOTS, 'foundation-audit.png'), fullPage: true });
    } finally {
      await page.close();
      await web.stop();
    }
  });
});

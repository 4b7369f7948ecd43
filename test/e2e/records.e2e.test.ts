import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { E2E_ADMIN, lock, openDesk } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('records keeping end to end in Chromium (#15: backup, restore, retention)', () => {
  it('warns on Today, backs up from the records page with progress, and restores from the unlock screen', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    const backupDir = tempDir();
    try {
      await page.getByTestId('today-backup-warning').waitFor(WAIT);
      expect(await page.getByTestId('today-backup-warning').textContent()).toContain('バックアップの保存先が設定されていません');

      await page.goto(`${web.url}#/records`);
      await page.getByTestId('backup-folder').fill(backupDir);
      await page.getByTestId('backup-save').click();
      await expect.poll(async () => (await pageCall(page, 'backup.overview', {})).settings.folder, WAIT).toBe(backupDir);
      await page.getByTestId('backup-now').click();
      await page.getByTestId('backup-progress').waitFor(WAIT);
      await expect.poll(async () => (await page.getByTestId('backup-runs').textContent()) ?? '', WAIT).toContain('確認済み');
      await page.screenshot({ path: join(SHOTS, 'records-backup.png'), fullPage: true });
      const [file] = readdirSync(backupDir).filter((f) => f.endsWith('.kaijibak'));
      expect(file).toBeDefined();

      // Retention tab renders its schedule; nothing is due in a new vault.
      await page.getByTestId('records-tab-retention').click();
      await page.getByTestId('retention-save').waitFor(WAIT);
      expect(await page.getByText('廃棄の時期を迎えた記録はありません。').count()).toBe(1);

      await page.goto(`${web.url}#/today`);
      await page.getByTestId('today-page').waitFor(WAIT);
      await expect.poll(() => page.getByTestId('today-backup-warning').count(), WAIT).toBe(0);

      // Restore from the unlock screen: a damaged copy is refused with a clear message; the good one restores.
      await lock(page);
      const damaged = join(tempDir(), 'damaged.kaijibak');
      const bytes = readFileSync(join(backupDir, file!));
      bytes[bytes.length - 40]! ^= 0xff;
      writeFileSync(damaged, bytes);
      await page.getByTestId('restore-open').click();
      const target = join(tempDir(), 'restored');
      await page.getByTestId('restore-file').fill(damaged);
      await page.getByTestId('restore-target').fill(target);
      await page.getByTestId('restore-login').fill(E2E_ADMIN.login);
      await page.getByTestId('restore-passphrase').fill(E2E_ADMIN.passphrase);
      await page.getByRole('button', { name: '復元する' }).click();
      await page.getByTestId('restore-error').waitFor(WAIT);
      expect(await page.getByTestId('restore-error').textContent()).toContain('何も変更していません');
      await page.getByTestId('restore-file').fill(join(backupDir, file!));
      await page.getByRole('button', { name: '復元する' }).click();
      await page.getByTestId('restore-done').waitFor(WAIT);
      expect(await page.getByTestId('restore-done').textContent()).toContain(target);
      await page.screenshot({ path: join(SHOTS, 'records-restore.png'), fullPage: true });
      expect(readdirSync(target).sort()).toEqual(['kaiji.db', 'vault.json']);
    } finally {
      await close();
    }
  }, 120_000);
});

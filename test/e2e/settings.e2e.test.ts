/**
 * The Settings page in Chromium: each section saves only its own keys, so saving one section
 * after another never puts back a value the other just changed; a bad postal code is named.
 * Every settings form is checked by its channel's own zod schema (#13 item 11c): a value the
 * server would refuse shows that rule's message in Japanese at the field and nothing is saved.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('settings sections, end to end in Chromium', () => {
  it('keeps every section its own: organisation, response target, repeat period and money-order warning all persist', async () => {
    const { page, close } = await openDesk(chromium(), tempDir(), { view: { locale: 'ja-JP', viewport: { width: 1280, height: 1000 } } });
    try {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-page').waitFor(WAIT);

      // Sections change their keys first; the organisation form (loaded before) saves last.
      await page.getByTestId('deadline-days').fill('10');
      await page.getByTestId('deadline-count-business').check();
      await page.getByTestId('deadline-save').click();
      await expect.poll(async () => (await pageCall(page, 'settings.get', {})).responseTargetDays, WAIT).toBe(10);
      await page.getByTestId('repeat-period-months').fill('24');
      await page.getByTestId('repeat-period-save').click();
      await expect.poll(async () => (await pageCall(page, 'settings.get', {})).repeatPeriodMonths, WAIT).toBe(24);
      await page.getByTestId('settings-money-order-days').fill('45');
      await page.getByTestId('settings-money-order-save').click();
      await expect.poll(async () => (await pageCall(page, 'settings.get', {})).moneyOrderWarningDays, WAIT).toBe(45);

      await page.getByTestId('settings-postal-code').fill('12-345');
      await page.getByTestId('settings-save').click();
      // Refused in the form, named at the field; nothing is sent.
      await expect.poll(() => page.getByTestId('settings-postal-code').getAttribute('aria-invalid'), WAIT).toBe('true');
      expect((await pageCall(page, 'settings.get', {})).companyPostalCode).toBe('');
      await page.getByTestId('settings-postal-code').fill('169-0051');
      await page.getByTestId('settings-save').click();
      await expect.poll(async () => (await pageCall(page, 'settings.get', {})).companyPostalCode, WAIT).toBe('169-0051');

      expect(await pageCall(page, 'settings.get', {})).toMatchObject({
        responseTargetDays: 10,
        responseDayCount: 'business',
        repeatPeriodMonths: 24,
        moneyOrderWarningDays: 45,
        companyPostalCode: '169-0051',
      });
      await page.screenshot({ path: join(SHOTS, 'settings-sections.png'), fullPage: true });

      // Invalid values, each refused by the schema its channel runs: the rule's message in ja.
      const saved = await pageCall(page, 'settings.get', {});
      const refused = async (testid: string, value: string, save: string, message: string) => {
        await page.getByTestId(testid).fill(value);
        await page.getByTestId(save).click();
        await expect.poll(() => page.getByTestId(testid).getAttribute('aria-invalid'), WAIT).toBe('true');
        const described = (await page.getByTestId(testid).getAttribute('aria-describedby')) ?? '';
        const texts = await Promise.all(described.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
        expect(texts.join(' ')).toContain(message);
      };
      await refused('settings-company', '   ', 'settings-save', '入力してください。');
      await page.getByTestId('settings-company').fill('株式会社テスト');
      await refused('settings-idle', '999', 'settings-save', '240 以下にしてください。');
      await page.getByTestId('settings-idle').fill('15');
      await refused('settings-postal-code', '1690051x', 'settings-save', '郵便番号は 123-4567 の形で入力してください。');
      await refused('deadline-days', '', 'deadline-save', '入力してください。');
      await refused('deadline-deficient-wait', '400', 'deadline-save', '365 以下にしてください。');
      await refused('repeat-period-months', '0', 'repeat-period-save', '1 以上にしてください。');
      await refused('settings-money-order-days', '181', 'settings-money-order-save', '180 以下にしてください。');
      await refused('settings-trash-days', '366', 'trash-approval-save', '365 以下にしてください。');
      // Nothing of it reached the vault.
      expect(await pageCall(page, 'settings.get', {})).toEqual(saved);

      // Records keeping's forms likewise: the retention schedule and the backup settings.
      await page.getByTestId('nav-records').click();
      await page.getByTestId('records-tab-retention').click();
      const schedule = await pageCall(page, 'retention.schedule', {});
      await expect.poll(() => page.getByTestId('retention-caseFileYears').inputValue(), WAIT).toBe(String(schedule.caseFileYears));
      await refused('retention-caseFileYears', '0', 'retention-save', '1 以上にしてください。');
      await refused('retention-hold-reason', ' ', 'retention-hold-place', '入力してください。');
      expect(await pageCall(page, 'retention.schedule', {})).toEqual(schedule);
      await page.getByTestId('records-tab-backup').click();
      const backup = (await pageCall(page, 'backup.overview', {})).settings;
      await expect.poll(() => page.getByTestId('backup-generations').inputValue(), WAIT).toBe(String(backup.generations));
      await refused('backup-generations', '0', 'backup-save', '1 以上にしてください。');
      await refused('backup-warn-days', '91', 'backup-save', '90 以下にしてください。');
      expect((await pageCall(page, 'backup.overview', {})).settings).toEqual(backup);
      await page.screenshot({ path: join(SHOTS, 'settings-refused.png'), fullPage: true });
    } finally {
      await close();
    }
  });
});

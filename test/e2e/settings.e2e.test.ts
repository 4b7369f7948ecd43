/**
 * The Settings page in Chromium: each section saves only its own keys, so saving one section
 * after another never puts back a value the other just changed; a bad postal code is named.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { setUpVault } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('settings sections, end to end in Chromium', () => {
  it('keeps every section its own: organisation, response target, repeat period and money-order warning all persist', async () => {
    const web = await startWebMode(tempDir());
    const page = await chromium().newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
    try {
      await setUpVault(page, web.url);
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
    } finally {
      await page.close();
      await web.stop();
    }
  });
});

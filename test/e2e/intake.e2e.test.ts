import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, useChromium } from '../helpers/e2e-page';
import { openDesk, setUpVault } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';
import { FILLED, scannedForm } from '../helpers/filled-forms';
import { idCopyScan } from '../../electron/services/demo/demo-scans';

const tempDir = useTempDirs();

const chromium = useChromium();

describe('mail intake, end to end in Chromium', () => {
  it('logs an envelope with a registered-mail number; a wrong check digit needs a reason', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir(), { view: { locale: 'ja-JP' } });
    try {

      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-page').waitFor();
      await page.getByTestId('envelope-delivery').selectOption('ippan_kakitome');
      const status = page.getByTestId('envelope-tracking-status');

      await page.getByTestId('envelope-tracking').fill('1234-5678-9016');
      await expect.poll(() => status.getAttribute('data-state'), WAIT).toBe('check_digit');
      await page.getByTestId('envelope-sender-name').fill('山田 太郎');
      await page.getByTestId('envelope-sender-address').fill('東京都世田谷区桜新町1丁目2番3号');
      await page.screenshot({ path: join(SHOTS, 'intake-check-digit.png'), fullPage: true });

      await page.getByTestId('envelope-tracking').fill('1234-5678-9013');
      await expect.poll(() => status.getAttribute('data-state'), WAIT).toBe('valid');
      await page.getByTestId('envelope-applications').fill('2');
      await page.getByTestId('envelope-submit').click();

      const row = page.getByTestId('envelope-row-2026-0001');
      await row.waitFor(WAIT);
      expect(await row.textContent()).toContain('2026-0002');
      expect(await row.textContent()).toMatch(/1234-5678-9013/);
      await page.screenshot({ path: join(SHOTS, 'intake-logged.png'), fullPage: true });

      await page.getByTestId('nav-cases').click();
      await page.getByTestId('cases-table').waitFor(WAIT);
      expect(await page.getByTestId('cases-table').textContent()).toContain('2026-0002');

      // The company's own form, ready to publish, comes from the settings page.
      await page.getByTestId('nav-settings').click();
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('form-download-fillable').click()]);
      expect(download.suggestedFilename()).toBe('kaiji-appi-request-v1.pdf');
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      const pdf = Buffer.concat(chunks);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const fields = (await PDFDocument.load(pdf)).getForm().getFields().map((f) => f.getName());
      expect(fields).toEqual(expect.arrayContaining(['subject.name', 'request.k1', 'application.date']));
    } finally {
      await close();
    }
  });

  it('imports a filled form and an ID copy, shows pre-filled values with their crops, saves a correction, finds the case by scanned text', async () => {
    const web = await startWebMode(tempDir());
    const page = await chromium().newPage({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 } });
    const LONG = { timeout: 120_000 };
    try {
      await setUpVault(page, web.url);

      await page.getByTestId('nav-intake').click();
      await page.getByTestId('envelope-delivery').selectOption('ippan_kakitome');
      await page.getByTestId('envelope-tracking').fill('1234-5678-9013');
      await page.getByTestId('envelope-submit').click();
      await page.getByTestId('envelope-row-2026-0001').waitFor(WAIT);

      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row-2026-0001').click();
      await page.getByTestId('case-page').waitFor(WAIT);

      const form = await scannedForm(FILLED, { rotate: 1.2 });
      const licence = await idCopyScan(
        { name: '山田 太郎', kana: 'やまだ たろう', birthDate: '1985-04-01', address: '東京都世田谷区桜新町1丁目2番3号' },
        'license',
        '2029-05-01',
      );
      await page.getByTestId('import-input').setInputFiles([
        { name: 'application.jpg', mimeType: 'image/jpeg', buffer: form },
        { name: 'licence.jpg', mimeType: 'image/jpeg', buffer: licence },
      ]);
      await expect.poll(() => page.getByTestId('import-file-1').getAttribute('data-state'), LONG).toBe('done');
      expect(await page.getByTestId('import-file-0').getAttribute('data-state')).toBe('done');

      const name = page.getByTestId('field-subject.name');
      await expect.poll(() => name.inputValue(), LONG).toMatch(/山田\s*太郎/);
      await page.getByTestId('field-crop-subject.name').waitFor(WAIT);
      expect(await page.getByTestId('field-confidence-subject.name').textContent()).toMatch(/\d+/);
      expect(await page.getByTestId('pages-strip').locator('[data-testid^="page-card-"]').count()).toBe(2);
      await page.screenshot({ path: join(SHOTS, 'intake-prefilled.png'), fullPage: true });

      // The clerk corrects the phone number against the crop and saves.
      await page.getByTestId('field-subject.phone').fill('03-9876-5432');
      await page.getByTestId('fields-save').click();
      await page.reload();
      await expect.poll(() => page.getByTestId('field-subject.phone').inputValue(), LONG).toBe('03-9876-5432');

      await page.getByTestId('nav-cases').click();
      await page.getByTestId('text-search').fill('桜新町');
      await page.getByTestId('text-search').press('Enter');
      await page.getByTestId('text-hit-2026-0001').first().waitFor(WAIT);
    } finally {
      await page.close();
      await web.stop();
    }
  }, 300_000);
});

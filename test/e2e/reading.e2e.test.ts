/**
 * Issue 12 in the real renderer (Chromium, web mode): a scanned expired licence appears as a
 * suggested document and fails D2 before anybody types; confirming it takes one Enter per value;
 * typing a postcode fills the case's address and the company's address in the settings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { idCopy, TEST_PERSON } from '../helpers/id-copies';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();
const LONG = { timeout: 120_000 };

describe('reading real paper, end to end in Chromium', () => {
  it('suggested ID document confirmed with Enter; postcode fills the address', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    try {
      const logged = await pageCall(page, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true });
      const caseId = logged.cases[0]!.id;
      await pageCall(page, 'cases.setFields', { id: caseId, fields: fieldsOf({ ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎' }) });
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row-2026-0001').click();
      await page.getByTestId('case-page').waitFor(WAIT);

      const expired = await idCopy({ type: 'drivers_license', person: TEST_PERSON, issuedOn: '2021-10-01', validUntil: '2026-10-31' }, 3);
      await page.getByTestId('import-input').setInputFiles([{ name: 'licence.jpg', mimeType: 'image/jpeg', buffer: expired.jpeg }]);
      await expect.poll(() => page.getByTestId('import-file-0').getAttribute('data-state'), LONG).toBe('done');
      // Flagged before anybody typed: D2 fails (expired), the row says "suggested - confirm".
      await expect.poll(() => page.getByTestId('rule-D2').getAttribute('data-status'), LONG).toBe('fail');
      const row = page.getByTestId('doc-row-0');
      expect(await row.getAttribute('data-suggested')).toBe('true');
      expect(await row.getByTestId('doc-suggested').textContent()).toContain('候補');
      await page.screenshot({ path: join(SHOTS, 'reading-suggested.png'), fullPage: true });

      await row.getByTestId('doc-confirm').click();
      const dialog = page.getByTestId('suggested-confirm');
      await dialog.waitFor(WAIT);
      await expect.poll(() => page.getByTestId('suggested-validUntil').inputValue(), WAIT).toBe('令和8年10月31日');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('suggested-name');
      for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('doc-row-0').getAttribute('data-suggested'), WAIT).toBe('false');
      const docs = await pageCall(page, 'documents.list', { caseId });
      expect(docs[0]).toMatchObject({ suggested: false, type: 'drivers_license', validUntil: '2026-10-31' });
      expect(await page.getByTestId('rule-D2').getAttribute('data-status')).toBe('fail');

      // Postcode -> address in the case's fields (typed 7 digits; the address stays editable).
      await page.getByTestId('field-subject.address').fill('');
      await page.getByTestId('field-subject.postalCode').fill('1690051');
      await expect.poll(() => page.getByTestId('field-subject.address').inputValue(), WAIT).toBe('東京都新宿区西早稲田');
      await page.getByTestId('field-subject.address').press('End');
      await page.getByTestId('field-subject.address').pressSequentially('2-20-15');
      expect(await page.getByTestId('field-subject.address').inputValue()).toBe('東京都新宿区西早稲田2-20-15');
      await page.screenshot({ path: join(SHOTS, 'reading-postcode.png'), fullPage: true });

      // ...and in the company settings.
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-address').fill('');
      await page.getByTestId('settings-postal-code').fill('154-0015');
      await expect.poll(() => page.getByTestId('settings-address').inputValue(), WAIT).toBe('東京都世田谷区桜新町');
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, 'reading-failure.png'), fullPage: true });
      throw e;
    } finally {
      await close();
    }
  }, 300_000);
});

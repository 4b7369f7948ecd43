/**
 * The trash end to end in Chromium at 1366×768 (#13 item 3): a page deleted by mistake comes
 * back with Undo in the toast; deleted again, it shows in the case's trash, and importing the
 * same file restores it from the trash instead of saying "already imported".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { drawPage } from '../helpers/ocr-pages';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();
const LONG = { timeout: 120_000 };

describe('trash with undo, end to end in Chromium', () => {
  it('delete a page → Undo brings it back; re-importing the file restores it from the trash', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      const logged = await pageCall(page, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true });
      const caseId = logged.cases[0]!.id;
      await page.goto(`${web.url}#/cases/${encodeURIComponent(caseId)}`);
      await page.getByTestId('case-page').waitFor(WAIT);
      const file = { name: 'license.png', mimeType: 'image/png', buffer: drawPage(['運転免許証', '氏名 鈴木花子', '住所 北海道札幌市中央区北一条西']) };
      await page.getByTestId('import-input').setInputFiles([file]);
      await expect.poll(() => page.getByTestId('import-file-0').getAttribute('data-state'), LONG).toBe('done');
      const strip = page.getByTestId('pages-strip');
      await expect.poll(() => strip.getAttribute('data-count'), WAIT).toBe('1');

      // Delete: the page leaves the case at once and the toast offers Undo.
      await page.getByTestId('page-delete').click();
      await expect.poll(() => strip.getAttribute('data-count'), WAIT).toBe('0');
      await page.getByTestId('undo-toast').waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, 'trash-undo-toast-1366.png') });
      await page.getByTestId('undo-button').click();
      await expect.poll(() => strip.getAttribute('data-count'), WAIT).toBe('1');
      expect(await pageCall(page, 'trash.list', {})).toEqual([]);

      // Deleted again: it waits in this case's trash (thumbnail, purge day, restore button).
      await page.getByTestId('page-delete').click();
      await expect.poll(() => strip.getAttribute('data-count'), WAIT).toBe('0');
      const trash = page.getByTestId('case-trash');
      await expect.poll(() => trash.getAttribute('data-count'), WAIT).toBe('1');
      expect(await trash.getByTestId('trash-item').getAttribute('data-kind')).toBe('page');

      // The same file again: restored from the trash, not "already imported".
      await page.getByTestId('import-input').setInputFiles([file]);
      await expect.poll(() => page.getByTestId('import-file-0').getAttribute('data-restored'), LONG).toBe('1');
      expect(await page.getByTestId('import-file-0').getAttribute('data-duplicate')).toBeNull();
      await expect.poll(() => strip.getAttribute('data-count'), WAIT).toBe('1');
      await expect.poll(() => page.getByTestId('case-trash').count(), WAIT).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'trash-restored-by-import-1366.png') });

      // The overall Trash view is empty again and fits the laptop screen.
      await page.goto(`${web.url}#/trash`);
      await expect.poll(() => page.getByTestId('trash-list').getAttribute('data-count'), WAIT).toBe('0');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    } finally {
      await close();
    }
  });
});

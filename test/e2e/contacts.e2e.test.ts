import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('contacts (I1), end to end in Chromium', () => {
  it('a phone request is logged, gets its guidance letter issued and mailed, and leaves Today', async () => {
    // The office's screen size: everything must fit 1366×768.
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      await page.getByTestId('today-page').waitFor(WAIT);
      // Nothing owed: the section folds into Today's one line of empty lists (#13 item 6).
      await expect.poll(() => page.getByTestId('today-empty-line').textContent(), WAIT).toContain('案内');
      expect(await page.getByTestId('today-guidanceOwed').count()).toBe(0);

      await page.getByTestId('nav-contacts').click();
      await page.getByTestId('contacts-page').waitFor(WAIT);
      await page.getByTestId('contact-log').click();
      // The form refuses to log without the address to write to.
      await page.getByTestId('contact-name').fill('佐藤 恵子');
      await page.getByTestId('contact-submit').click();
      await page.getByText('郵便番号は 123-4567 の形で入力してください。').waitFor(WAIT);
      await page.getByTestId('contact-postal').fill('154-0015');
      await page.getByTestId('contact-address').fill('東京都世田谷区桜新町1丁目2番3号');
      await page.getByTestId('contact-kind-K1').check();
      await page.getByTestId('contact-note').fill('購入履歴を知りたい');
      await page.screenshot({ path: join(SHOTS, 'contacts-log.png') });
      await page.getByTestId('contact-submit').click();

      const modal = page.getByTestId('contact-modal');
      await modal.waitFor(WAIT);
      expect(await page.getByTestId('contact-letter-state').getAttribute('data-state')).toBe('none');
      await page.getByTestId('contact-compose').click();
      await expect.poll(() => page.getByTestId('contact-letter-state').getAttribute('data-state'), WAIT).toBe('draft');
      // The clerk adds a sentence to the draft before issuing it.
      await page.getByTestId('contact-edit').click();
      const body = page.getByTestId('guidance-body');
      await body.fill(`${await body.inputValue()}\n\nお電話ありがとうございました。`);
      await page.getByTestId('guidance-save').click();
      await page.getByTestId('guidance-editor').waitFor({ state: 'detached', ...WAIT });
      const contactNo = await page.getByTestId('contact-modal').getAttribute('data-contact-no');
      const [listed] = await pageCall(page, 'contacts.list', { state: 'owed' });
      expect(listed!.contactNo).toBe(contactNo);
      expect((await pageCall(page, 'contacts.get', { id: listed!.id })).letter!.draft.body.at(-1)).toBe('お電話ありがとうございました。');
      await page.getByTestId('contact-preview').click();
      await page.getByTestId('contact-pages').locator('img').first().waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, 'contacts-preview.png') });
      await page.getByTestId('contact-issue').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => page.getByTestId('contact-letter-state').getAttribute('data-state'), WAIT).toBe('issued');
      await page.getByTestId('contact-issued-on').waitFor(WAIT);

      // Issued but not mailed: still on Today.
      await page.goto(`${web.url}#/today`);
      const owed = page.getByTestId('today-guidanceOwed');
      await owed.waitFor(WAIT);
      await expect.poll(() => owed.getAttribute('data-count'), WAIT).toBe('1');
      expect(await owed.textContent()).toContain(contactNo!);
      await owed.getByRole('link').first().click();
      await page.getByTestId('contact-modal').waitFor(WAIT);

      await page.getByTestId('contact-mail-method').click();
      await page.getByRole('option', { name: '簡易書留' }).click();
      await page.getByTestId('contact-mail-tracking').fill('123456789013');
      await page.getByTestId('contact-mail-submit').click();
      await page.getByTestId('contact-mailed').waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, 'contacts-mailed.png') });

      await page.goto(`${web.url}#/today`);
      await page.getByTestId('today-empty-line').waitFor(WAIT);
      await expect.poll(() => page.getByTestId('today-guidanceOwed').count(), WAIT).toBe(0);
    } finally {
      await close();
    }
  }, 180_000);
});

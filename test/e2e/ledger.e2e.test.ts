/**
 * Money orders end to end in Chromium (#5, F1/F3/F4): two 500-yen orders recorded on a
 * disclosure case in the case file (era dates typed as on the paper) make the checklist's fee
 * line pass; one is then marked cashed; the ledger page shows it with its deposit reference.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const chromium = useChromium();

async function recordOrder(page: Page, certificateNo: string, issued: string): Promise<void> {
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-certificate').fill(certificateNo);
  await form.getByTestId('order-face-value').selectOption('500');
  await form.getByTestId('order-office').fill('世田谷郵便局');
  await form.getByTestId('order-issued').fill(issued);
  await form.getByTestId('order-submit').click();
  await page.locator(`[data-testid="money-order-row"][data-certificate="${certificateNo.replace(/-/g, '')}"]`).waitFor(WAIT);
}

describe('money-order ledger, end to end in Chromium', () => {
  it('two 500-yen orders on a disclosure case pass the fee line; one is cashed', async () => {
    const { page, close } = await openDesk(chromium(), tempDir(), { view: { locale: 'ja-JP', viewport: { width: 1400, height: 1000 } } });
    try {
      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-page').waitFor(WAIT);
      await page.getByTestId('envelope-delivery').selectOption('futsu');
      await page.getByTestId('envelope-submit').click();
      await page.getByTestId('envelope-row-2026-0001').waitFor(WAIT);
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row-2026-0001').click();
      await page.getByTestId('case-page').waitFor(WAIT);
      const id = await page.evaluate(() => decodeURIComponent(/cases\/([^/?]+)/.exec(location.hash)![1]!));
      // The form as confirmed by a clerk: a disclosure request (K1 and others), fee 1,000 yen.
      const form = { ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎' };
      await pageCall(page, 'cases.setFields', { id, fields: fieldsOf(form) });
      // Back to the list and in again: the case file loads the saved fields (no full page reload).
      await page.getByTestId('case-back').click();
      await page.getByTestId('case-row-2026-0001').click();
      await page.getByTestId('case-page').waitFor(WAIT);
      await expect.poll(() => page.getByTestId('rule-F3').getAttribute('data-status'), WAIT).toBe('fail');

      const panel = page.getByTestId('money-order-panel');
      await panel.scrollIntoViewIfNeeded();
      await panel.getByTestId('order-add').click();
      // The issue date as printed on the order, in the era calendar; the reading is shown back.
      await page.getByTestId('order-issued').fill('R8.11.2');
      await expect.poll(() => page.getByTestId('order-issued').getAttribute('data-iso'), WAIT).toBe('2026-11-02');
      expect(await page.getByText('令和8年11月2日（2026-11-02）').count()).toBeGreaterThan(0);
      await recordOrder(page, '12-345678', '令和8年11月2日');
      // One 500-yen order: still short (F3).
      await expect.poll(async () => (await page.getByTestId('rule-F3').textContent()) ?? '', WAIT).toMatch(/500円不足/);
      await recordOrder(page, '12-345679', '2026-11-02');
      await expect.poll(() => page.getByTestId('rule-F1').getAttribute('data-status'), WAIT).toBe('pass');
      expect(await page.getByTestId('rule-F3').count()).toBe(0);
      expect(await page.getByTestId('money-order-sum').getAttribute('data-paying')).toBe('1000');
      await page.screenshot({ path: join(SHOTS, 'ledger-case-orders.png'), fullPage: true });

      // Mark the first one cashed.
      const first = page.locator('[data-testid="money-order-row"][data-certificate="12345678"]');
      await first.getByTestId('order-cash').click();
      await page.getByTestId('order-deposit-ref').fill('ゆうちょ入金 1124-01');
      await page.getByTestId('order-action-submit').click();
      await expect.poll(() => first.getAttribute('data-state'), WAIT).toBe('cashed');
      expect(await first.textContent()).toContain('ゆうちょ入金 1124-01');
      // A cashed order still pays the fee.
      await expect.poll(() => page.getByTestId('rule-F1').getAttribute('data-status'), WAIT).toBe('pass');

      // The ledger page: both orders, the sums per state, the monthly total.
      await page.getByTestId('nav-moneyOrders').click();
      await page.getByTestId('money-orders-page').waitFor(WAIT);
      await expect.poll(() => page.getByTestId('orders-row').count(), WAIT).toBe(2);
      const sums = page.getByTestId('order-sums');
      expect(await sums.locator('[data-key="total"]').getAttribute('data-value')).toBe('1000');
      expect(await sums.locator('[data-key="cashed"]').getAttribute('data-value')).toBe('500');
      await page.getByTestId('orders-state').selectOption('cashed');
      await expect.poll(() => page.getByTestId('orders-row').count(), WAIT).toBe(1);
      await page.screenshot({ path: join(SHOTS, 'ledger-page.png'), fullPage: true });

      // The export dialog refuses to go plaintext before the warning is ticked.
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-plaintext').click();
      expect(await page.getByTestId('export-submit').isDisabled()).toBe(true);
      await page.getByTestId('export-ack').check();
      expect(await page.getByTestId('export-submit').isDisabled()).toBe(false);

      await page.keyboard.press('Escape');

      // Registered mail (M2): the response went out by general registered mail with proof of
      // delivery (logged by the letters service; here through its channel); the proof comes back.
      const sentOn = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date()));
      await pageCall(page, 'mail.logOutbound', { caseId: id, method: 'ippan_kakitome', trackingNumber: '1234-5678-9013', proofRequested: true, sentOn, closesCase: false });
      await page.getByTestId('nav-mail').click();
      await page.getByTestId('mail-page').waitFor(WAIT);
      await page.getByTestId('mail-awaiting').check();
      const waiting = page.locator('[data-testid="mail-row"][data-awaiting="true"]');
      await expect.poll(() => waiting.count(), WAIT).toBe(1);
      expect(await waiting.textContent()).toContain('1234-5678-9013');
      await page.screenshot({ path: join(SHOTS, 'mail-log.png'), fullPage: true });
      await waiting.getByTestId('mail-record').click();
      await page.getByTestId('mail-proof').fill(sentOn);
      await page.getByTestId('mail-action-submit').click();
      await page.getByTestId('mail-empty').waitFor(WAIT);
      await page.getByTestId('mail-awaiting').uncheck();
      await expect.poll(async () => (await page.getByTestId('mail-table').textContent()) ?? '', WAIT).toMatch(/配達証明受領/);
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, 'ledger-failure.png'), fullPage: true });
      throw e;
    } finally {
      await close();
    }
  }, 240_000);
});

/**
 * #13 item 11c in Chromium at 1366×768: the desk's forms are checked by their channel's own zod
 * schema (shared/contract) before any call. For the envelope, the money order, the ID document,
 * the contact and the first-sign-in passphrase change, a value the server would refuse shows
 * that schema's message in Japanese at its field, the first refused field has the focus, no
 * request for the channel leaves the page, and a channel read shows nothing saved; corrected,
 * the same form goes through.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isoDateInJapan } from '../../shared/domain/dates';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, openDesk, unlock } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

// The schema's messages (renderer/src/i18n: forms.errors), as the user reads them.
const REQUIRED = '入力してください。';
const BAD_DATE = '日付を確認してください';
const BAD_POSTAL = '郵便番号は 123-4567 の形で入力してください。';
const BAD_TIME = '時刻は 10:15 の形';
const SHORT_PASSPHRASE = 'パスフレーズは12文字以上にしてください。';

/** The field is marked invalid; returns the texts it is described by (Mantine links its error there). */
async function refusedWith(page: Page, testid: string): Promise<string> {
  const input = page.getByTestId(testid);
  await expect.poll(() => input.getAttribute('aria-invalid'), WAIT).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** A PasswordInput marks its inner input `data-invalid` (no aria link): the message is in its wrapper. */
async function passwordRefusedWith(page: Page, testid: string): Promise<string> {
  const input = page.getByTestId(testid);
  await expect.poll(() => input.getAttribute('data-invalid'), WAIT).toBe('true');
  return (await input.locator('xpath=ancestor::div[contains(@class, "mantine-PasswordInput-root")]').first().textContent()) ?? '';
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Counts the page's requests per channel (the web transport posts to /api/<channel>). */
function watchCalls(page: Page): (channel: string) => number {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /^\/api\/([\w.]+)$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]!);
  });
  return (channel) => seen.filter((c) => c === channel).length;
}

describe('forms checked by their channel schemas, end to end in Chromium', () => {
  it('envelope, money order, ID document and contact: refused at the field in Japanese, nothing sent or saved, then saved once corrected', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    const calls = watchCalls(page);
    try {

      // 1. The envelope: an arrival date no office date can be (envelopes.log's isoDate), the
      //    number of applications emptied (z.number: required).
      await page.getByTestId('nav-intake').click();
      await page.getByTestId('intake-page').waitFor(WAIT);
      await page.getByTestId('envelope-delivery').selectOption('futsu');
      await page.getByTestId('envelope-date').fill('2100-01-01');
      await page.getByTestId('envelope-applications').fill('');
      await page.getByTestId('envelope-submit').click();
      expect(await refusedWith(page, 'envelope-date')).toContain(BAD_DATE);
      expect(await refusedWith(page, 'envelope-applications')).toContain(REQUIRED);
      expect(await focused(page)).toBe('envelope-date');
      await page.screenshot({ path: join(SHOTS, 'forms-envelope-refused.png') });
      expect(calls('envelopes.log')).toBe(0);
      expect(await pageCall(page, 'envelopes.list', {})).toEqual([]);
      // Enter from the corrected field sends it (the keyboard path stays).
      await page.getByTestId('envelope-date').fill(isoDateInJapan(new Date()));
      await page.getByTestId('envelope-applications').fill('1');
      await page.getByTestId('envelope-applications').press('Enter');
      await page.getByTestId('envelope-row-2026-0001').waitFor(WAIT);
      expect(calls('envelopes.log')).toBe(1);

      await page.getByTestId('nav-cases').click();
      await page.getByTestId('case-row-2026-0001').click();
      await page.getByTestId('case-page').waitFor(WAIT);
      const caseId = await page.evaluate(() => decodeURIComponent(/cases\/([^/?]+)/.exec(location.hash)![1]!));

      // 2. The money order: no certificate number (text min 1), a received date past the range.
      const panel = page.getByTestId('money-order-panel');
      await panel.scrollIntoViewIfNeeded();
      await panel.getByTestId('order-add').click();
      const order = page.getByTestId('order-form');
      const receivedOn = await order.getByTestId('order-received').inputValue();
      await order.getByTestId('order-office').fill('世田谷郵便局');
      await order.getByTestId('order-issued').fill('R8.11.2');
      await order.getByTestId('order-received').fill('2100-01-01');
      await order.getByTestId('order-submit').click();
      expect(await refusedWith(page, 'order-certificate')).toContain(REQUIRED);
      expect(await refusedWith(page, 'order-received')).toContain(BAD_DATE);
      expect(await focused(page)).toBe('order-certificate');
      expect(calls('moneyOrders.record')).toBe(0);
      expect(await pageCall(page, 'moneyOrders.list', { caseId })).toEqual([]);
      await order.getByTestId('order-certificate').fill('12-345678');
      await order.getByTestId('order-received').fill(receivedOn);
      await order.getByTestId('order-submit').click();
      await page.locator('[data-testid="money-order-row"][data-certificate="12345678"]').waitFor(WAIT);
      expect((await pageCall(page, 'moneyOrders.list', { caseId })).map((o) => o.faceValue)).toEqual([1000]);

      // 3. The ID document: a birth date after today (documents.record's typedDate('birth')).
      const doc = page.getByTestId('doc-form');
      await doc.scrollIntoViewIfNeeded();
      await doc.getByTestId('doc-name').fill('山田 太郎');
      await doc.getByTestId('doc-birth').fill('2100-01-01');
      await doc.getByTestId('doc-submit').click();
      expect(await refusedWith(page, 'doc-birth')).toContain(BAD_DATE);
      expect(await focused(page)).toBe('doc-birth');
      await page.screenshot({ path: join(SHOTS, 'forms-document-refused.png') });
      expect(calls('documents.record')).toBe(0);
      expect(await pageCall(page, 'documents.list', { caseId })).toEqual([]);
      await doc.getByTestId('doc-birth').fill('昭和60年4月1日');
      await doc.getByTestId('doc-submit').click();
      await expect.poll(async () => (await pageCall(page, 'documents.list', { caseId })).length, WAIT).toBe(1);

      // 4. The contact: a postal code of the wrong shape and an hour that does not exist.
      await page.getByTestId('nav-contacts').click();
      await page.getByTestId('contacts-page').waitFor(WAIT);
      await page.getByTestId('contact-log').click();
      await page.getByTestId('contact-name').fill('佐藤 恵子');
      await page.getByTestId('contact-postal').fill('12-345');
      await page.getByTestId('contact-address').fill('東京都世田谷区桜新町1丁目2番3号');
      await page.getByTestId('contact-time').fill('25:00');
      await page.getByTestId('contact-submit').click();
      expect(await refusedWith(page, 'contact-time')).toContain(BAD_TIME);
      expect(await refusedWith(page, 'contact-postal')).toContain(BAD_POSTAL);
      expect(await focused(page)).toBe('contact-time');
      await page.screenshot({ path: join(SHOTS, 'forms-contact-refused.png') });
      expect(calls('contacts.log')).toBe(0);
      expect(await pageCall(page, 'contacts.list', {})).toEqual([]);
      // Full-width digits typed through the IME are the same postal code.
      await page.getByTestId('contact-postal').fill('１５４－００１５');
      await page.getByTestId('contact-time').fill('10:15');
      await page.getByTestId('contact-submit').click();
      await page.getByTestId('contact-modal').waitFor(WAIT);
      const [logged] = await pageCall(page, 'contacts.list', {});
      expect(logged).toMatchObject({ name: '佐藤 恵子', contactedTime: '10:15' });
      expect((await pageCall(page, 'contacts.get', { id: logged!.id })).postalCode).toBe('154-0015');
    } finally {
      await close();
    }
  }, 180_000);

  it('first sign-in: a new passphrase under the length rule is refused at its field; the one set by the administrator still opens the forced change', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    const calls = watchCalls(page);
    try {
      await pageCall(page, 'staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase one' });
      await page.getByTestId('lock-button').click();
      await unlock(page, 'ichiro', 'clerk passphrase one');
      await page.getByTestId('forced-passphrase').waitFor(WAIT);

      await page.getByTestId('pass-current').fill('clerk passphrase one');
      await page.getByTestId('pass-next').fill('short one');
      await page.getByTestId('pass-confirm').fill('short one');
      await page.getByTestId('pass-submit').click();
      expect(await passwordRefusedWith(page, 'pass-next')).toContain(SHORT_PASSPHRASE);
      expect(await page.getByTestId('pass-confirm').getAttribute('data-invalid')).toBeNull(); // it repeats the new one
      expect(await focused(page)).toBe('pass-next');
      await page.screenshot({ path: join(SHOTS, 'forms-passphrase-refused.png') });
      expect(calls('session.changePassphrase')).toBe(0);

      // Nothing changed: the administrator's passphrase still opens, and still must be replaced.
      await page.getByTestId('pass-lock').click();
      await unlock(page, 'ichiro', 'clerk passphrase one');
      await page.getByTestId('forced-passphrase').waitFor(WAIT);
      await changeForcedPassphrase(page, 'clerk passphrase one', 'only ichiro knows this');
      expect(calls('session.changePassphrase')).toBe(1);
    } finally {
      await close();
    }
  }, 120_000);
});

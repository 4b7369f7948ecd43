/**
 * Verification end to end in Chromium (#4): an expired licence makes the case deficient with
 * that reason stored; the re-sent set (a valid passport) arrives in a new envelope, is attached
 * to the waiting case and the case is accepted; a health insurance card page is masked in the
 * editor and the decrypted stored image no longer holds the masked pixels.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_INSURANCE_NUMBERS, insuranceCardScan } from '../../electron/services/demo/demo-verification';
import { maskedPixelsClean } from '../../electron/services/imaging';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { useCores, value } from '../helpers/core';
import { E2E_ADMIN, openDesk } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();
const LONG = { timeout: 120_000 };
const SUBJECT = { name: '山田 太郎', kana: 'やまだ たろう', birthDate: '1985-04-01', address: '東京都世田谷区桜新町1丁目2番3号' };

const chromium = useChromium();

async function logEnvelope(page: Page, resubmissionCaseNo?: string): Promise<void> {
  await page.getByTestId('nav-intake').click();
  await page.getByTestId('intake-page').waitFor(WAIT);
  await page.getByTestId('envelope-delivery').selectOption('futsu');
  if (resubmissionCaseNo) {
    await page.getByTestId('envelope-resubmission').check();
    const picker = page.getByTestId('envelope-resubmission-case');
    await expect.poll(() => picker.locator('option').count(), WAIT).toBe(2);
    const value = await picker.locator('option', { hasText: resubmissionCaseNo }).getAttribute('value');
    await picker.selectOption(value!);
  }
  await page.getByTestId('envelope-submit').click();
}

async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId(`case-row-${caseNo}`).click();
  await page.getByTestId('case-page').waitFor(WAIT);
}

async function recordId(page: Page, type: string, validUntil: string): Promise<void> {
  const form = page.getByTestId('doc-form');
  await form.getByTestId('doc-type').selectOption(type);
  await form.getByTestId('doc-name').fill(SUBJECT.name);
  await form.getByTestId('doc-address').fill(SUBJECT.address);
  await form.getByTestId('doc-birth').fill('昭和60年4月1日');
  await form.getByTestId('doc-valid').fill(validUntil);
  await form.getByTestId('doc-submit').click();
}

async function transition(page: Page, to: string, reason?: string): Promise<void> {
  await page.getByTestId(`to-${to}`).click();
  if (reason !== undefined) {
    await page.getByTestId('transition-reason').fill(reason);
    await page.getByTestId('transition-confirm').click();
  }
  await expect.poll(() => page.getByTestId('status-actions').getAttribute('data-status'), WAIT).toBe(to);
}

describe('verification, end to end in Chromium', () => {
  it('deficient with an expired licence, re-sent set attached and accepted, insurance card masked for good', async () => {
    const dataDir = tempDir();
    const { page, close } = await openDesk(chromium(), dataDir, { view: { locale: 'ja-JP', viewport: { width: 1400, height: 1000 } } });
    let maskedPageId = '';
    try {
      await logEnvelope(page);
      await page.getByTestId('envelope-row-2026-0001').waitFor(WAIT);
      await openCase(page, '2026-0001');
      const id = await page.evaluate(() => decodeURIComponent(/cases\/([^/?]+)/.exec(location.hash)![1]!));
      // The form's fields as a clerk would have confirmed them (K3: no fee due).
      const form = { ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所の訂正', 'enclosure.idDocument': 'license', signature: '山田 太郎' };
      await pageCall(page, 'cases.setFields', { id, fields: fieldsOf(form) });
      await page.reload();
      await page.getByTestId('case-page').waitFor(WAIT);

      // 1. The expired licence: the checklist fails D2, the administrator marks the case deficient.
      await transition(page, 'checking');
      await recordId(page, 'drivers_license', '令和8年11月19日');
      await expect.poll(() => page.getByTestId('rule-D2').getAttribute('data-status'), WAIT).toBe('fail');
      await transition(page, 'deficient', '運転免許証の有効期限が請求日の前日で切れています');
      const problems = page.getByTestId('deficiency-problems');
      await problems.waitFor(WAIT);
      expect(await problems.textContent()).toMatch(/運転免許証.*有効期限/);
      expect(await page.getByTestId('deficiency-reason').textContent()).toContain('請求日の前日');
      expect(await page.getByTestId('deficiency').getAttribute('data-resolved')).toBe('false');
      await page.screenshot({ path: join(SHOTS, 'verification-deficient.png'), fullPage: true });

      // 2. The re-sent set arrives: logged as a re-submission for 2026-0001, no new case.
      await logEnvelope(page, '2026-0001');
      await expect.poll(async () => (await page.getByTestId('envelopes-count').textContent()) ?? '', WAIT).toMatch(/2/);
      await openCase(page, '2026-0001');
      await expect.poll(() => page.getByTestId('status-actions').getAttribute('data-status'), WAIT).toBe('checking');
      expect(await page.getByTestId('deficiency').getAttribute('data-resolved')).toBe('true');
      // Only the new set counts: the old licence is no longer judged.
      await expect.poll(() => page.getByTestId('checklist').locator('[data-testid="rule-D2"]').count(), WAIT).toBe(0);
      await recordId(page, 'passport', '令和12年3月1日');
      await expect.poll(() => page.getByTestId('rule-D3').getAttribute('data-status'), WAIT).toBe('pass');
      await transition(page, 'accepted');
      expect((await pageCall(page, 'cases.list', { limit: 5, offset: 0 })).total).toBe(1);

      // 3. A health insurance card copy is imported and masked in the editor.
      await page.getByTestId('import-input').setInputFiles([{ name: 'insurance.jpg', mimeType: 'image/jpeg', buffer: await insuranceCardScan(SUBJECT, '2028-03-31') }]);
      await expect.poll(() => page.getByTestId('import-file-0').getAttribute('data-state'), LONG).toBe('done');
      const card = page.locator('[data-testid^="page-card-"][data-kind="id_document"]');
      await card.waitFor(LONG);
      maskedPageId = (await card.getAttribute('data-page-id'))!;
      await expect.poll(() => card.getByTestId('page-mask-state').getAttribute('data-mask'), WAIT).toBe('suggested');
      await card.getByTestId('page-mask').click();
      await expect.poll(() => page.getByTestId('mask-item').count(), LONG).toBeGreaterThanOrEqual(3);
      // One more area drawn by mouse: the lower part of the card.
      const canvas = page.getByTestId('mask-canvas');
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.52, { steps: 5 });
      await page.mouse.up();
      const items = await page.getByTestId('mask-item').count();
      expect(await page.getByTestId('mask-item').nth(items - 1).textContent()).toContain('手で指定した範囲');
      await page.screenshot({ path: join(SHOTS, 'verification-mask-editor.png'), fullPage: true });
      await page.getByTestId('mask-save').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => card.getByTestId('page-mask-state').getAttribute('data-mask'), WAIT).toBe('masked');
      await page.screenshot({ path: join(SHOTS, 'verification-masked.png'), fullPage: true });
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, 'verification-failure.png'), fullPage: true });
      throw e;
    } finally {
      await close();
    }

    // The vault opened in this process: the decrypted stored image and text, and the stored decisions.
    const { core, call } = makeCore({ dataDir });
    value(await call('vault.unlock', { login: E2E_ADMIN.login, passphrase: E2E_ADMIN.passphrase }));
    const db = core.requireSession().ws.db;
    const mask = await db.selectFrom('page_masks').selectAll().where('page_id', '=', maskedPageId).executeTakeFirstOrThrow();
    const rects = JSON.parse(mask.rects) as { x: number; y: number; width: number; height: number }[];
    expect(rects.length).toBeGreaterThanOrEqual(4);
    const stored = await db.selectFrom('pages').select(['ocr_text']).where('id', '=', maskedPageId).executeTakeFirstOrThrow();
    // The image is in its own encrypted page file (#15 item 6): decrypted through the page store.
    const image = (await core.requireSession().ws.pages.imageForProcessing(maskedPageId)).png;
    expect(await maskedPixelsClean(image, rects)).toBe(true);
    const digits = stored.ocr_text.normalize('NFKC').replace(/[^0-9]/g, '');
    for (const n of Object.values(DEMO_INSURANCE_NUMBERS)) expect(digits).not.toContain(n);

    const deficiency = await db.selectFrom('case_deficiencies').selectAll().executeTakeFirstOrThrow();
    expect(deficiency.reason).toContain('請求日の前日');
    expect(deficiency.notice).toMatch(/有効期限/);
    expect(deficiency.resolved_envelope_id).toBeTruthy();
    const history = await db.selectFrom('case_status_changes').select(['from_state', 'to_state']).orderBy('changed_at').execute();
    expect(history.map((h) => `${h.from_state}>${h.to_state}`)).toEqual(['received>checking', 'checking>deficient', 'deficient>checking', 'checking>accepted']);
  }, 300_000);
});

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rasterizePdf } from '../../electron/services/imaging/pdf-raster';
import { SHOTS, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { drawPage } from '../helpers/ocr-pages';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
// Issuing renders and rasterises letters: longer than the usual UI step.
const WAIT = { timeout: 30_000 };
const LONG = { timeout: 120_000 };

const chromium = useChromium();

async function caseInState(page: Page, form: Record<string, string | boolean>, to: 'accepted' | 'checking') {
  await pageCall(page, 'settings.update', COMPANY_SETTINGS);
  const logged = await pageCall(page, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true });
  const caseId = logged.cases[0]!.id;
  await pageCall(page, 'cases.setFields', { id: caseId, fields: fieldsOf({ ...FILLED, 'enclosure.idDocument': 'license', signature: '山田 太郎', ...form }) });
  await pageCall(page, 'cases.updateSubject', { id: caseId, name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都世田谷区桜新町1丁目2番3号' });
  await pageCall(page, 'cases.transition', { id: caseId, to: 'checking' });
  if (to === 'accepted') await pageCall(page, 'cases.transition', { id: caseId, to: 'accepted' });
  return { caseId, caseNo: logged.cases[0]!.caseNo };
}

const caseStatus = (page: Page) => page.getByTestId('status-actions').getAttribute('data-status');

describe('decisions and letters, end to end in Chromium (issue #6)', () => {
  it('decides a partial disclosure with a reason, previews, issues, logs registered mail, records the proof -> closed', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir(), { view: { locale: 'ja-JP', viewport: { width: 1400, height: 1000 } } });
    try {
      await page.getByTestId('nav-cases').waitFor(WAIT);
      const { caseId, caseNo } = await caseInState(page, {}, 'accepted');
      await page.goto(`${new URL(web.url).origin}/#/cases/${encodeURIComponent(caseId)}`);
      await page.getByTestId('decisions').waitFor(WAIT);

      // K1 in part, with the legal ground and the administrator's reason.
      await page.getByTestId('decide-K1').click();
      const k1 = page.getByTestId('decision-form-K1');
      await k1.getByTestId('outcome-partial').check();
      await k1.getByTestId('ground-business').check();
      await k1.getByTestId('decision-reason').fill('社内調査の記録は、開示すると調査に著しい支障が生じるため開示しません。');
      await k1.getByTestId('decision-enclosures').fill('会員登録情報の写し 1通');
      await k1.getByTestId('decision-save').click();
      await expect.poll(() => page.getByTestId('decision-K1').getAttribute('data-outcome'), WAIT).toBe('partial');
      await expect.poll(() => caseStatus(page), WAIT).toBe('deciding');

      await page.getByTestId('decide-K2').click();
      await page.getByTestId('decision-form-K2').getByTestId('decision-reason').fill('ご注文商品の発送のため\nアフターサービスのため');
      await page.getByTestId('decision-form-K2').getByTestId('decision-save').click();
      await expect.poll(() => page.getByTestId('decision-K2').getAttribute('data-outcome'), WAIT).toBe('done');
      await page.getByTestId('decide-K6').click();
      await page.getByTestId('decision-form-K6').getByTestId('outcome-no_data').check();
      await page.getByTestId('decision-form-K6').getByTestId('decision-save').click();
      await page.getByTestId('decisions-complete').waitFor(WAIT);

      // One combined reply answers K1, K2 and K6 (#10 item 4): its delivery leaves nothing owed.
      await page.getByTestId('create-combined_reply').click();
      const letter = page.getByTestId('letter-detail');
      await letter.waitFor(WAIT);
      await letter.getByTestId('letter-preview').click();
      const preview = letter.getByTestId('letter-pages');
      await preview.waitFor(LONG);
      expect(Number(await preview.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      expect(await preview.locator('img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(400);
      await page.screenshot({ path: join(SHOTS, 'letters-preview.png') });

      await letter.getByTestId('letter-issue').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => letter.getAttribute('data-status'), LONG).toBe('issued');
      expect(await letter.getByTestId('letter-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
      expect((await pageCall(page, 'cases.get', { id: caseId })).status).toBe('responding');

      // 一般書留 with 配達証明 (the defaults), its tracking number, then the proof comes back.
      await letter.getByTestId('mail-tracking').fill('1234-5678-9013');
      await letter.getByTestId('mail-log').click();
      await letter.getByTestId('mail-delivery').waitFor(WAIT);
      expect(await letter.getByTestId('mail-sent').textContent()).toContain('一般書留');
      await page.screenshot({ path: join(SHOTS, 'letters-mailed.png') });
      await letter.getByTestId('mail-record-delivery').click();
      await expect.poll(() => letter.getByTestId('mail-delivery').getAttribute('data-done'), WAIT).toBe('true');
      await expect.poll(async () => (await pageCall(page, 'cases.get', { id: caseId })).status, WAIT).toBe('closed');
      const [item] = (await pageCall(page, 'mail.list', { direction: 'outbound', caseId })).entries as { trackingNumber: string | null; proofReceivedOn: string | null }[];
      expect(item).toMatchObject({ trackingNumber: '123456789013' });
      expect(item!.proofReceivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.keyboard.press('Escape');
      await expect.poll(() => caseStatus(page), WAIT).toBe('closed');
      expect(caseNo).toBe('2026-0001');
    } finally {
      await close();
    }
  }, 300_000);

  it('prints a deficiency notice, and its scan with the new documents lands on the same case', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir(), { view: { locale: 'ja-JP', viewport: { width: 1400, height: 1000 }, acceptDownloads: true } });
    try {
      await page.getByTestId('nav-cases').waitFor(WAIT);
      const k3Only = { 'request.k1': false, 'request.k2': false, 'request.k6': false, 'request.k3': true, 'request.reason': '住所が旧住所のまま' };
      const { caseId, caseNo } = await caseInState(page, k3Only, 'checking');
      await pageCall(page, 'documents.record', { caseId, party: 'subject', kind: 'id', type: 'drivers_license', name: '山田 太郎', address: '東京都世田谷区桜新町1丁目2番3号', birthDate: '昭和60年4月1日', validUntil: '令和8年11月19日' });
      await pageCall(page, 'cases.transition', { id: caseId, to: 'deficient', reason: '運転免許証の有効期限切れ' });

      await page.goto(`${new URL(web.url).origin}/#/cases/${encodeURIComponent(caseId)}`);
      await page.getByTestId('create-deficiency').click({ timeout: WAIT.timeout });
      const letter = page.getByTestId('letter-detail');
      await letter.getByTestId('letter-issue').click(WAIT);
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => letter.getAttribute('data-status'), LONG).toBe('issued');
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), letter.getByTestId('letter-download').click()]);
      expect(download.suggestedFilename()).toBe(`kaiji-${caseNo}-deficiency.pdf`);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      let scan: Buffer | null = null;
      for await (const p of rasterizePdf(Buffer.concat(chunks), { dpi: 200, maxPages: 1 })) scan = p.png;
      await page.keyboard.press('Escape');

      // The applicant sends it back with a new ID copy; the clerk scans both on the Letters page.
      await page.getByTestId('nav-letters').click();
      await page.getByTestId('returned-notices').waitFor(WAIT);
      await page.getByTestId('returned-notices').getByTestId('import-input').setInputFiles([
        { name: 'notice.png', mimeType: 'image/png', buffer: scan! },
        { name: 'passport.png', mimeType: 'image/png', buffer: drawPage(['旅券 PASSPORT', '氏名 山田 太郎', '有効期限 令和12年3月1日']) },
      ]);
      await expect.poll(() => page.getByTestId('import-file-1').getAttribute('data-state'), LONG).toBe('done');
      expect(await page.getByTestId('import-attached').first().getAttribute('data-case-no')).toBe(caseNo);
      await page.screenshot({ path: join(SHOTS, 'letters-returned.png'), fullPage: true });
      const pages = await pageCall(page, 'pages.list', { caseId });
      expect(pages.length).toBe(2);
      expect((await pageCall(page, 'cases.get', { id: caseId })).status).toBe('checking');
    } finally {
      await close();
    }
  }, 300_000);
});

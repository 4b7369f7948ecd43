/**
 * The provision register end to end in Chromium at 1366x768 (T1, T2): a business system's CSV
 * (UTF-8 with BOM, one bad row) imported through the page with the mapping found from its header;
 * the bad row is reported by number; the register lists the rows; a K6 case shows its candidate
 * records and a person confirms them; a K5 decision puts the person on the list and the check
 * page refuses a provision to them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

const CSV = [
  '提供日,提供先,氏名,フリガナ,生年月日,住所,提供項目,根拠',
  '令和8年5月12日,東都保険株式会社,山田 太郎,ヤマダ タロウ,昭和60年4月1日,東京都世田谷区桜新町1-2-3,氏名・住所,同意',
  '2026/02/30,北辰運輸株式会社,佐藤 花子,サトウ ハナコ,,,氏名,委託',
  '2025/9/3,北辰運輸株式会社,山田 太郎,ヤマダ タロウ,1985-04-01,,氏名・配送先住所,委託',
].join('\r\n');

describe('provision register, end to end in Chromium', () => {
  it('imports a CSV with a bad row, confirms a K6 match on the case, and refuses a provision after K5', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      await page.getByTestId('nav-provisions').click();
      await page.getByTestId('provisions-page').waitFor(WAIT);
      await page.getByTestId('provisions-tab-import').click();
      await page.locator('input[type="file"]').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8') });
      await expect.poll(async () => (await page.getByTestId('provisions-import-summary').textContent()) ?? '', WAIT).toContain('3 行：取込可 2 件');
      expect(await page.getByTestId('provisions-import-errors').textContent()).toContain('3 行目');
      await page.screenshot({ path: join(SHOTS, 'provisions-import.png') });
      await page.getByTestId('provisions-import-run').click();
      await expect.poll(async () => (await page.getByTestId('provisions-import-result').textContent()) ?? '', WAIT).toContain('2 件を追加');

      await page.getByTestId('provisions-tab-register').click();
      await expect.poll(() => page.getByTestId('provisions-row').count(), WAIT).toBe(2);
      // A list shows days compact, the full era date on hover (#13 item 9).
      expect(await page.getByTestId('provisions-table').textContent()).toContain('R8.5.12');
      expect(await page.getByTestId('provisions-table').locator('time[title="令和8年5月12日"]').count()).toBeGreaterThan(0);

      // A K6 + K5 application from the same person.
      const logged = await pageCall(page, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true });
      const caseId = logged.cases[0]!.id;
      await pageCall(page, 'cases.setFields', { id: caseId, fields: fieldsOf({ ...FILLED, 'request.k1': false, 'request.k2': false, 'request.k5': true, 'enclosure.idDocument': 'license', signature: '山田 太郎' }) });
      await pageCall(page, 'cases.transition', { id: caseId, to: 'checking' });
      await pageCall(page, 'cases.transition', { id: caseId, to: 'accepted' });
      await page.goto(`${web.url}#/cases/${encodeURIComponent(caseId)}`);
      const panel = page.getByTestId('provision-match');
      await panel.waitFor(WAIT);
      await expect.poll(() => panel.getByTestId('provisions-row').count(), WAIT).toBe(2);
      await panel.getByTestId('provision-match-confirm').click();
      await expect.poll(async () => (await panel.getByTestId('provision-match-confirmed').textContent()) ?? '', WAIT).toContain('2 件');
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'provisions-match.png') });

      await pageCall(page, 'decisions.record', { caseId, kind: 'K5', outcome: 'done', grounds: [], reasonText: '' });
      await page.getByTestId('nav-provisions').click();
      await page.getByTestId('provisions-tab-block').click();
      await expect.poll(async () => (await page.getByTestId('provisions-block-table').textContent()) ?? '', WAIT).toContain(logged.cases[0]!.caseNo);
      await page.getByTestId('provisions-tab-check').click();
      await page.getByTestId('provisions-check-name').fill('山田太郎');
      await page.getByTestId('provisions-check-birth').fill('S60.4.1');
      await page.getByTestId('provisions-check-recipient').fill('東都保険株式会社');
      await page.getByTestId('provisions-check-date').fill('2099-01-01');
      await page.getByTestId('provisions-check-run').click();
      await expect.poll(async () => (await page.getByTestId('provisions-check-answer').textContent()) ?? '', WAIT).toContain('提供できません');
      await page.screenshot({ path: join(SHOTS, 'provisions-check.png') });
    } finally {
      await close();
    }
  }, 180_000);

  it('reports: the charts render and the table counts what was logged (#15 item 4)', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      const year = new Date().getFullYear();
      // Two applications received this January, one of them deficient.
      const logged = await pageCall(page, 'envelopes.log', { arrivedOn: `${year}-01-15`, delivery: 'futsu', redMarking: true, applications: 2 });
      const [a, b] = logged.cases.map((c) => c.id);
      await pageCall(page, 'cases.setFields', { id: a!, fields: fieldsOf({ ...FILLED }) });
      await pageCall(page, 'cases.setFields', { id: b!, fields: fieldsOf({ ...FILLED, 'request.k2': false, 'request.k6': false }) });
      await pageCall(page, 'cases.transition', { id: b!, to: 'checking' });
      await pageCall(page, 'cases.transition', { id: b!, to: 'deficient', reason: '署名なし' });
      await page.getByTestId('nav-reports').click();
      await page.getByTestId('reports-page').waitFor(WAIT);
      const jan = page.getByTestId(`reports-row-${year}-01`);
      await expect.poll(async () => (await jan.getByTestId('reports-received').textContent()) ?? '', WAIT).toBe('2');
      expect(await page.getByTestId(`reports-row-${year}`).textContent()).toContain('50.0%');
      // Recharts draws SVG bars: two kinds stacked in January (K1 twice, K2 and K6 once).
      await expect.poll(() => page.getByTestId('reports-chart-kinds').locator('.recharts-bar-rectangle path').count(), WAIT).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('reports-chart-days').locator('svg.recharts-surface').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, 'reports.png') });
    } finally {
      await close();
    }
  }, 120_000);
});

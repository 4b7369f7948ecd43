import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateInJapan } from '../../shared/domain/dates';
import { addDays, monthsBefore } from '../../shared/domain/verification/date-rules';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const chromium = useChromium();

describe('the Today view, end to end in Chromium (#5, I5, F2)', () => {
  it('is the home page, lists an order lapsing within the warning horizon and shows the counts', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    try {
      // Home for everyone who can see cases: the Today view.
      await page.getByTestId('today-page').waitFor(WAIT);
      expect(new URL(page.url()).hash).toBe('#/today');
      // A fresh install: no case needs action, and every empty list folds into one line (#13 item 6).
      await expect.poll(() => page.getByTestId('today-needsAction').getAttribute('data-count'), WAIT).toBe('0');
      expect(await page.getByTestId('today-empty-line').textContent()).toContain('換金する定額小為替');
      expect(await page.getByTestId('today-deficientWaiting').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'today-fresh-1366.png'), fullPage: true });

      const today = isoDateInJapan(new Date());
      const near = (await pageCall(page, 'envelopes.log', { arrivedOn: addDays(today, -12), delivery: 'futsu', redMarking: true })).cases[0]!;
      const late = (await pageCall(page, 'envelopes.log', { arrivedOn: addDays(today, -20), delivery: 'futsu', redMarking: true })).cases[0]!;
      // Issued 6 months minus 10 days ago: payable for about 10 more days (inside the 30-day horizon).
      const lapsingIssued = addDays(monthsBefore(today, 6), 10);
      await pageCall(page, 'moneyOrders.record', { caseId: near.id, certificateNo: 'AB12-345678', faceValue: 500, issuedOn: lapsingIssued, issuingOffice: '新宿', receivedOn: addDays(today, -12) });
      // Issued a month ago: payable for about five more months, outside the horizon.
      await pageCall(page, 'moneyOrders.record', { caseId: near.id, certificateNo: 'AB12-345679', faceValue: 500, issuedOn: monthsBefore(today, 1), issuingOffice: '新宿', receivedOn: addDays(today, -12) });

      await page.reload();
      const needs = page.getByTestId('today-needsAction');
      await needs.waitFor(WAIT);
      await expect.poll(() => needs.getAttribute('data-count'), WAIT).toBe('2');
      // One row per case with all its reasons: the overdue case first, then the one due in 2 days
      // whose target and day 14 fall on the same day (one row, not two identical lists).
      const rowsOf = needs.getByTestId('today-needsAction-row');
      expect(await rowsOf.evaluateAll((els) => els.map((e) => [e.getAttribute('data-case-no'), e.getAttribute('data-reasons')]))).toEqual([
        [late.caseNo, 'overdue day14_passed'],
        [near.caseNo, 'due_soon day14_soon order_lapsing'],
      ]);
      expect(await needs.textContent()).toContain('小為替 1 枚');
      // Both orders are still to be cashed; no separate per-reason case lists any more.
      expect(await page.getByTestId('today-ordersToCash').getAttribute('data-count')).toBe('2');
      for (const gone of ['today-overdue', 'today-dueSoon', 'today-day14Passed', 'today-day14Soon', 'today-ordersLapsing']) expect(await page.getByTestId(gone).count()).toBe(0);
      // At 1366 px no badge is cut and no case number or date wraps (element boxes, not eyes).
      const cut = await needs.locator('.mantine-Badge-root, a').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).lineHeight || '20')).map((e) => e.textContent),
      );
      expect(cut).toEqual([]);
      // The chart counts both applications in this month's or last month's bar.
      await page.getByTestId('today-chart').locator('.recharts-surface').first().waitFor(WAIT);
      expect(await page.getByTestId('today-chart').getAttribute('data-total')).toBe('2');
      await page.screenshot({ path: join(SHOTS, 'today-overview.png'), fullPage: true });

      // Each item links to its case; the case file shows the same clock.
      await needs.getByRole('link', { name: `案件 ${near.caseNo} を開く` }).click();
      await page.getByTestId('case-page').waitFor(WAIT);
      const deadline = page.getByTestId('case-deadline');
      await deadline.waitFor(WAIT);
      expect(await deadline.getAttribute('data-urgency')).toBe('due_soon');
      expect(await deadline.getAttribute('data-target')).toBe(addDays(today, 2));
      await page.screenshot({ path: join(SHOTS, 'today-case-deadline.png'), fullPage: true });

      // The case list, most urgent first, coloured by urgency.
      await page.getByTestId('nav-cases').click();
      await page.getByTestId('cases-table').waitFor(WAIT);
      const rows = page.locator('[data-testid^="case-row-"]');
      expect(await rows.first().getAttribute('data-testid')).toBe(`case-row-${late.caseNo}`);
      expect(await page.getByTestId(`case-row-${late.caseNo}`).locator('[data-urgency]').getAttribute('data-urgency')).toBe('overdue');
      await page.screenshot({ path: join(SHOTS, 'today-cases-by-urgency.png'), fullPage: true });
    } finally {
      await close();
    }
  }, 180_000);
});

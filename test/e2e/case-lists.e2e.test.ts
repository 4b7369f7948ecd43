/**
 * #13 items 1, 2a, 5 in Chromium at 1366×768: the case list pages past 50 rows with filters
 * and counts that match what is shown; j/k move the selection (aria-selected, announced), ]
 * turns the page, Enter opens the case; a clerk's first sign-in forces a passphrase change and
 * lands on "my cases", which lists exactly the clerk's open cases. Case numbers and dates never
 * wrap and status badges are never cut (checked by element boxes).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, lock, openDesk, unlock } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

const rows = (page: Page) => page.locator('[data-testid="cases-table"] tbody tr');

/** Case numbers and dates on one line each; badges as wide as their text (nothing cut). */
async function assertNoWrapOrCut(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const lines = (el: Element) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
    };
    const out: string[] = [];
    for (const tr of document.querySelectorAll('[data-testid="cases-table"] tbody tr')) {
      const [no, day] = tr.querySelectorAll('td');
      if (no && lines(no) !== 1) out.push(`wrapped case number ${no.textContent}`);
      if (day && lines(day) !== 1) out.push(`wrapped date ${day.textContent}`);
      for (const badge of tr.querySelectorAll('.mantine-Badge-label')) {
        if (badge.scrollWidth > badge.clientWidth + 1) out.push(`cut badge ${badge.textContent}`);
      }
    }
    return out;
  });
  expect(report).toEqual([]);
}

describe('the case list pages, filters and works from the keyboard', () => {
  it('pages past 50 with correct counts, filters, j/k + Enter; a clerk lands on my cases', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    try {
      // 72 cases: four envelopes of 18 applications; 12 checking; the clerk in charge of 9 (3 of them checking).
      const made: { id: string; caseNo: string }[] = [];
      for (const arrivedOn of ['2026-11-02', '2026-11-16', '2026-11-30', '2026-12-04']) {
        const logged = await pageCall(page, 'envelopes.log', { arrivedOn, delivery: 'ippan_kakitome', redMarking: true, applications: 18 });
        made.push(...logged.cases.map((c) => ({ id: c.id, caseNo: c.caseNo })));
      }
      const checking = made.filter((_, i) => i % 6 === 0);
      for (const c of checking) await pageCall(page, 'cases.transition', { id: c.id, to: 'checking' });
      await pageCall(page, 'staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase one' });
      const clerk = (await pageCall(page, 'staff.list', {})).find((s) => s.login === 'ichiro')!;
      const clerkCases = made.filter((_, i) => i % 8 === 0);
      for (const c of clerkCases) await pageCall(page, 'cases.assign', { caseId: c.id, assigneeId: clerk.id });

      await page.getByTestId('nav-cases').click();
      await page.locator('[data-testid="cases-page"][data-view="all"]').waitFor(WAIT);
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe('全 72 件中 1〜50 件を表示');
      expect(await rows(page).count()).toBe(50);
      await assertNoWrapOrCut(page);
      await page.screenshot({ path: join(SHOTS, 'case-list-page-1.png') });

      // Page 2 by the pager: the remaining 22.
      await page.getByTestId('cases-page-2').click();
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe('全 72 件中 51〜72 件を表示');
      expect(await rows(page).count()).toBe(22);

      // Filter by state: the count is the filtered set, and every row shows that state.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByTestId('filter-states').click({ force: true });
      await page.getByRole('option', { name: '確認中' }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe(`全 ${checking.length} 件中 1〜${checking.length} 件を表示`);
      expect(await rows(page).count()).toBe(checking.length);
      expect(new Set(await page.locator('[data-testid="cases-table"] tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))).toEqual(new Set(['checking']));
      // …and by person in charge: the clerk's checking cases only.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByTestId('filter-assignee').click({ force: true });
      await page.getByRole('option', { name: '担当 一郎' }).click();
      const both = made.filter((c, i) => i % 6 === 0 && i % 8 === 0);
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe(`全 ${both.length} 件中 1〜${both.length} 件を表示`);
      expect((await page.getByTestId('case-assignee').allTextContents()).every((n) => n === '担当 一郎')).toBe(true);
      await page.getByTestId('filter-clear').click();
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe('全 72 件中 1〜50 件を表示');

      // Keyboard: j j selects the second row (aria-selected, announced); ] turns the page; k; Enter opens.
      await page.locator('body').click({ position: { x: 5, y: 700 } });
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      const second = rows(page).nth(1);
      await expect.poll(() => second.getAttribute('aria-selected'), WAIT).toBe('true');
      const secondNo = (await second.getAttribute('data-testid'))!.replace('case-row-', '');
      await expect.poll(() => page.getByTestId('cases-announce').textContent(), WAIT).toContain(secondNo);
      await page.keyboard.press(']');
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe('全 72 件中 51〜72 件を表示');
      await expect.poll(() => rows(page).first().getAttribute('aria-selected'), WAIT).toBe('true');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      await page.keyboard.press('j');
      const target = rows(page).nth(1);
      await expect.poll(() => target.getAttribute('aria-selected'), WAIT).toBe('true');
      const targetNo = (await target.getAttribute('data-testid'))!.replace('case-row-', '');
      await page.screenshot({ path: join(SHOTS, 'case-list-keyboard.png') });
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="case-page"][data-case-no="${targetNo}"]`).waitFor(WAIT);

      // The same keys in the registered-mail log: j selects the newest envelope, Enter opens its first case.
      await page.getByTestId('nav-mail').click();
      await expect.poll(() => page.getByTestId('mail-range').textContent(), WAIT).toBe('全 4 件中 1〜4 件を表示');
      await page.locator('body').click({ position: { x: 5, y: 700 } });
      await page.keyboard.press('j');
      await expect.poll(() => page.getByTestId('mail-row').first().getAttribute('aria-selected'), WAIT).toBe('true');
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="case-page"][data-case-no="${made[54]!.caseNo}"]`).waitFor(WAIT);
      await lock(page);

      // The clerk's first sign-in: the forced change, then "my cases" with exactly their open cases.
      await unlock(page, 'ichiro', 'clerk passphrase one');
      await changeForcedPassphrase(page, 'clerk passphrase one', 'only ichiro knows this');
      await page.locator('[data-testid="cases-page"][data-view="mine"]').waitFor(WAIT);
      expect(new URL(page.url()).hash).toBe('#/cases?mine');
      await expect.poll(() => page.getByTestId('cases-range').textContent(), WAIT).toBe(`全 ${clerkCases.length} 件中 1〜${clerkCases.length} 件を表示`);
      expect((await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')!.replace('case-row-', '')))).sort()).toEqual(clerkCases.map((c) => c.caseNo).sort());
      await assertNoWrapOrCut(page);
      await page.screenshot({ path: join(SHOTS, 'case-list-my-cases.png') });
    } finally {
      await close();
    }
  }, 240_000);
});

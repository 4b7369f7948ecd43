/**
 * The daily desk at office-laptop size (#13 "What it must show"): every main page at 1366×768 on a
 * demo vault, checked by element boxes (not by eye); the case file as a workbench; the command
 * palette, the shortcut sheet and the keyboard-only intake path.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoResult } from '../../electron/services/demo/demo-vault';
import { shortcuts } from '../../renderer/src/ui/shortcuts';
import { withDomesticCheckDigit } from '../../shared/domain/tracking-number';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, lock, openDesk, unlock } from '../helpers/e2e-flows';
import { FILLED, scannedForm } from '../helpers/filled-forms';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';

const tempDir = useTempDirs();
const chromium = useChromium();
const LONG = { timeout: 120_000 };

const ROUTES = ['today', 'cases', 'intake', 'moneyOrders', 'mail', 'letters', 'contacts', 'provisions', 'reports', 'staff', 'audit', 'settings', 'records', 'trash'] as const;

/** A demo vault as `npm run demo` makes it: 58 applications over four months, one with its scans read. */
function demoVault(dataDir: string): DemoResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data-dir', dataDir, '--cases', '58', '--scans', '1'], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (run.status !== 0) throw new Error(`demo failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n')[0]!) as DemoResult;
}

/** Waits until the page shows no loader (data arrived), then a frame for layout. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('main .mantine-Loader-root:visible').count(), WAIT).toBe(0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * What the findings were, measured on the boxes the browser laid out: badges cut short,
 * case numbers, dates and yen amounts wrapped onto two lines, anything wider than the window,
 * months written 2026-12 and raw ISO timestamps.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`page wider than the window: ${document.documentElement.scrollWidth} > ${vw}`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // A scroll container (a wide table) may hold wider content: that is scrolling, not overflow.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    for (const badge of document.querySelectorAll('.mantine-Badge-root')) {
      if (!visible(badge)) continue;
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      if (label.scrollWidth > label.clientWidth + 1) problems.push(`badge cut short: "${badge.textContent}"`);
    }
    const SINGLE = /^(\d{4}-\d{4}|(令和|平成|昭和)(\d+|元)年\d+月\d+日|R\d+\.\d+\.\d+( \d{1,2}:\d{2})?|\d{4}[-/]\d{2}[-/]\d{2}( \d{2}:\d{2}(:\d{2})?)?|[\d,]+円|¥[\d,]+)$/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (!SINGLE.test(text) || !n.parentElement || !visible(n.parentElement)) continue;
      range.selectNodeContents(n);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`wrapped onto ${tops.size} lines: "${text}"`);
    }
    for (const el of document.querySelectorAll('main *')) {
      if (!visible(el) || clipped(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1) {
        problems.push(`past the right edge (${Math.round(r.right)} > ${vw}): <${el.tagName.toLowerCase()} class="${el.className}">`);
        break;
      }
    }
    // One date rule (#13 item 9): a list cell shows days compact (R8.12.7), never the full era date
    // (a case file's detail tables are details, not lists).
    for (const td of document.querySelectorAll('main td')) {
      if (td.closest('[data-testid="case-page"]')) continue;
      if (!visible(td)) continue;
      const full = /(令和|平成|昭和)(\d+|元)年\d+月\d+日/u.exec((td as HTMLElement).innerText);
      if (full) problems.push(`full era date in a list cell: ${full[0]}`);
    }
    const shown = document.body.innerText;
    for (const m of shown.matchAll(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g)) problems.push(`raw ISO timestamp: ${m[0]}`);
    for (const m of shown.matchAll(/(?<![\d-])\d{4}-(0[1-9]|1[0-2])(?![\d-])/g)) problems.push(`month written as ${m[0]}`);
    return problems;
  });
}

describe('the desk at 1366×768 (#13 items 4, 5, 9, 11b)', () => {
  it('every main page on a demo vault: no cut badge, no wrapped number, date or amount, nothing wider than the window', async () => {
    const dataDir = join(tempDir(), 'demo');
    const demo = demoVault(dataDir);
    const web = await startWebMode(dataDir);
    const page = await chromium().newPage({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(web.url);
      await unlock(page, demo.administrator.login, demo.administrator.passphrase);
      await page.getByTestId('today-page').waitFor(WAIT);

      // The trash holds a row too, besides what the demo made.
      const all = await pageCall(page, 'cases.list', { limit: 500 });
      let trashed = false;
      for (const c of all.cases) {
        const pages = await pageCall(page, 'pages.list', { caseId: c.id });
        if (pages.length > 1) {
          await pageCall(page, 'pages.delete', { id: pages[pages.length - 1]!.id });
          trashed = true;
          break;
        }
      }
      expect(trashed, 'the demo has a case with two pages').toBe(true);

      const found: Record<string, string[]> = {};
      for (const route of ROUTES) {
        // Through the router, as a link or the palette would go.
        await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
        await page.locator(`[data-testid="nav-${route}"][aria-current="page"]`).waitFor(WAIT);
        await settled(page);
        await page.screenshot({ path: join(SHOTS, `desk-${route}-1366.png`), fullPage: true });
        const problems = await layoutProblems(page);
        if (problems.length > 0) found[route] = problems;
      }

      // The other tabs of records keeping: retention and disposal, the disposal register.
      await page.evaluate(() => (window.location.hash = '#/records'));
      await page.locator('[data-testid="nav-records"][aria-current="page"]').waitFor(WAIT);
      for (const tab of ['retention', 'register'] as const) {
        await page.getByTestId(`records-tab-${tab}`).click();
        await page.getByTestId(tab === 'retention' ? 'retention-save' : 'register-export').waitFor(WAIT);
        await settled(page);
        await page.screenshot({ path: join(SHOTS, `desk-records-${tab}-1366.png`), fullPage: true });
        const problems = await layoutProblems(page);
        if (problems.length > 0) found[`records ${tab}`] = problems;
      }

      // The case file whose form was scanned: the review workbench.
      const list = await pageCall(page, 'cases.list', { limit: 500 });
      let scanned: string | null = null;
      for (const c of list.cases) {
        const d = await pageCall(page, 'cases.detail', { id: c.id });
        if (d.fields.some((f) => f.sourcePageId)) {
          scanned = c.id;
          break;
        }
      }
      expect(scanned, 'the demo has a case with a scanned form').not.toBeNull();
      await page.evaluate((id) => (window.location.hash = `#/cases/${encodeURIComponent(id)}`), scanned!);
      const workbench = page.getByTestId('workbench');
      await workbench.waitFor(WAIT);
      await page.getByTestId('workbench-page').locator('img').waitFor(WAIT);
      await settled(page);
      const caseProblems = await layoutProblems(page);
      if (caseProblems.length > 0) found['case file'] = caseProblems;

      // The review task fits one screen: fields and page both wholly inside the window.
      await workbench.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -80));
      const inView = async (testid: string) => {
        const box = (await page.getByTestId(testid).boundingBox())!;
        return box.y >= 59 && box.y + box.height <= 768 + 1 && box.x >= 0 && box.x + box.width <= 1366 + 1;
      };
      expect(await inView('workbench-fields')).toBe(true);
      expect(await inView('workbench-page')).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'desk-case-workbench-1366.png') });

      // The current field's box is outlined on the page and follows Ctrl+↓.
      await page.locator('[data-field] input').first().focus();
      const zone = page.getByTestId('workbench-zone');
      await zone.waitFor(WAIT);
      const first = await zone.boundingBox();
      await page.keyboard.press('Control+ArrowDown');
      await expect.poll(async () => JSON.stringify(await zone.boundingBox()), WAIT).not.toBe(JSON.stringify(first));
      const current = await page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-current'));
      expect(current).toBe('true');

      // At 1920 px the workbench uses the width: the page beside the fields, no empty column.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await settled(page);
      const main = (await page.getByTestId('case-page').boundingBox())!;
      const bench = (await workbench.boundingBox())!;
      const pageBox = (await page.getByTestId('workbench-page').boundingBox())!;
      expect(bench.width).toBeGreaterThan(main.width * 0.9);
      expect(main.x + main.width - (pageBox.x + pageBox.width)).toBeLessThan(80);
      await page.screenshot({ path: join(SHOTS, 'desk-case-workbench-1920.png') });

      // A clerk's home, "my cases", after the first sign-in's passphrase change.
      await page.setViewportSize({ width: 1366, height: 768 });
      const clerk = demo.staff.find((m) => m.role === 'clerk')!;
      const mine = all.cases.filter((c) => c.status !== 'closed').slice(0, 3);
      expect(mine).toHaveLength(3);
      const clerkId = (await pageCall(page, 'staff.list', {})).find((m) => m.login === clerk.login)!.id;
      for (const c of mine) await pageCall(page, 'cases.assign', { caseId: c.id, assigneeId: clerkId });
      await lock(page);
      await unlock(page, clerk.login, clerk.passphrase);
      // Whichever comes first: the demo's clerk may still have to replace the passphrase set for them.
      await page.locator('[data-testid="forced-passphrase"], [data-testid="cases-page"]').first().waitFor(WAIT);
      if (await page.getByTestId('forced-passphrase').isVisible()) await changeForcedPassphrase(page, clerk.passphrase, `${clerk.passphrase}-own`);
      await page.getByTestId('cases-page').waitFor(WAIT);
      expect(new URL(page.url()).hash).toBe('#/cases?mine');
      await expect.poll(() => page.getByTestId('cases-table').locator('tbody tr').count(), WAIT).toBe(mine.length);
      await settled(page);
      await page.screenshot({ path: join(SHOTS, 'desk-my-cases-1366.png'), fullPage: true });
      const mineProblems = await layoutProblems(page);
      if (mineProblems.length > 0) found['my cases'] = mineProblems;
      expect(found).toEqual({});
    } finally {
      await page.close();
      await web.stop();
    }
  }, 420_000);

  it('the keyboard alone: palette, shortcut sheet, / to search, and envelope → import → fields → next envelope', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      await page.getByTestId('today-page').waitFor(WAIT);

      // ? opens the sheet, listing every registered shortcut.
      await page.keyboard.press('Shift+?');
      const sheet = page.getByTestId('shortcut-sheet-body');
      await sheet.waitFor(WAIT);
      expect(await sheet.locator('[data-shortcut]').count()).toBe(shortcuts.length);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden', ...WAIT });

      // Ctrl+K: go to a page by typing its name.
      await page.keyboard.press('Control+k');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('command-palette-input');
      await page.keyboard.type('受付');
      // The first match is selected as you type: the page comes before the action of the same name.
      await page.keyboard.press('Enter');
      await page.getByTestId('intake-page').waitFor(WAIT);
      expect(new URL(page.url()).hash).toBe('#/intake');
      await page.getByTestId('command-palette-input').waitFor({ state: 'hidden', ...WAIT });

      // N: a new envelope, from the arrival date; typed and sent without the mouse.
      await page.keyboard.press('n');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('envelope-date');
      await page.getByTestId('envelope-tracking').focus();
      await page.keyboard.type(withDomesticCheckDigit('12345678901'));
      await page.keyboard.press('Tab');
      await page.getByTestId('envelope-note').focus();
      await page.keyboard.type('封筒の角が破れていた');
      await page.keyboard.press('Control+Enter');
      // Focus lands on the new case; Enter opens it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('envelope-open-2026-0001');
      await page.keyboard.press('Enter');
      await page.getByTestId('case-page').waitFor(WAIT);
      // The memo typed at intake is on the case file.
      await expect.poll(async () => (await page.getByTestId('case-envelopes').textContent()) ?? '', WAIT).toContain('封筒の角が破れていた');

      // The scan drop zone has the focus: Enter opens the file picker.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('import-drop');
      const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
      await page.keyboard.press('Enter');
      // On a loaded machine the picker may open late; one more Enter on the same zone is what a person would do.
      await Promise.race([chooser, new Promise((r) => setTimeout(r, 10_000))]).then(async (c) => (c ? undefined : page.keyboard.press('Enter')));
      await (await chooser).setFiles([{ name: 'application.jpg', mimeType: 'image/jpeg', buffer: await scannedForm({ ...FILLED, 'subject.phone': '' }) }]);
      await page.getByTestId('workbench').waitFor(LONG);
      // Read by OCR (what it read is the OCR tests' business): each value carries its confidence.
      await expect.poll(() => page.getByTestId('field-confidence-subject.name').getAttribute('data-kind'), LONG).toMatch(/^(ocr|blank)$/);

      // Ctrl+↓ to a field, type, Enter: saved, and the caret moves on.
      await page.locator('[data-field] input').first().focus();
      await page.keyboard.press('Control+ArrowDown');
      const focusedField = () => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);
      await expect.poll(focusedField, WAIT).not.toBeNull();
      await page.getByTestId('field-subject.phone').focus();
      await page.keyboard.type('03-1234-5678');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('field-confidence-subject.phone').getAttribute('data-kind'), LONG).toBe('staff');
      expect(await focusedField()).not.toBe('subject.phone');
      await page.screenshot({ path: join(SHOTS, 'desk-keyboard-fields.png') });

      // Ctrl+Shift+N: the next envelope, date field ready.
      await page.keyboard.press('Control+Shift+N');
      await page.getByTestId('intake-page').waitFor(WAIT);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('envelope-date');

      // Ctrl+K again: open the case by its number.
      await page.keyboard.press('Control+k');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('command-palette-input');
      await page.keyboard.type('2026-0001');
      await page.locator('.mantine-Spotlight-action', { hasText: '2026-0001' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      await page.getByTestId('case-page').waitFor(WAIT);

      // /: the case list's search box.
      await page.evaluate(() => (window.location.hash = '#/cases'));
      await page.getByTestId('cases-page').waitFor(WAIT);
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT).toBe('cases-search');

      // An unknown address goes home, through the router.
      await page.evaluate(() => (window.location.hash = '#/nowhere'));
      await expect.poll(() => new URL(page.url()).hash, WAIT).toBe('#/today');
    } finally {
      await close();
    }
  }, 420_000);
});

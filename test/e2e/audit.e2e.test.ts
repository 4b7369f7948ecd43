/**
 * #13 item 7 in Chromium at 1366×768: the audit trail reads as words; searching 削除 finds the
 * "職員の削除" entry (stored as staff.removed), and the action filter is chosen by its words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { openDesk } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('audit trail for people, end to end in Chromium', () => {
  it('削除 finds the staff removal; the action filter takes words; no codes on screen', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    try {
      const gone = await pageCall(page, 'staff.add', { displayName: '退職 次郎', login: 'jiro', role: 'clerk', passphrase: 'clerk passphrase 2' });
      await pageCall(page, 'staff.remove', { id: gone.id });
      await pageCall(page, 'envelopes.log', { arrivedOn: '2026-12-01', delivery: 'ippan_kakitome', redMarking: true, senderName: '', senderAddress: '', note: '', applications: 1 });

      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-table').waitFor(WAIT);
      const table = page.getByTestId('audit-table');
      // Words, not codes or JSON.
      await expect.poll(() => table.innerText(), WAIT).toContain('配達方法: 一般書留');
      const text = await table.innerText();
      expect(text).not.toMatch(/staff\.removed|envelope\.logged|ippan_kakitome|\[\["/);

      await page.getByTestId('audit-filter-text').fill('削除');
      await page.getByTestId('audit-filter-text').press('Enter');
      const removed = table.locator('[data-action="staff.removed"]');
      await removed.first().waitFor(WAIT);
      expect(await removed.first().innerText()).toContain('職員の削除');
      await expect.poll(() => table.locator('[data-action="envelope.logged"]').count(), WAIT).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'audit-search-words.png') });

      // The action filter by its words, keyboard only.
      await page.getByRole('button', { name: 'クリア' }).click();
      await page.getByTestId('audit-filter-action').fill('郵便物の受付');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(async () => new Set(await table.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))), WAIT).toEqual(new Set(['envelope.logged']));
    } finally {
      await close();
    }
  });
});

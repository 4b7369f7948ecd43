/**
 * The second administrator's approval (決裁, #13 item 2b) in Chromium at 1366×768: with the
 * setting on, the letters panel shows a letter awaiting approval; its author sees no Approve
 * button; a second administrator sends it back with a reason (shown on the letter), then
 * approves it; the panel follows each state.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, lock, openDesk, unlock } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();
const TARO = { displayName: '管理 太郎', login: 'taro', role: 'administrator' as const, passphrase: 'second administrator set 1' };

describe('approval (決裁), end to end in Chromium', () => {
  it('awaiting → author cannot approve → another administrator sends back with a reason → approves', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      await pageCall(page, 'settings.update', { ...COMPANY_SETTINGS, approvalRequired: true });
      const logged = await pageCall(page, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true });
      const caseId = logged.cases[0]!.id;
      const form = { ...FILLED, 'request.k2': false, 'request.k6': false, 'enclosure.idDocument': 'license', signature: '山田 太郎' };
      await pageCall(page, 'cases.setFields', { id: caseId, fields: fieldsOf(form) });
      await pageCall(page, 'cases.transition', { id: caseId, to: 'checking' });
      await pageCall(page, 'cases.transition', { id: caseId, to: 'accepted' });
      await pageCall(page, 'decisions.record', { caseId, kind: 'K1', outcome: 'no_data' });
      await pageCall(page, 'letters.create', { caseId, template: 'no_data' });
      await pageCall(page, 'staff.add', TARO);

      const caseUrl = `${web.url}#/cases/${encodeURIComponent(caseId)}`;
      await page.goto(caseUrl);
      const row = page.getByTestId('letter-row-no_data');
      await expect.poll(() => row.getByTestId('letter-approval').getAttribute('data-state'), WAIT).toBe('awaiting');
      // The author opens it: the state and why it waits, but no Approve button.
      await row.getByTestId('open-letter-no_data').click();
      await page.getByTestId('approval-section').waitFor(WAIT);
      expect(await page.getByTestId('approval-approve').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'approval-author-1366.png') });
      await page.keyboard.press('Escape');

      await lock(page);
      await unlock(page, TARO.login, TARO.passphrase);
      await changeForcedPassphrase(page, TARO.passphrase, 'second administrator own 2');
      await page.getByTestId('current-user').waitFor(WAIT);
      await page.goto(caseUrl);
      await page.getByTestId('letter-row-no_data').getByTestId('open-letter-no_data').click();
      await page.getByTestId('approval-send-back').click();
      // The contract's schema refuses an empty reason, in words.
      await page.getByTestId('approval-send-back-ok').click();
      await expect.poll(() => page.getByText('入力してください。').count(), WAIT).toBeGreaterThan(0);
      await page.getByTestId('approval-reason-input').fill('宛先の住所を申請書と照合してください');
      await page.getByTestId('approval-send-back-ok').click();
      await expect.poll(() => page.getByTestId('approval-reason').textContent(), WAIT).toContain('宛先の住所を申請書と照合してください');
      await page.getByTestId('approval-approve').click();
      await expect.poll(() => page.getByTestId('letter-modal').getByTestId('letter-approval').getAttribute('data-state'), WAIT).toBe('approved');
      await page.screenshot({ path: join(SHOTS, 'approval-approved-1366.png') });
      const letters = await pageCall(page, 'letters.list', { caseId });
      expect(letters[0]!.approval).toMatchObject({ state: 'approved', byName: TARO.displayName });
    } finally {
      await close();
    }
  });
});

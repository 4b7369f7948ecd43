/**
 * The case lifecycle in a real Chromium (issue #10): a request refused as repeated gets its
 * refusal notice, which is issued, mailed and delivered, and only then is the case closed; a
 * clerk sees no close or withdraw action and the API refuses them (typed, audited).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, pageCall, pageResult, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, lock, openDesk, unlock } from '../helpers/e2e-flows';
import { FILLED, fieldsOf } from '../helpers/filled-forms';
import { COMPANY_SETTINGS } from '../helpers/letters-case';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const WAIT = { timeout: 30_000 };
const LONG = { timeout: 120_000 };
const chromium = useChromium();
const CLERK = { displayName: '事務 次郎', login: 'jiro', role: 'clerk' as const, passphrase: 'another long passphrase 42' };

async function application(page: Page, arrivedOn: string) {
  const logged = await pageCall(page, 'envelopes.log', { arrivedOn, delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true });
  const caseId = logged.cases[0]!.id;
  await pageCall(page, 'cases.setFields', { id: caseId, fields: fieldsOf({ ...FILLED, 'request.k2': false, 'request.k6': false, 'enclosure.idDocument': 'license', signature: '山田 太郎' }) });
  await pageCall(page, 'cases.updateSubject', { id: caseId, name: '山田 太郎', kana: 'ヤマダ タロウ', address: '東京都世田谷区桜新町1丁目2番3号' });
  return { caseId, caseNo: logged.cases[0]!.caseNo };
}

const statusOf = async (page: Page, id: string) => (await pageCall(page, 'cases.get', { id })).status;

describe('the case lifecycle end to end in Chromium (issue #10)', () => {
  it('refuse as repeated -> refusal notice -> outbound mail -> proof of delivery -> closed; a clerk sees no close/withdraw and the API refuses it', async () => {
    const { web, page, close } = await openDesk(chromium(), tempDir());
    try {
      await page.getByTestId('nav-cases').waitFor(WAIT);
      await pageCall(page, 'settings.update', COMPANY_SETTINGS);
      const earlier = await application(page, '2026-09-01');
      const current = await application(page, '2026-11-21');
      await pageCall(page, 'cases.transition', { id: current.caseId, to: 'checking' });

      // R3: the administrator refuses it as repeated, naming the earlier request.
      await page.goto(`${new URL(web.url).origin}/#/cases/${encodeURIComponent(current.caseId)}`);
      await page.getByTestId('refuse-repeated').click(WAIT);
      await page.getByLabel(new RegExp(earlier.caseNo)).check();
      await page.getByTestId('refuse-repeated-reason').fill('前回の開示から3か月以内に同一内容の請求があり、保有個人データに変更がないため。');
      await page.getByTestId('refuse-repeated-confirm').click();
      await expect.poll(() => statusOf(page, current.caseId), WAIT).toBe('refused');

      // Not final: the header says the refusal notice is owed.
      const owed = page.getByTestId('case-owed');
      await expect.poll(() => owed.getAttribute('data-count'), WAIT).toBe('1');
      expect(await owed.getByTestId('case-owed-list').textContent()).toContain('拒否の通知');
      await page.screenshot({ path: join(SHOTS, 'lifecycle-refused-owed.png') });

      await page.getByTestId('create-refusal_notice').click(WAIT);
      const letter = page.getByTestId('letter-detail');
      await letter.waitFor(WAIT);
      await letter.getByTestId('letter-issue').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => letter.getAttribute('data-status'), LONG).toBe('issued');
      await letter.getByTestId('mail-tracking').fill('1234-5678-9013');
      await letter.getByTestId('mail-log').click();
      await letter.getByTestId('mail-delivery').waitFor(WAIT);
      expect(await statusOf(page, current.caseId)).toBe('refused');
      await letter.getByTestId('mail-record-delivery').click();
      await expect.poll(() => statusOf(page, current.caseId), WAIT).toBe('closed');
      await page.keyboard.press('Escape');
      await expect.poll(() => owed.getAttribute('data-count'), WAIT).toBe('0');

      // A withdrawn case waiting for its acknowledgement, and a case being checked.
      const withdrawn = await application(page, '2026-11-22');
      await pageCall(page, 'cases.transition', { id: withdrawn.caseId, to: 'checking' });
      await pageCall(page, 'cases.transition', { id: withdrawn.caseId, to: 'withdrawn', ground: 'phone' });
      const checking = await application(page, '2026-11-23');
      await pageCall(page, 'cases.transition', { id: checking.caseId, to: 'checking' });
      await pageCall(page, 'staff.add', CLERK);

      await lock(page);
      await unlock(page, CLERK.login, CLERK.passphrase);
      await changeForcedPassphrase(page, CLERK.passphrase, `${CLERK.passphrase} (own)`); // #13 item 8
      await page.getByTestId('nav-cases').waitFor(WAIT);
      for (const c of [withdrawn, checking]) {
        await page.goto(`${new URL(web.url).origin}/#/cases/${encodeURIComponent(c.caseId)}`);
        const actions = page.getByTestId('status-actions');
        await actions.waitFor(WAIT);
        await page.getByTestId('case-owed').waitFor(WAIT);
        expect(await actions.getByTestId('to-closed').count()).toBe(0);
        expect(await actions.getByTestId('to-withdrawn').count()).toBe(0);
        expect(await actions.getByTestId('to-refused').count()).toBe(0);
      }
      await page.screenshot({ path: join(SHOTS, 'lifecycle-clerk.png') });
      // The API refuses them too: typed, bilingual, and nothing moves.
      const close = await pageResult(page, 'cases.transition', { id: withdrawn.caseId, to: 'closed', reason: '不要' });
      expect(close).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDS', details: { action: 'close' } } });
      const withdraw = await pageResult(page, 'cases.transition', { id: checking.caseId, to: 'withdrawn', ground: 'phone' });
      expect(withdraw).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDS', details: { action: 'withdraw' } } });
      expect(await statusOf(page, withdrawn.caseId)).toBe('withdrawn');
      expect(await statusOf(page, checking.caseId)).toBe('checking');

      await lock(page);
      await unlock(page, 'hanako', 'correct horse battery staple');
      await page.getByTestId('nav-cases').waitFor(WAIT);
      const denied = await pageCall(page, 'audit.list', { action: 'access.denied' });
      expect(denied.entries.map((e) => e.summary.caseAction)).toEqual(expect.arrayContaining(['close', 'withdraw']));
    } finally {
      await close();
    }
  }, 300_000);
});

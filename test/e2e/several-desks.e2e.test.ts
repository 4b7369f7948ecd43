/**
 * #16 item 3 in the real renderer (Chromium, web mode): two browser contexts (two desks' windows
 * on one vault) edit one case. The one that saves second, having typed over a view the other
 * changed meanwhile, is told in Japanese and keeps its typed text; the change notices bring
 * each window the other's saves without a reload or any polling of tables.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { setUpVault } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';

const tempDir = useTempDirs();
const chromium = useChromium();
/** What issue 16 promises: another desk's change shows within 2 s (plus one UI step's slack on a loaded machine). */
const NOTICE = { timeout: 2_000 + 3_000 };

describe('two desks editing one case, end to end in Chromium', () => {
  it('the second save shows the conflict message in Japanese, keeps what was typed, and each window sees the other`s saves', async () => {
    const web = await startWebMode(tempDir());
    const a = await (await chromium().newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } })).newPage();
    const b = await (await chromium().newContext({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } })).newPage();
    try {
      await setUpVault(a, web.url);
      const logged = await pageCall(a, 'envelopes.log', { arrivedOn: '2026-11-21', delivery: 'futsu', redMarking: true });
      const caseId = logged.cases[0]!.id;
      await pageCall(a, 'cases.setFields', { id: caseId, fields: [{ field: 'subject.name', value: '山田 太郎' }, { field: 'subject.address', value: '東京都世田谷区桜新町1丁目2番3号' }] });
      const origin = new URL(web.url).origin;
      await a.goto(`${origin}/#/cases/${caseId}`);
      // The second window: its own cookie from the start URL, the same desk's session.
      await b.goto(web.url);
      await b.goto(`${origin}/#/cases/${caseId}`);
      for (const p of [a, b]) await expect.poll(() => p.getByTestId('field-subject.name').inputValue(), WAIT).toBe('山田 太郎');

      // B starts typing; A saves a change to the same field first.
      await b.getByTestId('field-subject.name').fill('山田 花子');
      await a.getByTestId('field-subject.name').fill('山田 一郎');
      await a.getByTestId('fields-save').click();
      await expect.poll(() => pageCall(a, 'cases.detail', { id: caseId }).then((d) => d.case.subjectName), WAIT).toBe('山田 一郎');
      // B's window heard of it (its untouched address would follow), but B typed on the older view.
      await b.getByTestId('fields-save').click();
      const alert = b.getByTestId('fields-conflict');
      await alert.waitFor(WAIT);
      expect(await alert.textContent()).toContain('他の端末でこの案件が変更されました。再読み込みしてください。');
      expect(await b.getByTestId('field-subject.name').inputValue()).toBe('山田 花子');
      expect((await pageCall(b, 'cases.detail', { id: caseId })).case.subjectName).toBe('山田 一郎');
      await b.screenshot({ path: join(SHOTS, 'several-desks-conflict.png'), fullPage: true });

      // Having seen the message, B saves again on purpose: now it applies.
      await b.getByTestId('fields-save').click();
      await expect.poll(() => pageCall(b, 'cases.detail', { id: caseId }).then((d) => d.case.subjectName), WAIT).toBe('山田 花子');
      // A typed nothing since its save: the notice brings B's value into A's window by itself.
      await expect.poll(() => a.getByTestId('field-subject.name').inputValue(), NOTICE).toBe('山田 花子');
      // And the other way: an address saved in A shows in B.
      await a.getByTestId('field-subject.address').fill('東京都新宿区西早稲田2-20-15');
      await a.getByTestId('fields-save').click();
      await expect.poll(() => b.getByTestId('field-subject.address').inputValue(), NOTICE).toBe('東京都新宿区西早稲田2-20-15');
    } finally {
      await a.context().close();
      await b.context().close();
      await web.stop();
    }
  }, 240_000);
});

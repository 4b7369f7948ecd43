/**
 * #13 item 8 in Chromium at 1366×768: a clerk's first sign-in (passphrase set by the
 * administrator) must change the passphrase before anything else, then lands on "my cases",
 * not on the administrator's last page ("no permission"); the administrator lands on Today; the
 * same clerk coming back after a lock keeps their page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, WAIT, pageCall, useChromium } from '../helpers/e2e-page';
import { changeForcedPassphrase, E2E_ADMIN, lock, openDesk, unlock } from '../helpers/e2e-flows';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const chromium = useChromium();

describe('sign-in lands on your own home', () => {
  it('clerk after administrator → my cases; administrator → Today; same person after a lock → where they were', async () => {
    const { page, close } = await openDesk(chromium(), tempDir());
    const hash = () => new URL(page.url()).hash;
    try {
      await pageCall(page, 'staff.add', { displayName: '担当 一郎', login: 'ichiro', role: 'clerk', passphrase: 'clerk passphrase one' });
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-page').waitFor(WAIT);
      await lock(page);

      await unlock(page, 'ichiro', 'clerk passphrase one');
      await page.getByTestId('forced-passphrase').waitFor(WAIT);
      expect(await page.getByRole('navigation').count()).toBe(0); // nothing else on screen
      await page.screenshot({ path: join(SHOTS, 'sign-in-forced-change.png') });
      await changeForcedPassphrase(page, 'clerk passphrase one', 'only ichiro knows this');
      await page.locator('[data-testid="cases-page"][data-view="mine"]').waitFor(WAIT);
      expect(hash()).toBe('#/cases?mine');
      expect(await page.getByTestId('forbidden').count()).toBe(0);
      // No refused call was made in the clerk's name on the way in.
      await page.getByTestId('nav-cases').click();
      await page.locator('[data-testid="cases-page"][data-view="all"]').waitFor(WAIT);
      await page.screenshot({ path: join(SHOTS, 'sign-in-clerk-home.png') });
      await lock(page);

      await unlock(page, 'ichiro', 'only ichiro knows this');
      await page.getByTestId('cases-page').waitFor(WAIT);
      expect(hash()).toBe('#/cases');
      await lock(page);

      await unlock(page, E2E_ADMIN.login, E2E_ADMIN.passphrase);
      await expect.poll(hash, WAIT).toBe('#/today');
      const denied = await pageCall(page, 'audit.list', { action: 'access.denied' });
      expect(denied.entries.filter((e) => e.actorName === '担当 一郎')).toEqual([]);
    } finally {
      await close();
    }
  });
});

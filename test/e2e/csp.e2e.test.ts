import { describe, expect, it } from 'vitest';
import { useChromium, WAIT } from '../helpers/e2e-page';
import { useTempDirs } from '../helpers/temp-dir';
import { startWebMode } from '../helpers/web-mode';

const tempDir = useTempDirs();
const chromium = useChromium();

/**
 * Issue 11, finding 12: styles come under a per-page nonce instead of 'unsafe-inline', and
 * the real renderer still gets every style it needs (Mantine's run-time <style> elements).
 */
describe('renderer CSP in Chromium (issue 11, finding 12)', () => {
  it('allows no inline style without the nonce, and Mantine still styles the page', async () => {
    const web = await startWebMode(tempDir());
    const page = await chromium().newPage({ locale: 'ja-JP' });
    try {
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const response = await page.goto(web.url);
      const csp = (await response!.allHeaders())['content-security-policy']!;
      expect(csp).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      await page.getByTestId('setup-submit').waitFor(WAIT);

      const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => ({ nonce: s.nonce, mantine: s.textContent?.includes('--mantine') ?? false })));
      expect(styles.some((s) => s.mantine)).toBe(true);
      expect(styles.every((s) => s.nonce === nonce)).toBe(true);
      // Nothing the renderer itself does is refused (zod runs jitless: no eval probe).
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      // Mantine's CSS variables are in force: the primary button is filled, not transparent.
      const background = await page.getByTestId('setup-submit').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      // An injected inline style without the nonce is refused.
      await page.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'body { background: rgb(1, 2, 3) }';
        document.head.append(s);
      });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(1, 2, 3)');
      const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      // Reported once per policy (header and meta tag), both for the injected element only.
      expect([...new Set(violations)]).toEqual(['style-src-elem inline']);
    } finally {
      await page.close();
      await web.stop();
    }
  });
});

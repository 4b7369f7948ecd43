import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * A real headless Chromium: $KAIJI_CHROMIUM, else Debian's /usr/bin/chromium, else the
 * one @sparticuz/chromium ships inside its npm tarball (so `npm install` alone is enough).
 * No browser means the test fails: end-to-end tests never skip.
 */
export async function launchChromium(): Promise<Browser> {
  const common = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  const explicit = process.env.KAIJI_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (explicit) {
    return chromium.launch({ executablePath: explicit, headless: true, args: ['--no-sandbox', '--disable-gpu', ...common] });
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  // Not its serverless defaults: those run single-process (one closed page ends the
  // browser) and switch off web security, which these tests rely on.
  const args = ['--no-sandbox', '--disable-setuid-sandbox', '--no-zygote', '--use-gl=angle', '--use-angle=swiftshader', ...common];
  return chromium.launch({ executablePath: await sparticuz.executablePath(), headless: true, args });
}

import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startWebMode, type WebModeProcess } from './web-mode';

export const E2E_ADMIN = { company: '株式会社サンプル', name: '管理 花子', login: 'hanako', passphrase: 'correct horse battery staple' };

/** First run through the UI: company, administrator, passphrase; returns with the recovery sheet shown. */
export async function fillSetup(page: Page): Promise<void> {
  await page.getByTestId('setup-company').fill(E2E_ADMIN.company);
  await page.getByTestId('setup-admin-name').fill(E2E_ADMIN.name);
  await page.getByTestId('setup-admin-login').fill(E2E_ADMIN.login);
  await page.getByTestId('setup-passphrase').fill(E2E_ADMIN.passphrase);
  await page.getByTestId('setup-passphrase-confirm').fill(E2E_ADMIN.passphrase);
  await page.getByTestId('setup-submit').click();
}

/** The office laptop's screen (#13: everything must fit 1366×768), in Japanese. */
export const DESK_VIEW: BrowserContextOptions = { locale: 'ja-JP', viewport: { width: 1366, height: 768 } };

export interface Desk {
  web: WebModeProcess;
  page: Page;
  /** Closes the page and stops the server. */
  close(): Promise<void>;
}

/**
 * How an e2e test starts: web mode on its own data folder, one Chromium page on it (`view`,
 * default DESK_VIEW), and the first run through the UI into the app unless `setUp: false`.
 */
export async function openDesk(browser: Browser, dataDir: string, options: { view?: BrowserContextOptions; setUp?: boolean } = {}): Promise<Desk> {
  const web = await startWebMode(dataDir);
  const page = await browser.newPage(options.view ?? DESK_VIEW);
  const close = async () => {
    await page.close();
    await web.stop();
  };
  try {
    if (options.setUp !== false) await setUpVault(page, web.url);
  } catch (error) {
    await close();
    throw error;
  }
  return { web, page, close };
}

/** Setup, then past the recovery sheet into the app. */
export async function setUpVault(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await fillSetup(page);
  await page.getByTestId('recovery-confirm').check();
  await page.getByTestId('recovery-continue').click();
}

export async function unlock(page: Page, login: string, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-login').fill(login);
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.getByTestId('unlock-submit').click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await page.getByTestId('unlock-login').waitFor();
}

/** #13 item 8: the screen after a first sign-in with a passphrase an administrator set. */
export async function changeForcedPassphrase(page: Page, current: string, next: string): Promise<void> {
  await page.getByTestId('forced-passphrase').waitFor({ timeout: 20_000 });
  await page.getByTestId('pass-current').fill(current);
  await page.getByTestId('pass-next').fill(next);
  await page.getByTestId('pass-confirm').fill(next);
  await page.getByTestId('pass-submit').click();
  await page.getByTestId('forced-passphrase').waitFor({ state: 'detached', timeout: 20_000 });
}

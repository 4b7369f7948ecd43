import type { Page } from 'playwright-core';

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

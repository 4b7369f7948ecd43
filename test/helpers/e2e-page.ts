import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { launchChromium } from './browser';

/** Where e2e tests leave screenshots for people to look at. */
export const SHOTS = join(import.meta.dirname, '../../test-results');
/** How long one UI step may take on a loaded 2-core machine. */
export const WAIT = { timeout: 20_000 };

/** One Chromium per test file, launched before and closed after its tests. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running (useChromium must be called at file level)');
    return browser;
  };
}

/**
 * A channel call from inside the page, exactly as the renderer's web transport makes it (same
 * cookie, origin, dispatcher and access checks): for arranging what other tests cover in the UI.
 */
export async function pageResult<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const r = await page.evaluate(
    async ([ch, body]) => {
      const res = await fetch(`/api/${ch}`, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as unknown;
    },
    [channel, input] as const,
  );
  return r as Result<ChannelOutput<C>>;
}

/** pageResult, unwrapped: throws with the error code and English message when the call fails. */
export async function pageCall<C extends ChannelName>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await pageResult(page, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}

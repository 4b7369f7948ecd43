import { ensureBuilt } from './helpers/web-mode';

/** Builds out/ once before any test file runs: e2e files in parallel must not build at once. */
export default function setup(): void {
  ensureBuilt();
}

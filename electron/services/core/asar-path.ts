import { sep } from 'node:path';

const PACKED = `${sep}app.asar${sep}`;
const UNPACKED = `${sep}app.asar.unpacked${sep}`;

/**
 * In an installed app, a package resolves to a path inside app.asar even when its files were
 * unpacked beside it (packaging/app-files.cjs, asarUnpack). Electron's fs in the main process
 * redirects such reads, but a worker thread started from a path, and a path handed to a
 * native library, need the real file: this maps `…/app.asar/…` to `…/app.asar.unpacked/…`.
 * Outside a packaged app (tests, web mode) paths come back unchanged.
 */
export function unpackedPath(path: string): string {
  return path.includes(PACKED) ? path.replace(PACKED, UNPACKED) : path;
}

// `npm start`: the Electron app, or web mode where Electron's binary cannot be had.
// `npm run start:web -- --data-dir DIR --port N`: web mode directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfStale } from './build-if-stale.mjs';

const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Electron's npm package skips its download here (allowScripts); fetch it on demand. */
function fetchElectron() {
  const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 ? electronBinary() : null;
}

function run(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildIfStale();
if (!webOnly) {
  const electron = electronBinary() ?? fetchElectron();
  if (electron) {
    run(electron, ['.', ...passThrough]);
  } else {
    process.stderr.write(
      "kaiji: Electron's binary is not available on this machine; starting web mode instead (open the URL below).\n",
    );
  }
  if (electron) process.exitCode = 0;
  else run(process.execPath, ['out/main/web.js', ...passThrough]);
} else {
  run(process.execPath, ['out/main/web.js', ...passThrough]);
}

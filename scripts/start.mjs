// `npm start`: the Electron app, or web mode where Electron's binary cannot be had.
// `npm run start:web -- --data-dir DIR --port N`: web mode directly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { buildIfStale } from './build-if-stale.mjs';

const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');
const require = createRequire(import.meta.url);

/** The Electron binary if it is installed; never triggers a download by itself. */
function electronBinary() {
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron's npm package skips its download here (allowScripts); fetch it on demand, quietly. */
function fetchElectron() {
  const pkg = dirname(require.resolve('electron/package.json'));
  const r = spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
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
    process.stderr.write("kaiji: Electron's binary is not available on this machine; starting web mode instead (open the URL below).\n");
    run(process.execPath, ['out/main/web.js', ...passThrough]);
  }
} else {
  run(process.execPath, ['out/main/web.js', ...passThrough]);
}

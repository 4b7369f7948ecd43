// Static security check of the Electron glue (engineering.md baseline), run by `npm test`.
// Fails on any finding above informational that is not justified below.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** Findings reviewed and accepted, with the reason. */
const JUSTIFIED = {
  // "Review the use of preload scripts": ours is sandboxed, and exposes one named async
  // function per contract channel through contextBridge, never ipcRenderer itself.
  PRELOAD_JS_CHECK: 'reviewed: sandboxed preload exposing named functions only',
};

const require = createRequire(import.meta.url);
const bin = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;

// Scan the Electron sources together with the renderer's HTML (its CSP meta tag).
const stage = mkdtempSync(join(tmpdir(), 'kaiji-en-'));
try {
  cpSync('electron', join(stage, 'electron'), { recursive: true });
  cpSync('renderer/index.html', join(stage, 'renderer', 'index.html'));
  const sarif = join(stage, 'result.sarif');
  const run = spawnSync(process.execPath, [bin, '-i', stage, '-o', sarif, '-r', '-v', 'false', '-e', electronVersion], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(run.status ?? 1);
  }
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results;
  let failed = 0;
  for (const r of results) {
    const where = r.locations?.[0]?.physicalLocation;
    const at = `${where?.artifactLocation?.uri ?? '?'}:${where?.region?.startLine ?? 0}`;
    if (JUSTIFIED[r.ruleId]) {
      console.log(`electronegativity: ${r.ruleId} (${r.level}) at ${at}: ${JUSTIFIED[r.ruleId]}`);
    } else if (r.level === 'error' || r.level === 'warning') {
      console.error(`electronegativity: ${r.ruleId} (${r.level}) at ${at}: ${r.message?.text ?? ''}`);
      failed++;
    } else {
      console.log(`electronegativity: ${r.ruleId} (${r.level}, informational) at ${at}`);
    }
  }
  console.log(`electronegativity: ${results.length} finding(s), ${failed} unjustified above informational`);
  if (failed) process.exit(1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

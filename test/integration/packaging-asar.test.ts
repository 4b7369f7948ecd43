/**
 * Issue 11 item 13: the installers cannot be built here (electron-builder downloads Electron),
 * so this proves what can be proven without the binary:
 *  - an app.asar built the way electron-builder builds it (@electron/asar's
 *    createPackageFromStreams, production dependencies, the SAME files/asarUnpack globs the
 *    builder config uses: packaging/app-files.cjs);
 *  - every runtime import of out/main and out/preload resolves (real Node resolution) to a
 *    file that is in the asar or its unpacked part, and so does every package those imports
 *    depend on;
 *  - native addons (.node), sharp's libvips and the tesseract language data are unpacked, and
 *    so is the OCR worker with everything it requires;
 *  - the afterPack hook really flips the fuses (on a stand-in binary with a real fuse wire).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as asar from '@electron/asar';
import { FuseState, getCurrentFuseWire } from '@electron/fuses';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tessdataFile, workerFileOptions, type TessLang } from '../../electron/services/ocr/tessdata';

const ROOT = resolve(import.meta.dirname, '../..');
const requireHere = createRequire(import.meta.url);
const appFiles = requireHere('../../packaging/app-files.cjs') as {
  files: string[];
  asarUnpack: string[];
  NOT_AT_RUNTIME: string[];
  OCR_WORKER_CLOSURE: string[];
};
const builderConfig = requireHere('../../electron-builder.cjs') as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  afterPack: string;
};
const afterPackModule = requireHere('../../packaging/after-pack.cjs') as {
  afterPack(context: unknown): Promise<void>;
  electronBinary(context: unknown): string;
  FUSES: Record<string, boolean>;
};

const posix = (p: string): string => p.split(sep).join('/');

// ---- the packager's view: production dependencies, as electron-builder collects them ----

interface Pkg {
  name: string;
  dir: string;
}

/** Finds `name` the way Node does: node_modules of `fromDir`, then of each parent up to ROOT. */
function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let d = fromDir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (d === ROOT || d === dirname(d)) return undefined;
  }
}

function readPkg(dir: string): { name: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** The dependency closure of `names` (dependencies + installed optionalDependencies). */
function closure(names: string[], fromDir: string): Map<string, Pkg> {
  const found = new Map<string, Pkg>();
  const visit = (name: string, from: string, optional: boolean): void => {
    const dir = findPackageDir(name, from);
    if (!dir) {
      if (optional) return; // another platform's prebuilt addon
      throw new Error(`dependency ${name} not installed`);
    }
    if (found.has(dir)) return;
    found.set(dir, { name, dir });
    const pkg = readPkg(dir);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const n of names) visit(n, fromDir, false);
  return found;
}

function walk(dir: string, out: string[], skipNodeModules: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skipNodeModules && entry.name === 'node_modules') continue; // nested packages: own entries
      walk(abs, out, skipNodeModules);
    } else if (entry.isFile()) out.push(abs);
  }
}

// What electron-builder 26 always leaves out (app-builder-lib fileMatcher and
// NodeModuleCopyHelper): mirrored so the archive here is no larger than the real one, and a
// file the app needs that the packager would drop fails here too.
const EXCLUDED_EXTS = ['.iml', '.hprof', '.orig', '.pyc', '.pyo', '.rbc', '.swp', '.csproj', '.sln', '.suo', '.xproj', '.cc', '.d.ts', '.mk', '.a', '.o', '.obj', '.forge-meta', '.pdb'];
const EXCLUDED_NAMES = new Set(['.git', '.hg', '.svn', 'CVS', 'RCS', 'SCCS', '__pycache__', '.DS_Store', 'thumbs.db', '.gitignore', '.gitkeep', '.gitattributes', '.npmignore', '.idea', '.vs', '.flowconfig', '.jshintrc', '.eslintrc', '.circleci', '.yarn-integrity', '.yarn-metadata.json', 'yarn-error.log', 'yarn.lock', 'package-lock.json', 'npm-debug.log', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'appveyor.yml', '.travis.yml', 'circle.yml', '.nyc_output', '.husky', '.github', 'electron-builder.env', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', 'node_gyp_bins']);
const TOP_LEVEL_EXCLUDED = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);

function excludedByDefault(rel: string, pkgDir: string | undefined): boolean {
  const parts = rel.split('/');
  if (parts.some((p) => EXCLUDED_NAMES.has(p) || p.startsWith('._'))) return true;
  if (EXCLUDED_EXTS.some((e) => rel.endsWith(e))) return true;
  if (pkgDir === undefined) return false;
  const inside = rel.slice(pkgDir.length + 1).split('/');
  return TOP_LEVEL_EXCLUDED.has(inside[0]!);
}

/** electron-builder's matching: minimatch with dot, later patterns win, '!' excludes. */
function matchesFiles(rel: string, pkgDir?: string): boolean {
  if (excludedByDefault(rel, pkgDir)) return false;
  let included = rel.startsWith('node_modules/'); // production deps are in unless excluded
  for (const pattern of appFiles.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(rel, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

const isUnpacked = (rel: string): boolean => appFiles.asarUnpack.some((p) => minimatch(rel, p, { dot: true }));

// ---- what the bundles import at run time ----

interface Import {
  spec: string;
  from: string; // absolute bundle file
  kind: 'import' | 'require';
}

// A module specifier holds no whitespace or comma: 'is distinct from' in an operator list is not an import.
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"\s,]+)"/g;
const REQUIRE_RE = /(?:\brequire|\.resolve)\(\s*["'`]([^"'`$]+)["'`]\s*\)/g;

function runtimeImports(bundleDir: string): Import[] {
  const files: string[] = [];
  walk(join(ROOT, bundleDir), files, false);
  const out: Import[] = [];
  for (const file of files.filter((f) => /\.(c|m)?js$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) out.push({ spec: m[1]!, from: file, kind: 'import' });
    for (const m of text.matchAll(REQUIRE_RE)) out.push({ spec: m[1]!, from: file, kind: 'require' });
  }
  return out;
}

const isBare = (spec: string): boolean => !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:');
const packageName = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Real Node resolution (ESM conditions for imports, CJS for require/resolve), in a child. */
function resolveAll(imports: { spec: string; from: string; kind: 'import' | 'require' }[]): (string | null)[] {
  const script = `
    import { createRequire } from 'node:module';
    import { fileURLToPath, pathToFileURL } from 'node:url';
    const input = JSON.parse(process.argv[1]);
    const out = input.map(({ spec, from, kind }) => {
      try {
        if (kind === 'require') return createRequire(from).resolve(spec);
        return fileURLToPath(import.meta.resolve(spec, pathToFileURL(from).href));
      } catch { return null; }
    });
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(
    process.execPath,
    ['--experimental-import-meta-resolve', '--input-type=module', '-e', script, JSON.stringify(imports)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as (string | null)[];
}

// ---- the build ----

let work: string;
let asarPath: string;
let entries: Set<string>;
let mainImports: Import[];
let runtimePackages: Map<string, Pkg>;

beforeAll(async () => {
  // out/ is built by test/global-setup.ts.
  expect(existsSync(join(ROOT, 'out/main/index.js'))).toBe(true);
  work = mkdtempSync(join(tmpdir(), 'kaiji-asar-'));
  asarPath = join(work, 'resources', 'app.asar');

  const rootPkg = readPkg(ROOT);
  const deps = [...Object.keys(rootPkg.dependencies ?? {}), ...Object.keys(rootPkg.optionalDependencies ?? {})];
  const prod = closure(deps, ROOT);
  const candidates: { abs: string; pkgDir?: string }[] = [{ abs: join(ROOT, 'package.json') }];
  const outFiles: string[] = [];
  walk(join(ROOT, 'out'), outFiles, false);
  candidates.push(...outFiles.map((abs) => ({ abs })));
  for (const { dir } of prod.values()) {
    const inPkg: string[] = [];
    walk(dir, inPkg, true);
    const pkgDir = posix(relative(ROOT, dir));
    candidates.push(...inPkg.map((abs) => ({ abs, pkgDir })));
  }

  const streams: asar.AsarStreamType[] = [];
  const dirs = new Set<string>();
  for (const { abs, pkgDir } of candidates) {
    const rel = posix(relative(ROOT, abs));
    if (rel.startsWith('..') || !matchesFiles(rel, pkgDir)) continue;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (!dirs.has(d)) {
        dirs.add(d);
        streams.push({ type: 'directory', path: d, unpacked: false });
      }
    }
    streams.push({
      type: 'file',
      path: rel,
      unpacked: isUnpacked(rel),
      stat: lstatSync(abs),
      streamGenerator: () => createReadStream(abs),
    });
  }
  await asar.createPackageFromStreams(asarPath, streams);
  entries = new Set(asar.listPackage(asarPath, { isPack: false }).map((e) => posix(e).replace(/^\//, '')));

  mainImports = runtimeImports('out/main');
  const bare = mainImports.filter((i) => isBare(i.spec) && i.spec !== 'electron');
  runtimePackages = closure([...new Set(bare.map((i) => packageName(i.spec)))], ROOT);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const isDirectory = (rel: string): boolean => 'files' in (asar.statFile(asarPath, rel) as object);

/** `rel` is in the archive; when marked unpacked, the real file is beside it. */
function inArchive(rel: string): { present: boolean; unpacked: boolean } {
  if (!entries.has(rel)) return { present: false, unpacked: false };
  const stat = asar.statFile(asarPath, rel) as { unpacked?: boolean };
  const unpacked = stat.unpacked === true;
  if (unpacked && !existsSync(join(`${asarPath}.unpacked`, rel))) return { present: false, unpacked };
  return { present: true, unpacked };
}

describe('installer file list (packaging/app-files.cjs) is what electron-builder gets', () => {
  it('the builder config takes files and asarUnpack from the one source, with every target and the fuse hook', () => {
    expect(builderConfig.files).toEqual(appFiles.files);
    expect(builderConfig.asarUnpack).toEqual(appFiles.asarUnpack);
    const targets = JSON.stringify([builderConfig.win, builderConfig.mac, builderConfig.linux]);
    for (const t of ['nsis', 'dmg', 'AppImage', 'deb']) expect(targets).toContain(`"${t}"`);
    expect(existsSync(resolve(ROOT, builderConfig.afterPack))).toBe(true);
  });
});

describe('app.asar built from that list', () => {
  it('holds the app: package.json whose main is in the archive, main, preload and renderer', () => {
    const pkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(inArchive(pkg.main).present).toBe(true);
    expect(inArchive('out/preload/index.cjs').present).toBe(true);
    expect(inArchive('out/renderer/index.html').present).toBe(true);
    // Renderer-only packages and the npm-scripts Node binary stay out.
    for (const p of appFiles.NOT_AT_RUNTIME) {
      expect([...entries].some((e) => e.startsWith(`node_modules/${p}/`)), p).toBe(false);
    }
  });

  it('every runtime import of out/main resolves to a file inside the asar or its unpacked part', () => {
    const bare = mainImports.filter((i) => isBare(i.spec) && i.spec !== 'electron');
    const specs = new Set(bare.map((i) => i.spec));
    // Anchors: the scan sees the imports that matter (a scan finding nothing proves nothing).
    for (const s of ['better-sqlite3-multiple-ciphers', 'sharp', 'tesseract.js', '@napi-rs/canvas', 'pdfjs-dist/package.json', 'tesseract.js/src/worker-script/node/index.js']) {
      expect(specs, s).toContain(s);
    }
    const resolved = resolveAll(bare);
    const missing: string[] = [];
    bare.forEach((imp, i) => {
      const file = resolved[i];
      if (!file) return missing.push(`${imp.spec}: does not resolve`);
      if (!inArchive(posix(relative(ROOT, file))).present) missing.push(`${imp.spec}: ${posix(relative(ROOT, file))} not packed`);
    });
    expect(missing).toEqual([]);
  });

  it('every package those imports depend on is packed with its entry point', () => {
    expect(runtimePackages.size).toBeGreaterThan(20);
    const pkgs = [...runtimePackages.values()];
    const resolved = resolveAll(pkgs.map((p) => ({ spec: p.name, from: join(p.dir, 'package.json'), kind: 'import' })));
    const missing: string[] = [];
    pkgs.forEach((p, i) => {
      const rel = posix(relative(ROOT, p.dir));
      if (!inArchive(`${rel}/package.json`).present) missing.push(`${p.name}: package.json`);
      const entry = resolved[i];
      // Data-only packages (tesseract language data) have no entry point.
      if (entry && !inArchive(posix(relative(ROOT, entry))).present) missing.push(`${p.name}: ${entry}`);
    });
    expect(missing).toEqual([]);
  });

  it('out/preload needs nothing from node_modules (sandboxed: one bundled file)', () => {
    const bare = runtimeImports('out/preload').filter((i) => isBare(i.spec));
    expect(bare.map((i) => i.spec).filter((s) => s !== 'electron')).toEqual([]);
  });

  it('native addons and the libraries they load are unpacked (the OS cannot load from an asar)', () => {
    const natives = [...entries].filter((e) => e.endsWith('.node'));
    for (const pkg of ['better-sqlite3-multiple-ciphers/', '@img/sharp-', '@napi-rs/canvas-']) {
      expect(natives.some((n) => n.startsWith(`node_modules/${pkg}`)), pkg).toBe(true);
    }
    for (const n of natives) expect(inArchive(n), n).toEqual({ present: true, unpacked: true });
    const libvips = [...entries].filter((e) => /^node_modules\/@img\/sharp-libvips-[^/]+\/lib\/.*\.(so[.\d]*|dylib|dll)$/.test(e));
    expect(libvips.length).toBeGreaterThan(0);
    for (const l of libvips) expect(inArchive(l).unpacked, l).toBe(true);
  });

  it('the language data the OCR worker reads by path is unpacked, at the path the app asks for', () => {
    for (const lang of ['jpn', 'eng', 'osd'] as TessLang[]) {
      const rel = posix(relative(ROOT, tessdataFile(lang)));
      expect(inArchive(rel), rel).toEqual({ present: true, unpacked: true });
    }
  });

  it('the OCR worker script and everything it requires are unpacked (a worker thread starts from a file)', () => {
    const workerRel = posix(relative(ROOT, workerFileOptions('jpn').workerPath));
    expect(inArchive(workerRel)).toEqual({ present: true, unpacked: true });
    const ocr = closure(['tesseract.js'], ROOT);
    expect(new Set([...ocr.values()].map((p) => p.name))).toEqual(new Set(appFiles.OCR_WORKER_CLOSURE));
    for (const { dir } of ocr.values()) {
      const rel = posix(relative(ROOT, dir));
      const packed = [...entries].filter((e) => e.startsWith(`${rel}/`) && !isDirectory(e));
      expect(packed.length, rel).toBeGreaterThan(0);
      for (const e of packed) expect(inArchive(e).unpacked, e).toBe(true);
    }
  });
});

describe('afterPack flips the fuses (packaging/after-pack.cjs)', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

  it('on a binary with a real fuse wire: RunAsNode, NODE_OPTIONS and --inspect off; asar integrity and asar-only on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaiji-fuses-'));
    try {
      const context = {
        electronPlatformName: 'linux',
        arch: 1,
        appOutDir: dir,
        packager: { executableName: 'kaiji', appInfo: { productFilename: 'Kaiji' } },
      };
      // Electron's layout of the wire: sentinel, version 1, length, one byte per fuse, all
      // starting in the state Electron ships them (RunAsNode etc. on, integrity off).
      const wire = Buffer.from([0x31, 0x30, 0x31, 0x31, 0x30, 0x30, 0x30, 0x31, 0x30]);
      const binary = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(4096, 9)]);
      writeFileSync(join(dir, 'kaiji'), binary);
      expect(afterPackModule.electronBinary(context)).toBe(join(dir, 'kaiji'));
      await afterPackModule.afterPack(context);
      const fuses = (await getCurrentFuseWire(join(dir, 'kaiji'))) as unknown as Record<number, FuseState>;
      const { FuseV1Options } = await import('@electron/fuses');
      expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      // Only the wire changed: the rest of the binary is byte for byte the same.
      const after = readFileSync(join(dir, 'kaiji'));
      expect(after.subarray(0, 4096 + SENTINEL.length + 2)).toEqual(binary.subarray(0, 4096 + SENTINEL.length + 2));
      expect(after.subarray(after.length - 4096)).toEqual(binary.subarray(binary.length - 4096));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the binary electron-builder lays out on each platform', () => {
    const ctx = (p: string) => ({ electronPlatformName: p, appOutDir: '/o', packager: { executableName: 'kaiji', appInfo: { productFilename: 'Kaiji' } } });
    expect(afterPackModule.electronBinary(ctx('win32'))).toBe(join('/o', 'Kaiji.exe'));
    expect(afterPackModule.electronBinary(ctx('darwin'))).toBe(join('/o', 'Kaiji.app'));
    expect(afterPackModule.electronBinary(ctx('linux'))).toBe(join('/o', 'kaiji'));
  });
});

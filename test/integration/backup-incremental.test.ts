/**
 * Incremental backups (#15 item 6): a generation is a manifest; page files and the database
 * image's chunks (format 3) are written once into the folder's shared piece store. After the
 * first, a backup writes only the new page files and the database chunks that changed; every kept
 * generation restores to exactly the pages it saw (image hashes, rows); pruning removes only
 * pieces no kept generation lists; a changed or missing piece (page file or database chunk) is
 * refused with a clear message and changes nothing; kill -9 while pieces are copied leaves the
 * earlier generations intact and the next run tidies up.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION, decryptBackupBody, manifestPieces, readBackupHeader } from '../../electron/services/backup/backup-format';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/vault/migrations';
import { piecesDir } from '../../electron/services/backup/backup-pieces';
import type { KaijiCore } from '../../electron/services/core/kaiji-core';
import { piecePath } from '../../electron/services/pages/page-files';
import type { BackupRun } from '../../shared/contract/backup-types';
import { ADMIN, useCores, value, type Call } from '../helpers/core';
import { storePages } from '../helpers/page-rows';
import { filesContaining, listFiles } from '../helpers/scan';
import { useTempDirs } from '../helpers/temp-dir';
import { pageHashes } from '../helpers/vault-dump';

const makeCore = useCores();
const tempDir = useTempDirs();
const MARKER = 'ZQXPIECEMARKER4410';

const generations = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(BACKUP_EXTENSION)).sort();
/** A piece's kind by its magic: page files are "KJPF", database chunks "KJDB" (backup format 3). */
const kindOf = (p: string) => readFileSync(p).subarray(0, 4).toString('latin1');
const pageFilesIn = (store: string) => (existsSync(store) ? listFiles(store).filter((p) => /[0-9a-f]{64}$/.test(p) && kindOf(p) === 'KJPF') : []);
const chunksIn = (store: string) => (existsSync(store) ? listFiles(store).filter((p) => /[0-9a-f]{64}$/.test(p) && kindOf(p) === 'KJDB') : []);
/** What the kept generations list, read with the vault's key as pruning reads it. */
async function listedPieces(core: KaijiCore, folder: string): Promise<Set<string>> {
  const key = core.vault.backupSource().key;
  const out = new Set<string>();
  for (const f of generations(folder)) {
    const path = join(folder, f);
    for (const n of manifestPieces(await decryptBackupBody(path, null, key, readBackupHeader(path, LATEST_SCHEMA_VERSION), () => undefined))) out.add(n);
  }
  return out;
}
const storeOf = (core: KaijiCore, folder: string) => piecesDir(folder, JSON.parse(readFileSync(join(core.vault.dataDir, 'vault.json'), 'utf8')).vaultId.slice(0, 8));

async function summaryOf(call: Call, run: BackupRun): Promise<Record<string, unknown>> {
  const entries = value(await call('audit.list', { action: 'backup.verified', limit: 100 })).entries;
  return entries.find((e) => (e.summary as { fileName?: string }).fileName === run.fileName)!.summary as Record<string, unknown>;
}

/** Restores a generation into a new folder and returns its page hashes (or the refusal's code). */
async function restoreHashes(call: Call, file: string): Promise<Record<string, string> | string> {
  const target = join(tempDir(), 'restored');
  const r = await call('backup.restore', { file, targetDir: target, login: ADMIN.adminLogin, passphrase: ADMIN.passphrase });
  if (!r.ok) {
    // Refused: nothing was left behind.
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    return r.error.code;
  }
  const restored = makeCore({ dataDir: target, ocrWorkers: 1 });
  value(await restored.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
  const hashes = await pageHashes(restored.core.requireSession().ws.db, target);
  expect(value(await restored.call('audit.verify', {})).ok).toBe(true);
  await restored.core.dispose();
  return hashes;
}

describe('incremental backups (#15 item 6)', () => {
  it('writes only new page files after the first, prunes without breaking a kept generation, and refuses a changed or missing piece', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    value(await call('backup.updateSettings', { folder, generations: 2 }));
    const { ws } = core.requireSession();
    const first = await storePages(ws, 12, { text: `氏名 ${MARKER}` });

    const run1 = value(await call('backup.run', {}));
    expect(await summaryOf(call, run1)).toMatchObject({ pagesWritten: 12, pagesShared: 0 });
    const store = storeOf(core, folder);
    const pieces = () => pageFilesIn(store).map((p) => p.split('/').pop()!).sort();
    expect(pieces()).toHaveLength(12);
    const firstChunks = chunksIn(store).length;
    expect(firstChunks).toBe((await summaryOf(call, run1)).dbChunks);
    const pieceBytes = Math.min(...pageFilesIn(store).map((p) => statSync(p).size));
    // Backup pieces are private like the vault's files, and nothing personal is in clear.
    expect(statSync(store).mode & 0o777).toBe(0o700);
    for (const p of listFiles(store)) expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(filesContaining(folder, [MARKER, '氏名'])).toEqual([]);

    // One more page: the second run writes one page file and a new generation, nothing else.
    await storePages(ws, 1);
    const run2 = value(await call('backup.run', {}));
    expect(await summaryOf(call, run2)).toMatchObject({ pagesWritten: 1, pagesShared: 12 });
    expect(run1.bytes! - run2.bytes!).toBeGreaterThan(10 * pieceBytes);
    // The database too: only the chunks around the new rows were written, the rest are shared.
    const s2 = await summaryOf(call, run2);
    expect(s2.dbChunksWritten as number).toBeGreaterThan(0);
    expect(s2.dbChunksWritten as number).toBeLessThan(s2.dbChunks as number);
    expect(chunksIn(store)).toHaveLength(firstChunks + (s2.dbChunksWritten as number));
    expect(pieces()).toHaveLength(13);
    const at2 = await pageHashes(ws.db, dataDir);

    // A page deleted: generation 1 is pruned (keep 2); its piece stays while generation 2 lists it.
    const gone = await ws.db.selectFrom('pages').select('image_file').where('id', '=', first[0]!).executeTakeFirstOrThrow();
    value(await call('pages.delete', { id: first[0]! }));
    // Deleting only trashes a page (#13 item 3); emptying the trash removes it and its file.
    value(await call('trash.empty', {}));
    const run3 = value(await call('backup.run', {}));
    expect(generations(folder)).toEqual([run2.fileName, run3.fileName]);
    expect(pieces()).toContain(gone.image_file);
    const at3 = await pageHashes(ws.db, dataDir);
    const run4 = value(await call('backup.run', {}));
    expect(await summaryOf(call, run4)).toMatchObject({ pagesWritten: 0, pagesShared: 12, pagesRemoved: 1 });
    expect(pieces()).not.toContain(gone.image_file);
    expect(pieces()).toHaveLength(12);
    // Chunks only the pruned generations listed went with them: the store is what is listed.
    expect(new Set(listFiles(store).map((p) => p.split('/').pop()))).toEqual(await listedPieces(core, folder));

    // Both kept generations restore to exactly the pages they saw.
    expect(await restoreHashes(call, join(folder, run3.fileName!))).toEqual(at3);
    expect(await restoreHashes(call, join(folder, run4.fileName!))).toEqual(at3);
    expect(Object.keys(at2)).toHaveLength(13);

    // A changed piece, then a missing one: refused, nothing changed; put back, it restores again.
    const victim = piecePath(store, pieces()[3]!);
    const good = readFileSync(victim);
    const changed = Buffer.from(good);
    changed[changed.length - 20]! ^= 0x01;
    writeFileSync(victim, changed);
    expect(await restoreHashes(call, join(folder, run4.fileName!))).toBe('BACKUP_PIECE_DAMAGED');
    const refused = await call('backup.restore', { file: join(folder, run4.fileName!), targetDir: join(tempDir(), 'x'), login: ADMIN.adminLogin, passphrase: ADMIN.passphrase });
    if (!refused.ok) expect(refused.error.message.ja).toMatch(/何も変更していません/);
    renameSync(victim, `${victim}.moved`);
    expect(await restoreHashes(call, join(folder, run4.fileName!))).toBe('BACKUP_PIECE_DAMAGED');
    renameSync(`${victim}.moved`, victim);
    writeFileSync(victim, good);
    expect(await restoreHashes(call, join(folder, run4.fileName!))).toEqual(at3);

    // The same for a database chunk: one flipped byte, a cut, then a chunk taken away.
    const chunk = chunksIn(store)[0]!;
    const chunkBytes = readFileSync(chunk);
    for (const broken of [Buffer.from(chunkBytes).fill(chunkBytes[100]! ^ 0x10, 100, 101), chunkBytes.subarray(0, chunkBytes.length - 1)]) {
      writeFileSync(chunk, broken);
      // Only if this generation lists the chunk (every chunk in the store is listed by a kept one).
      const codes = [await restoreHashes(call, join(folder, run3.fileName!)), await restoreHashes(call, join(folder, run4.fileName!))];
      expect(codes).toContain('BACKUP_PIECE_DAMAGED');
    }
    renameSync(chunk, `${chunk}.moved`);
    const codes = [await restoreHashes(call, join(folder, run3.fileName!)), await restoreHashes(call, join(folder, run4.fileName!))];
    expect(codes).toContain('BACKUP_PIECE_DAMAGED');
    renameSync(`${chunk}.moved`, chunk);
    writeFileSync(chunk, chunkBytes);
    expect(await restoreHashes(call, join(folder, run3.fileName!))).toEqual(at3);
  }, 120_000);

  it('any sequence of adds, deletes and backups: every kept generation restores to the pages it saw (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.record({ op: fc.constant('add' as const), n: fc.integer({ min: 1, max: 3 }) }), fc.record({ op: fc.constant('delete' as const), at: fc.nat() }), fc.constant({ op: 'backup' as const })), { minLength: 2, maxLength: 6 }),
        async (steps) => {
          const dataDir = tempDir();
          const folder = tempDir();
          const { core, call } = makeCore({ dataDir, ocrWorkers: 1 });
          value(await call('vault.setup', ADMIN));
          value(await call('backup.updateSettings', { folder, generations: 2 }));
          const { ws } = core.requireSession();
          const seen = new Map<string, { hashes: Record<string, string>; files: string[] }>();
          for (const step of [...steps, { op: 'backup' as const }]) {
            if (step.op === 'add') await storePages(ws, step.n);
            else if (step.op === 'delete') {
              // A deleted page goes to the trash (#13 item 3); emptying it removes the page and its file.
              const ids = (await ws.db.selectFrom('pages').select('id').where('trashed_at', 'is', null).orderBy('id').execute()).map((r) => r.id);
              if (ids.length) {
                value(await call('pages.delete', { id: ids[step.at % ids.length]! }));
                value(await call('trash.empty', {}));
              }
            } else {
              const run = value(await call('backup.run', {}));
              const files = (await ws.db.selectFrom('pages').select('image_file').execute()).map((r) => r.image_file!);
              seen.set(run.fileName!, { hashes: await pageHashes(ws.db, dataDir), files });
            }
          }
          const kept = generations(folder);
          expect(kept.length).toBe(Math.min(2, seen.size));
          // The store holds exactly the pieces the kept generations list, and each restores as it was.
          const needed = new Set(kept.flatMap((f) => seen.get(f)!.files));
          const store = storeOf(core, folder);
          expect(new Set(pageFilesIn(store).map((p) => p.split('/').pop()))).toEqual(needed);
          expect(new Set(listFiles(store).map((p) => p.split('/').pop()))).toEqual(await listedPieces(core, folder));
          for (const f of kept) expect(await restoreHashes(call, join(folder, f))).toEqual(seen.get(f)!.hashes);
          await core.dispose();
        },
      ),
      { numRuns: 3 },
    );
  }, 240_000);

  it('kill -9 while page files are copied leaves the earlier generations intact, and the next run tidies up', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const setup = makeCore({ dataDir, ocrWorkers: 1 });
    value(await setup.call('vault.setup', ADMIN));
    value(await setup.call('backup.updateSettings', { folder, generations: 5 }));
    value(await setup.call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', trackingNumber: '123456789013', redMarking: true }));
    await setup.core.dispose();
    const childTmp = tempDir();
    mkdirSync(childTmp, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/backup-kill.ts'), dataDir, ADMIN.adminLogin, ADMIN.passphrase, 'pages'], {
      env: { ...process.env, TMPDIR: childTmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, sig) => r(sig)));
    expect(signal).toBe('SIGKILL');
    expect(out).toContain('verified 2');
    const kept = generations(folder);
    expect(kept).toHaveLength(2);
    // Some of the 40 new page files were copied before the kill; no generation lists them yet.
    const after = makeCore({ dataDir, ocrWorkers: 1 });
    value(await after.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const store = storeOf(after.core, folder);
    const named = () => pageFilesIn(store);
    const copied = named().length;
    expect(copied).toBeGreaterThan(7);
    expect(copied).toBeLessThan(47);
    for (const f of kept) {
      const hashes = await restoreHashes(after.call, join(folder, f));
      expect(typeof hashes).toBe('object');
      expect(Object.keys(hashes)).toHaveLength(f === kept[0] ? 4 : 7);
    }
    // The next run copies the rest, and every page of the vault is then in the store, nothing more.
    const run = value(await after.call('backup.run', {}));
    expect(await summaryOf(after.call, run)).toMatchObject({ pagesShared: copied });
    expect(named()).toHaveLength(47);
    expect(new Set(listFiles(store).map((p) => p.split('/').pop()))).toEqual(await listedPieces(after.core, folder));
    expect(Object.keys(await restoreHashes(after.call, join(folder, run.fileName!)))).toHaveLength(47);
  }, 120_000);
});

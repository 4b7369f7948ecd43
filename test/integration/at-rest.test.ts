import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ADMIN, useCores, value } from '../helpers/core';
import { filesContaining, listFiles } from '../helpers/scan';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

const MARKER = 'ZQXMARKER7741';
const MARKER_JA = '秘匿検査花子';

describe('nothing personal reaches the disk unencrypted (S2)', () => {
  it('keeps markers written through cases, audit and settings out of every file', async () => {
    const dataDir = tempDir();
    const { call, core } = makeCore({ dataDir });
    value(await call('vault.setup', { ...ADMIN, companyName: `${MARKER_JA}株式会社`, adminName: `${MARKER} 管理者` }));
    const s = core.current!;
    for (let i = 0; i < 200; i++) {
      await s.ws.cases.create(s.actor, {
        subjectName: `${MARKER_JA} ${i}`,
        subjectKana: `${MARKER} かな`,
        subjectAddress: `東京都新宿区西早稲田 ${MARKER}`,
        subjectBirthDate: '1980-01-01',
      });
    }
    value(await call('settings.update', { companyAddress: `${MARKER} 高田馬場`, contactPoint: MARKER_JA }));
    value(await call('staff.add', { displayName: `${MARKER_JA}担当`, login: 'clerk1', role: 'clerk', passphrase: `${MARKER} passphrase` }));
    value(await call('cases.list', { query: MARKER_JA }));
    value(await call('audit.list', { text: MARKER }));
    // A failed unlock records the typed login, which may be personal too.
    value(await call('vault.lock', {}));
    await call('vault.unlock', { login: MARKER.toLowerCase(), passphrase: 'wrong wrong wrong' });

    // While locked (WAL, SHM and the pending-audit file as they are) ...
    expect(listFiles(dataDir).length).toBeGreaterThan(1);
    expect(filesContaining(dataDir, [MARKER, MARKER.toLowerCase(), MARKER_JA])).toEqual([]);
    // ... and after unlocking and closing again.
    value(await call('vault.unlock', { login: 'hanako', passphrase: ADMIN.passphrase }));
    expect(value(await call('audit.list', { text: MARKER.toLowerCase() })).total).toBeGreaterThan(0);
    await core.dispose();
    expect(filesContaining(dataDir, [MARKER, MARKER.toLowerCase(), MARKER_JA])).toEqual([]);
  });

  it('survives kill -9 in the middle of a write burst: no plaintext, intact database, verified audit chain', async () => {
    const dataDir = tempDir();
    const childTmp = join(dataDir, '..', `${dataDir.split('/').pop()}-tmp`);
    mkdirSync(childTmp);
    {
      const { call, core } = makeCore({ dataDir });
      value(await call('vault.setup', ADMIN));
      await core.dispose();
    }
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../fixtures/write-burst.ts'), dataDir, ADMIN.adminLogin, ADMIN.passphrase, MARKER],
      { env: { ...process.env, TMPDIR: childTmp }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 1_500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(filesContaining(dataDir, [MARKER])).toEqual([]);
    expect(filesContaining(childTmp, [MARKER])).toEqual([]);

    const { call, core } = makeCore({ dataDir });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(core.current!.ws.db);
    expect(rows).toEqual([{ integrity_check: 'ok' }]);
    const cases = value(await call('cases.list', { query: MARKER, limit: 1 })).total;
    expect(cases).toBeGreaterThanOrEqual(50);
    // Every committed case has its audit entry: they were written in the same transaction.
    const created = value(await call('audit.list', { action: 'case.created', limit: 1 })).total;
    expect(created).toBe(cases);
    expect(value(await call('audit.verify', {}))).toMatchObject({ ok: true, problems: [] });
  });
});

describe('a crash in the middle of an import', () => {
  it('leaves the file in the scanner folder and no partial page in the vault', async () => {
    const { existsSync, writeFileSync } = await import('node:fs');
    const sharp = (await import('sharp')).default;
    const { drawPage } = await import('../helpers/ocr-pages');
    const { multiPageTiff } = await import('../unit/imaging-fixtures');
    const dataDir = tempDir();
    const folder = join(tempDir(), 'scanner');
    mkdirSync(folder);
    {
      const { call, core } = makeCore({ dataDir });
      value(await call('vault.setup', ADMIN));
      await core.dispose();
    }
    // A 6-page TIFF: long enough to OCR that the kill lands mid-way.
    const pages = [1, 2, 3, 4, 5, 6].map((n) => drawPage([`${MARKER_JA} ${n}ページ`, '東京都新宿区西早稲田']));
    const tiff = await multiPageTiff(pages, 1240, 1754);
    expect((await sharp(tiff).metadata()).pages).toBe(6);
    writeFileSync(join(folder, 'batch.tif'), tiff);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../fixtures/import-crash.ts'), dataDir, ADMIN.adminLogin, ADMIN.passphrase, folder],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('importing')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`importer exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 1_500));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(out).not.toContain('finished');

    expect(existsSync(join(folder, 'batch.tif'))).toBe(true);
    expect(filesContaining(dataDir, [MARKER_JA])).toEqual([]);
    const { call, core } = makeCore({ dataDir });
    value(await call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const { rows } = await sql<{ n: number }>`select count(*) as n from pages`.execute(core.current!.ws.db);
    expect(Number(rows[0]!.n)).toBe(0);
    const imports = await sql<{ n: number }>`select count(*) as n from imports`.execute(core.current!.ws.db);
    expect(Number(imports.rows[0]!.n)).toBe(0);
    expect(value(await call('audit.verify', {})).ok).toBe(true);
  });
});

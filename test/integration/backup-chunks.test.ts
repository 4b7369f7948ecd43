/**
 * The database image of backup format 3 (#15 item 6): chunk names depend only on the database's
 * content, not on how SQLCipher last encrypted a page (a checkpoint re-encrypts pages under fresh
 * IVs), so an unchanged database writes no chunk again; a small change touches few chunks; and the
 * restore's own SQLCipher writer turns any image back into a file SQLite opens with every row
 * (fast-check over what the database holds). The plain image never reaches the disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { assembleImage, dbChunkKeys, DB_CHUNK_PAGES } from '../../electron/services/backup/backup-pieces';
import { snapshotImage } from '../../electron/services/backup/snapshot-worker';
import { writeSqlCipherImage } from '../../electron/services/backup/sqlcipher-image';
import { openSqlCipher } from '../../electron/services/vault/database';
import { ADMIN, useCores, value } from '../helpers/core';
import { storePages } from '../helpers/page-rows';
import { filesContaining, listFiles } from '../helpers/scan';
import { useTempDirs } from '../helpers/temp-dir';

const makeCore = useCores();
const tempDir = useTempDirs();
const MARKER = 'ZQXCHUNKMARKER5521';

describe('database chunks (backup format 3)', () => {
  it('same content, same chunks across a checkpoint; ten new pages touch few chunks; put together it is the database', async () => {
    const dataDir = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const { ws } = core.requireSession();
    // 40 cases with a note each and 40 pages: a database of some dozens of chunks.
    const { cases } = value(await call('envelopes.log', { arrivedOn: '2026-11-21', delivery: 'ippan_kakitome', redMarking: true, senderName: '山田 太郎', applications: 20 }));
    const more = value(await call('envelopes.log', { arrivedOn: '2026-11-22', delivery: 'ippan_kakitome', redMarking: true, senderName: '山田 花子', applications: 20 }));
    for (const c of [...cases, ...more.cases]) value(await call('cases.addNote', { id: c.id, body: `${MARKER} ${randomBytes(3000).toString('base64')}` }));
    await storePages(ws, 40, { text: `氏名 ${MARKER}` });
    const source = core.vault.backupSource();
    const store = join(tempDir(), 'store');
    mkdirSync(store);
    // Chunks of 2 pages here (the app uses DB_CHUNK_PAGES): a small database still has many chunks.
    expect(DB_CHUNK_PAGES).toBeGreaterThan(2);
    const take = () => snapshotImage(source.dbPath, source.key, { store, ...dbChunkKeys(source.key), chunkPages: 2 }, () => undefined, () => undefined);

    const first = await take();
    expect(first.intact).toBe(true);
    expect(first.written).toBe(new Set(first.chunks).size);
    // A checkpoint moves every WAL page into the file under a fresh IV: the content is the same.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(ws.db);
    const again = await take();
    expect(again.chunks).toEqual(first.chunks);
    expect(again.written).toBe(0);

    // Ten more pages: only the chunks around the new rows, index entries and search entries change.
    await storePages(ws, 10, { text: `氏名 ${MARKER}` });
    const after = await take();
    const before = new Set(first.chunks);
    const changed = after.chunks.filter((n) => !before.has(n)).length;
    expect(changed).toBe(after.written);
    expect(changed).toBeGreaterThan(0);
    // Measured: 12 of 110 two-page chunks; a third leaves room for where the random ids land.
    expect(changed).toBeLessThan(after.chunks.length / 3);

    // Put together from the store and written by the restore's writer: SQLite opens it, every row is there.
    const keys = dbChunkKeys(source.key);
    const got = assembleImage(store, after.chunks, after.dbBytes, keys);
    if ('bad' in got) throw new Error(`bad chunks: ${got.bad}`);
    const file = join(tempDir(), 'restored.db');
    writeSqlCipherImage(got.image, source.key, file);
    const h = openSqlCipher(file, source.key, { readonly: true });
    try {
      expect(h.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect((h.prepare('select count(*) as n from pages').get() as { n: number }).n).toBe(50);
      expect((h.prepare('select count(*) as n from case_notes').get() as { n: number }).n).toBe(40);
    } finally {
      h.close();
    }
    // Nothing of the content in clear, neither in the chunks nor in the written file.
    expect(filesContaining(store, [MARKER, '山田'])).toEqual([]);
    expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    expect(listFiles(store).every((p) => readFileSync(p).subarray(0, 4).toString('latin1') === 'KJDB')).toBe(true);
  }, 120_000);

  it('any database image the worker takes comes back whole through the SQLCipher writer (property)', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 9000 })), { maxLength: 60 }), async (values) => {
        const key = randomBytes(32);
        const path = join(dir, `src-${n++}.db`);
        const src = openSqlCipher(path, key);
        src.exec('create table t (i integer primary key, v)');
        // The worker reads the audit trail of what it takes (a vault always has one).
        src.exec('create table audit_log (seq integer primary key); create table audit_head (id integer primary key, seq, hash)');
        const ins = src.prepare('insert into t (v) values (?)');
        for (const v of values) ins.run(typeof v === 'string' ? v : Buffer.from(v));
        src.close();
        const store = join(dir, `store-${n}`);
        mkdirSync(store);
        const image = await snapshotImage(path, key, { store, ...dbChunkKeys(key), chunkPages: 2 }, () => undefined, () => undefined);
        const got = assembleImage(store, image.chunks, image.dbBytes, dbChunkKeys(key));
        if ('bad' in got) throw new Error('bad chunk');
        const out = join(dir, `out-${n}.db`);
        writeSqlCipherImage(got.image, key, out);
        const h = new BetterSqlite3(out, { readonly: true });
        h.pragma("cipher = 'sqlcipher'");
        h.pragma('legacy = 4');
        h.pragma(`key = "x'${key.toString('hex')}'"`);
        expect(h.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        const rows = h.prepare('select v from t order by i').all() as { v: string | Buffer }[];
        h.close();
        expect(rows.map((r) => (typeof r.v === 'string' ? r.v : [...r.v]))).toEqual(values.map((v) => (typeof v === 'string' ? v : [...v])));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

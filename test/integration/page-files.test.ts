/**
 * Page images as individually encrypted files beside the database (#15 item 6, S2): each file is
 * AES-256-GCM under its own key held only in the page's row, named by the SHA-256 of its bytes;
 * nothing of the image is in clear on disk; a changed byte is refused; deleting a page removes its
 * file; an older vault's in-database images move out at unlock; files no row refers to (a write
 * whose transaction never committed) are swept. Folder 0700, files 0600.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decryptPiece, encryptPiece, PAGE_FILES_DIR, sha256 } from '../../electron/services/pages/page-files';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { idCopyScan, scannerNoise } from '../../electron/services/demo/demo-scans';
import { ADMIN, useCores, value } from '../helpers/core';
import { importAndWait } from '../helpers/imports';
import { storePages } from '../helpers/page-rows';
import { listFiles } from '../helpers/scan';
import { thumbnail } from '../../electron/services/imaging';
import { useTempDirs } from '../helpers/temp-dir';

const makeCore = useCores();
const tempDir = useTempDirs();

const slices = (b: Buffer) => Array.from({ length: 6 }, (_, i) => b.subarray(Math.floor(((i + 1) * b.length) / 8), Math.floor(((i + 1) * b.length) / 8) + 24));
const mode = (p: string) => statSync(p).mode & 0o777;

describe('page files (#15 item 6)', () => {
  it('a piece opens only unchanged and under its own key', () => {
    const key = randomBytes(32);
    const plain = randomBytes(5000);
    const bytes = encryptPiece(plain, key);
    const name = sha256(bytes);
    expect(decryptPiece(bytes, name, key).equals(plain)).toBe(true);
    // The same image twice is two different files (own nonce): names reveal nothing about content.
    expect(sha256(encryptPiece(plain, key))).not.toBe(name);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const copy = Buffer.from(bytes);
        copy[at]! ^= xor;
        // Under the right name (as if the file had been swapped wholesale): the GCM tag still refuses it.
        expect(() => decryptPiece(copy, sha256(copy), key)).toThrow(expect.objectContaining({ code: 'PAGE_FILE_DAMAGED' }));
        expect(() => decryptPiece(copy, name, key)).toThrow(expect.objectContaining({ code: 'PAGE_FILE_DAMAGED' }));
      }),
      { numRuns: 100 },
    );
    expect(() => decryptPiece(bytes, name, randomBytes(32))).toThrow(expect.objectContaining({ code: 'PAGE_FILE_DAMAGED' }));
  });

  it('stores each image encrypted in its own private file, refuses a changed one, and removes it with the page', async () => {
    const dataDir = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const { ws } = core.requireSession();
    const [a, b] = await storePages(ws, 2);
    const rows = await ws.db.selectFrom('pages').select(['id', 'image', 'image_file', 'image_key']).orderBy('source_page').execute();
    expect(rows.map((r) => r.image.length)).toEqual([0, 0]);
    const dir = join(dataDir, PAGE_FILES_DIR);
    expect(mode(dir)).toBe(0o700);
    const paths = rows.map((r) => ws.pages.files.path(r.image_file!));
    for (const [i, p] of paths.entries()) {
      expect(mode(p)).toBe(0o600);
      expect(mode(join(p, '..'))).toBe(0o700);
      // Content-addressed: the name is the hash of the bytes on disk.
      expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(rows[i]!.image_file);
    }
    // The image (PNG) is nowhere in clear, and the view decrypts it.
    const viewed = value(await call('pages.image', { id: a! }));
    const png = Buffer.from(viewed.dataUrl.split(',')[1]!, 'base64');
    expect((await sharp(png).metadata()).width).toBe(240);
    const hits = listFiles(dataDir).filter((f) => slices(png).some((s) => readFileSync(f).includes(s)));
    expect(hits).toEqual([]);

    // One flipped byte in the file: refused with a clear message, never shown wrong.
    const bytes = readFileSync(paths[0]!);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
    writeFileSync(paths[0]!, bytes);
    expect(await call('pages.image', { id: a! })).toMatchObject({ ok: false, error: { code: 'PAGE_FILE_DAMAGED' } });

    // Deleting a page puts it in the trash (#13 item 3): its file stays until the trash is
    // emptied, then it goes; the other page's file stays.
    value(await call('pages.delete', { id: b! }));
    expect(existsSync(paths[1]!)).toBe(true);
    value(await call('trash.empty', {}));
    expect(existsSync(paths[1]!)).toBe(false);
    expect(existsSync(paths[0]!)).toBe(true);
  });

  it('keeps the scanner’s JPEG of a straight, a tilted and a sideways page (with the turn and deskew), the same pixels the import read', async () => {
    const dataDir = tempDir();
    const { core, call } = makeCore({ dataDir, ocrWorkers: 1 });
    value(await call('vault.setup', ADMIN));
    const [person] = demoPeople(1, 77);
    const straight = await idCopyScan(person!, 'license', '2028-01-01', 3);
    const skewed = await scannerNoise(await sharp(straight).png().toBuffer(), 1.2, 0.002, 4);
    const sideways = await sharp(straight).rotate(90).jpeg({ quality: 90 }).toBuffer();
    const scans = { 'straight.jpg': straight, 'skewed.jpg': skewed, 'sideways.jpg': sideways };
    await importAndWait(call, Object.entries(scans).map(([name, bytes]) => ({ name, bytes })), {});
    const { ws } = core.requireSession();
    const rows = await ws.db.selectFrom('pages').innerJoin('imports', 'imports.id', 'pages.import_id').select(['pages.id', 'imports.source_name', 'image_file', 'image_key', 'image_transform', 'thumbnail', 'width', 'height']).execute();
    const stored = Object.fromEntries(rows.map((r) => [r.source_name, { ...r, bytes: ws.pages.files.read(r.image_file!, r.image_key!) }]));
    for (const [name, scan] of Object.entries(scans)) {
      const page = stored[name]!;
      // The scanner's JPEG (metadata stripped), never larger than what came in.
      expect([...page.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect(page.bytes.length).toBeLessThanOrEqual(scan.length);
      // The services get the page the import worked on: its thumbnail, made at import from those
      // pixels, comes out byte for byte the same from the page derived now.
      const png = (await ws.pages.imageForProcessing(page.id)).png;
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      expect((await thumbnail(png)).equals(Buffer.from(page.thumbnail))).toBe(true);
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height]).toEqual([page.width, page.height]);
    }
    expect(stored['straight.jpg']!.image_transform).toBeNull();
    expect(JSON.parse(stored['skewed.jpg']!.image_transform!)).toMatchObject({ turn: 0 });
    expect(Math.abs(JSON.parse(stored['skewed.jpg']!.image_transform!).skew)).toBeGreaterThan(0.9);
    expect(JSON.parse(stored['sideways.jpg']!.image_transform!)).toMatchObject({ turn: 270 });
    // The viewer gets a straight JPEG as is, and the page itself (PNG) where a turn or deskew applies.
    expect(value(await call('pages.image', { id: stored['straight.jpg']!.id })).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const view = value(await call('pages.image', { id: stored['skewed.jpg']!.id }));
    expect(view.dataUrl).toMatch(/^data:image\/png;base64,/);
    const shown = await sharp(Buffer.from(view.dataUrl.split(',')[1]!, 'base64')).raw().toBuffer();
    expect(shown.equals(await sharp((await ws.pages.imageForProcessing(stored['skewed.jpg']!.id)).png).raw().toBuffer())).toBe(true);
    // A clerk's turn replaces the image by the page itself: no transform is left to apply.
    value(await call('pages.rotate', { id: stored['sideways.jpg']!.id, degrees: 90 }));
    const turned = await ws.db.selectFrom('pages').select(['image_file', 'image_key', 'image_transform']).where('id', '=', stored['sideways.jpg']!.id).executeTakeFirstOrThrow();
    expect(turned.image_transform).toBeNull();
    expect([...ws.pages.files.read(turned.image_file!, turned.image_key!).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  }, 120_000);

  it('moves an older vault’s in-database images out at unlock, and sweeps files no row refers to', async () => {
    const dataDir = tempDir();
    const first = makeCore({ dataDir, ocrWorkers: 1 });
    value(await first.call('vault.setup', ADMIN));
    const { ws } = first.core.requireSession();
    const [id] = await storePages(ws, 1);
    // The row as a vault before migration 032 kept it: the image in the row, no file.
    const legacy = await sharp(randomBytes(100 * 80), { raw: { width: 100, height: 80, channels: 1 } }).png().toBuffer();
    const old = await ws.db.selectFrom('pages').select('image_file').where('id', '=', id!).executeTakeFirstOrThrow();
    await ws.db.updateTable('pages').set({ image: legacy, image_file: null, image_key: null }).where('id', '=', id!).execute();
    // A file no row refers to: the old one (an interrupted delete), an old temp file, and a fresh
    // orphan that may belong to an import still running in another session.
    const orphan = ws.pages.files.path(old.image_file!);
    const tmp = join(orphan, '..', '.tmp-interrupted');
    writeFileSync(tmp, randomBytes(100), { mode: 0o600 });
    const fresh = ws.pages.files.write(randomBytes(100)).name;
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(orphan, hourAgo, hourAgo);
    utimesSync(tmp, hourAgo, hourAgo);
    await first.core.dispose();

    const again = makeCore({ dataDir, ocrWorkers: 1 });
    value(await again.call('vault.unlock', { login: ADMIN.adminLogin, passphrase: ADMIN.passphrase }));
    const s = again.core.requireSession();
    const row = await s.ws.db.selectFrom('pages').select(['image', 'image_file']).where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row.image.length).toBe(0);
    expect(row.image_file).toMatch(/^[0-9a-f]{64}$/);
    expect((await s.ws.pages.imageForProcessing(id!)).png.equals(legacy)).toBe(true);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(s.ws.pages.files.path(fresh))).toBe(true);
    expect(s.ws.pages.files.list().sort()).toEqual([row.image_file!, fresh].sort());
    expect(readdirSync(join(dataDir, PAGE_FILES_DIR)).every((d) => /^[0-9a-f]{2}$/.test(d))).toBe(true);
  });
});

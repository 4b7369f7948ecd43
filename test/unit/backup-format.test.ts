/**
 * The backup file's envelope (S2): whatever single byte is changed, wherever the file is cut,
 * it is refused with a BACKUP_* error and never yields data; the intact file round-trips.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, decryptBackupBody, manifestPieces, readBackupHeader, writeBackupFile, type BackupHeader } from '../../electron/services/backup/backup-format';
import { KaijiError } from '../../shared/errors';

const dir = mkdtempSync(join(tmpdir(), 'kaiji-backup-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);
const header: Omit<BackupHeader, 'dbBytes'> = {
  format: 1,
  schemaVersion: 5,
  appVersion: '0.1.0',
  createdAt: '2026-12-07T00:00:00.000Z',
  vaultId: 'v',
  keySlots: { format: 1, vaultId: 'v', createdAt: '', keyVersion: 1, auditPublicKey: '', slots: [], pendingRekey: null, unlockFailures: { count: 0, lastAt: null } },
  salt: randomBytes(16).toString('base64'),
};

async function roundTrip(file: string): Promise<Buffer> {
  const out = join(dir, 'out.bin');
  const parsed = readBackupHeader(file, 9);
  await decryptBackupBody(file, out, key, parsed, () => undefined);
  return readFileSync(out);
}

async function refusal(file: string): Promise<string | null> {
  try {
    await roundTrip(file);
    return null;
  } catch (error) {
    return error instanceof KaijiError ? error.code : `not a KaijiError: ${String(error)}`;
  }
}

describe('backup file envelope', () => {
  // 2.5 chunks of 1 MB: several chunks, a short last one.
  const plain = randomBytes(2.5 * 1024 * 1024);
  const src = join(dir, 'src.bin');
  const good = join(dir, 'good.kaijibak');
  const bad = join(dir, 'bad.kaijibak');
  writeFileSync(src, plain);

  it('round-trips, and refuses every single-byte change and every cut', async () => {
    await writeBackupFile(src, good, header, key, () => undefined);
    expect((await roundTrip(good)).equals(plain)).toBe(true);
    const bytes = readFileSync(good);
    // The plaintext is nowhere in the file.
    expect(bytes.includes(plain.subarray(1000, 1032))).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const copy = Buffer.from(bytes);
        copy[at]! ^= xor;
        writeFileSync(bad, copy);
        expect(await refusal(bad)).toMatch(/^BACKUP_(DAMAGED|INVALID|TOO_NEW)$/);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), async (length) => {
        writeFileSync(bad, bytes.subarray(0, length));
        expect(await refusal(bad)).toMatch(/^BACKUP_(DAMAGED|INVALID)$/);
      }),
      { numRuns: 40 },
    );
    // Extra bytes after the last chunk are not Kaiji's either.
    writeFileSync(bad, Buffer.concat([bytes, Buffer.from([0])]));
    expect(await refusal(bad)).toBe('BACKUP_DAMAGED');
    // Another key (another vault) opens nothing.
    const other = join(dir, 'other.bin');
    await expect(decryptBackupBody(good, other, randomBytes(32), readBackupHeader(good, 9), () => undefined)).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
  }, 60_000);

  it('names a newer format or schema as such', async () => {
    await writeBackupFile(src, good, { ...header, schemaVersion: 10 }, key, () => undefined);
    expect(() => readBackupHeader(good, 9)).toThrow(expect.objectContaining({ code: 'BACKUP_TOO_NEW' }));
    await writeBackupFile(src, good, { ...header, format: BACKUP_FORMAT + 1 }, key, () => undefined);
    expect(() => readBackupHeader(good, 9)).toThrow(expect.objectContaining({ code: 'BACKUP_TOO_NEW' }));
  });

  it('format 2 carries the manifest of page files before the database copy, under the same chunks and tags', async () => {
    const names = Array.from({ length: 40_000 }, (_, i) => createHash('sha256').update(String(i)).digest('hex'));
    const file = join(dir, 'manifest.kaijibak');
    await writeBackupFile(src, file, { ...header, format: 2 }, key, () => undefined, names);
    const parsed = readBackupHeader(file, 9);
    // 40,000 names: the manifest alone spans several 1 MB chunks.
    expect(parsed.header).toMatchObject({ dbBytes: plain.length, pieces: names.length });
    expect(parsed.header.manifestBytes).toBeGreaterThan(2 * 1024 * 1024);
    const out = join(dir, 'manifest-out.bin');
    expect(await decryptBackupBody(file, out, key, parsed, () => undefined)).toEqual({ pages: names, db: null });
    expect(readFileSync(out).equals(plain)).toBe(true);
    // The manifest alone (pruning reads kept generations' lists this way).
    expect(await decryptBackupBody(file, null, key, parsed, () => undefined)).toEqual({ pages: names, db: null });
    // The names are not in clear, and a flipped byte anywhere is refused.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(names[7]!))).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const copy = Buffer.from(bytes);
        copy[at]! ^= xor;
        writeFileSync(bad, copy);
        expect(await refusal(bad)).toMatch(/^BACKUP_(DAMAGED|INVALID|TOO_NEW)$/);
      }),
      { numRuns: 30 },
    );
    // A format 1 file (no manifest) still reads, with an empty list.
    await writeBackupFile(src, good, header, key, () => undefined);
    expect(await decryptBackupBody(good, null, key, readBackupHeader(good, 9), () => undefined)).toEqual({ pages: [], db: null });
  }, 60_000);

  it('format 3 carries only the manifest: page files and the database image as chunks; a list that is not one is refused', async () => {
    const names = (n: number, salt: string) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`${salt}${i}`).digest('hex'));
    const manifest = { pages: names(30, 'p'), db: { chunks: names(12, 'c'), bytes: 12 * 32 * 4096, pageSize: 4096 } };
    const file = join(dir, 'format3.kaijibak');
    await writeBackupFile(null, file, { ...header, format: 3 }, key, () => undefined, manifest);
    const parsed = readBackupHeader(file, 9);
    expect(parsed.header).toMatchObject({ format: 3, dbBytes: 0, pieces: 30 });
    const out = join(dir, 'format3-out.bin');
    expect(await decryptBackupBody(file, out, key, parsed, () => undefined)).toEqual(manifest);
    expect(readFileSync(out).length).toBe(0);
    expect(manifestPieces(manifest)).toEqual([...manifest.pages, ...manifest.db.chunks]);
    // Not a manifest Kaiji writes (a name that is not a content address, no image size): damaged.
    for (const wrong of [{ ...manifest, db: { ...manifest.db, chunks: ['../../x'] } }, { ...manifest, db: { ...manifest.db, bytes: 0 } }]) {
      await writeBackupFile(null, file, { ...header, format: 3 }, key, () => undefined, wrong);
      await expect(decryptBackupBody(file, out, key, readBackupHeader(file, 9), () => undefined)).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    }
  });
});

import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Writes a plain database image (backup format 3) as an SQLCipher 4 file under the vault's raw
 * key, the format the vault itself uses (`cipher=sqlcipher`, `legacy=4`): per page AES-256-CBC
 * over everything but the reserved tail (page 1 keeps its first 16 bytes for the file's salt),
 * a random IV and HMAC-SHA512(ciphertext | IV | page number, little-endian) in the reserved 80
 * bytes; the HMAC key is PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 rounds). Measured here: SQLite3
 * Multiple Ciphers opens the result and passes integrity_check; the restore checks every file it
 * writes the same way before it counts. Needed because this SQLite build has no sqlite_dbpage
 * table and no way to attach an in-memory image to a keyed connection: the plain image never
 * touches the disk.
 */
export function writeSqlCipherImage(image: Buffer, key: Buffer, path: string): void {
  const pageSize = image.readUInt16BE(16) === 1 ? 65_536 : image.readUInt16BE(16);
  const reserve = image[20]!;
  if (reserve < 80 || image.length % pageSize !== 0) throw new Error('not an SQLCipher 4 page image');
  const salt = randomBytes(16);
  const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const fd = openSync(path, 'w', 0o600);
  try {
    const out = Buffer.alloc(pageSize);
    const pgno = Buffer.alloc(4);
    for (let p = 0; p * pageSize < image.length; p++) {
      const page = image.subarray(p * pageSize, (p + 1) * pageSize);
      const start = p === 0 ? 16 : 0;
      const iv = randomBytes(16);
      const c = createCipheriv('aes-256-cbc', key, iv);
      c.setAutoPadding(false);
      const ct = Buffer.concat([c.update(page.subarray(start, pageSize - reserve)), c.final()]);
      pgno.writeUInt32LE(p + 1);
      const mac = createHmac('sha512', hmacKey).update(ct).update(iv).update(pgno).digest();
      out.fill(0);
      if (p === 0) salt.copy(out, 0);
      ct.copy(out, start);
      iv.copy(out, pageSize - reserve);
      mac.copy(out, pageSize - reserve + 16);
      let w = 0;
      while (w < pageSize) w += writeSync(fd, out, w, pageSize - w);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    hmacKey.fill(0);
  }
}

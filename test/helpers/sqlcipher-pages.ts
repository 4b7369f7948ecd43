import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE = 4096;
// SQLCipher 4 reserves IV (16) + HMAC-SHA512 (64) at the end of every page.
const RESERVE = 80;

/**
 * The plaintext of every page of an SQLCipher 4 file opened with a raw key (no KDF: the key is
 * the AES key), free pages included: what a forensic look with the key would see. A marker scan
 * over this proves erased content is gone from the file, not just from query results.
 */
export function decryptedPages(path: string, key: Buffer): Buffer {
  if (!existsSync(path)) return Buffer.alloc(0);
  const file = readFileSync(path);
  const out: Buffer[] = [];
  for (let off = 0; off + PAGE <= file.length; off += PAGE) {
    const page = file.subarray(off, off + PAGE);
    const start = off === 0 ? 16 : 0;
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const d = createDecipheriv('aes-256-cbc', key, iv);
    d.setAutoPadding(false);
    out.push(Buffer.concat([d.update(page.subarray(start, PAGE - RESERVE)), d.final()]));
  }
  return Buffer.concat(out);
}

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  box,
  decodeRecoveryKey,
  deriveFromPassphrase,
  encodeRecoveryKey,
  newKeyPair,
  newScryptParams,
  open,
  seal,
  unbox,
} from '../../electron/services/vault/crypto';

describe('vault crypto (S2)', () => {
  it('seals and opens with AES-256-GCM, and rejects a wrong key, altered data or other AAD', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('秘密'), 'aad');
    expect(open(key, sealed, 'aad').toString()).toBe('秘密');
    expect(() => open(randomBytes(32), sealed, 'aad')).toThrow();
    expect(() => open(key, sealed, 'other')).toThrow();
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0]! ^= 1;
    expect(() => open(key, { ...sealed, ct: ct.toString('base64') }, 'aad')).toThrow();
  });

  it('boxes to an X25519 public key that only the private key opens', () => {
    const alice = newKeyPair();
    const mallory = newKeyPair();
    const boxed = box(alice.publicKey, Buffer.from('db key'), 'v1');
    expect(unbox(alice.privateKey, alice.publicKey, boxed, 'v1').toString()).toBe('db key');
    expect(() => unbox(mallory.privateKey, mallory.publicKey, boxed, 'v1')).toThrow();
    expect(() => unbox(alice.privateKey, alice.publicKey, boxed, 'v2')).toThrow();
  });

  it('derives the same key from the same passphrase and salt, another from another', async () => {
    const params = newScryptParams({ N: 2 ** 14, r: 8, p: 1 });
    const a = await deriveFromPassphrase('パスフレーズ', params);
    const b = await deriveFromPassphrase('パスフレーズ', params);
    const c = await deriveFromPassphrase('パスフレーズ!', params);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('writes recovery keys people can copy from paper and reads them back forgivingly', () => {
    const bytes = randomBytes(32);
    const text = encodeRecoveryKey(bytes);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(decodeRecoveryKey(text)!.equals(bytes)).toBe(true);
    expect(decodeRecoveryKey(` ${text.toLowerCase().replace(/-/g, ' ')} `)!.equals(bytes)).toBe(true);
    // Full-width input from a Japanese IME is folded by NFKC.
    const fullWidth = text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(decodeRecoveryKey(fullWidth)!.equals(bytes)).toBe(true);
    expect(decodeRecoveryKey(text.slice(0, -2))).toBeNull();
    expect(decodeRecoveryKey(text.replace(/.$/, 'U'))).toBeNull();
  });
});

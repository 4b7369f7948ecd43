import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

/** AES-256-GCM output, all fields base64. */
export interface Sealed {
  iv: string;
  ct: string;
  tag: string;
}

/** ECIES-style box for a recipient's X25519 public key. */
export interface Boxed extends Sealed {
  /** Ephemeral X25519 public key (SPKI DER, base64). */
  epk: string;
}

export interface ScryptParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

/** Tuned on these machines to ~0.4 s (N=2^16 r=8 measured 0.32 s). */
export const DEFAULT_SCRYPT = { N: 2 ** 16, r: 10, p: 1 } as const;

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

export const randomKey = (): Buffer => randomBytes(32);

export function newScryptParams(base: Omit<ScryptParams, 'alg' | 'salt'> = DEFAULT_SCRYPT): ScryptParams {
  return { alg: 'scrypt', ...base, salt: b64(randomBytes(16)) };
}

export function deriveFromPassphrase(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      unb64(params.salt),
      32,
      { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** The recovery key already has 256 bits of entropy: HKDF is enough, no stretching. */
export function deriveFromRecoveryKey(recoveryKeyBytes: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKeyBytes, unb64(salt), 'kaiji-recovery-v1', 32));
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv: b64(iv), ct: b64(ct), tag: b64(c.getAuthTag()) };
}

/** Throws when the key is wrong or anything was altered (GCM tag). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, unb64(sealed.iv));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(unb64(sealed.tag));
  return Buffer.concat([d.update(unb64(sealed.ct)), d.final()]);
}

export interface KeyPair {
  publicKey: string;
  /** PKCS#8 DER; callers wrap it before it touches disk. */
  privateKey: Buffer;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: b64(publicKey.export({ type: 'spki', format: 'der' })),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

function boxKey(privateKeyDer: Buffer, publicKeyB64: string, epk: string, recipient: string): Buffer {
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: unb64(publicKeyB64), format: 'der', type: 'spki' }),
  });
  const salt = Buffer.concat([unb64(epk), unb64(recipient)]);
  return Buffer.from(hkdfSync('sha256', shared, salt, 'kaiji-box-v1', 32));
}

/**
 * Seals to a public key, so the database key can be re-sealed for every member on
 * rekey (and re-granted on re-enable) without knowing anyone's passphrase.
 */
export function box(recipientPublicKey: string, plaintext: Buffer, aad: string): Boxed {
  const eph = newKeyPair();
  const key = boxKey(eph.privateKey, recipientPublicKey, eph.publicKey, recipientPublicKey);
  return { epk: eph.publicKey, ...seal(key, plaintext, aad) };
}

export function unbox(privateKey: Buffer, recipientPublicKey: string, boxed: Boxed, aad: string): Buffer {
  const key = boxKey(privateKey, boxed.epk, boxed.epk, recipientPublicKey);
  return open(key, boxed, aad);
}

export const sha256hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

// Crockford base32: no I, L, O, U, so a key copied from paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 256 random bits as 52 base32 characters in groups of four. */
export function encodeRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Forgiving about case, spaces, hyphens and the usual look-alikes; null if malformed. */
export function decodeRecoveryKey(text: string): Buffer | null {
  const clean = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (clean.length !== 52) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out.length >= 32 ? Buffer.from(out.slice(0, 32)) : null;
}

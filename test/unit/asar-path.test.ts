import { join, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../electron/services/core/asar-path';

describe('unpackedPath (installed app: files unpacked beside app.asar)', () => {
  it('maps a path inside app.asar to the unpacked copy', () => {
    const packed = join(sep, 'opt', 'Kaiji', 'resources', 'app.asar', 'node_modules', '@tesseract.js-data', 'jpn');
    expect(unpackedPath(packed)).toBe(join(sep, 'opt', 'Kaiji', 'resources', 'app.asar.unpacked', 'node_modules', '@tesseract.js-data', 'jpn'));
  });

  it('leaves paths outside an asar (tests, web mode) and already-unpacked paths unchanged', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._@-]{1,12}$/).filter((s) => s !== 'app.asar' && s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (parts) => {
        const plain = join(sep, ...parts);
        expect(unpackedPath(plain)).toBe(plain);
        const inAsar = join(sep, 'r', 'app.asar', ...parts);
        const once = unpackedPath(inAsar);
        expect(once).toBe(join(sep, 'r', 'app.asar.unpacked', ...parts));
        expect(unpackedPath(once)).toBe(once); // idempotent
      }),
    );
  });
});

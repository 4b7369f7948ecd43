import { useEffect, useRef, useState } from 'react';
import type { PostcodeAddress } from '@shared/domain/postcode';
import { normalisePostcode } from '@shared/domain/postcode';
import { kaiji } from '../../api';

/**
 * Postcode -> address (issue 12 item 6) for any form with a 〒 field and an address field:
 * typing 7 digits looks the code up in the Japan Post data shipped with the app and fills the
 * address when it is empty or still what an earlier lookup put there (what a person typed is
 * never replaced). Several towns under one code fill the part they share and are offered as
 * `choices`. The filled address stays editable (block numbers, building).
 */
export function usePostcodeAddress(postalCode: string, address: string, setAddress: (value: string) => void) {
  const [choices, setChoices] = useState<PostcodeAddress[]>([]);
  const [unknown, setUnknown] = useState(false);
  const filled = useRef<string | null>(null);
  const looked = useRef<string | null>(null);
  const latest = useRef({ address, setAddress });
  latest.current = { address, setAddress };

  useEffect(() => {
    const code = normalisePostcode(postalCode);
    if (!code || code === looked.current) {
      if (!code) setUnknown(false);
      return;
    }
    looked.current = code;
    let live = true;
    void kaiji.postcode.lookup({ postalCode: code }).then((r) => {
      if (!live || !r.ok) return;
      const found = r.value.addresses;
      setUnknown(found.length === 0);
      setChoices(found.length > 1 ? found : []);
      if (found.length === 0) return;
      const { address: current, setAddress: fill } = latest.current;
      if (current.trim() !== '' && current !== filled.current) return;
      const value = found.length === 1 ? found[0]!.address : sharedPrefix(found.map((a) => a.address));
      filled.current = value;
      fill(value);
    });
    return () => {
      live = false;
    };
  }, [postalCode]);

  /** Takes one of several towns under the code (only while the address is still the lookup's). */
  const choose = (a: PostcodeAddress) => {
    if (address.trim() !== '' && address !== filled.current) return;
    filled.current = a.address;
    setAddress(a.address);
    setChoices([]);
  };
  return { choices, unknown, choose };
}

function sharedPrefix(values: string[]): string {
  let p = values[0] ?? '';
  for (const v of values) while (!v.startsWith(p)) p = p.slice(0, -1);
  return p;
}

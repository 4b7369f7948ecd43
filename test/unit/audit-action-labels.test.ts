import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames } from '@shared/contract';
import { knownActions } from '../../renderer/src/features/audit/actions';

const SERVICES = join(__dirname, '../../electron/services');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Action names the services write (S3): literals on lines that name an action or pass one on. */
function writtenActions(): Set<string> {
  const channels = new Set<string>(channelNames);
  const found = new Set<string>();
  for (const file of sources(SERVICES)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/action|this\.update\(|this\.change\(|replaceImage\(/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (!channels.has(m[1]!)) found.add(m[1]!);
    }
  }
  return found;
}

describe('audit trail labels (S3)', () => {
  it('every action the services write has a ja/en label, so the trail reads as words', () => {
    const written = writtenActions();
    // Built from a state name at run time (money_order.${to}); listed here so the scan sees them.
    for (const to of ['cashed', 'returned', 'lapsed']) written.add(`money_order.${to}`);
    expect(written.size).toBeGreaterThan(40);
    const known = new Set<string>(knownActions);
    expect([...written].filter((a) => !known.has(a)).sort()).toEqual([]);
  });
});

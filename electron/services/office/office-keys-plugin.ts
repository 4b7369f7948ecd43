import type { KyselyPlugin } from 'kysely';
import type { OfficeKeys } from './office-sealing';
import { sealingOf } from './sealed-store';

/**
 * The unlocked office keys of a desk's database or transaction (kysely passes a database's
 * plugins on to its transactions): the sealing plugin carries them. Null on the SQLite vault.
 */
export function officeKeysOf(db: { getExecutor(): { plugins: ReadonlyArray<KyselyPlugin> } }): OfficeKeys | null {
  return sealingOf(db)?.keys ?? null;
}

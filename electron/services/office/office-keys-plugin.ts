import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { OfficeKeys } from './office-sealing';

/**
 * Carries the unlocked office keys on a desk's Kysely (#16 item 1), so the few modules that need
 * them (the page text index: keyed trigram MACs) find them on whatever they are handed, the
 * database or a transaction of it: kysely passes a database's plugins on to its transactions.
 * Changes no query and no result. Dropped with the Kysely at lock.
 */
export class OfficeKeysCarrier implements KyselyPlugin {
  constructor(readonly keys: OfficeKeys) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** The office keys of an unlocked office desk's database or transaction; null on the vault. */
export function officeKeysOf(db: Kysely<never> | Kysely<unknown> | { getExecutor(): { plugins: ReadonlyArray<KyselyPlugin> } }): OfficeKeys | null {
  for (const p of db.getExecutor().plugins) if (p instanceof OfficeKeysCarrier) return p.keys;
  return null;
}

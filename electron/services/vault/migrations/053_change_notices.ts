import { sql, type Kysely } from 'kysely';
import { NOTICE_CHANNEL, NOTIFIED_TABLES } from '../../concurrency/change-notices';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 3: change notices on the office database. A trigger on each table a desk shows
 * sends `pg_notify('kaiji', '<table>:<id>[:<case id>]')` (random ids or a setting's key, never
 * a value), so every desk's LISTEN connection hears what another desk changed and refetches
 * only what shows it. An update of a versioned table notifies only when its version moved:
 * derived columns rewritten while reading (stored deadlines) must not wake every desk, or two
 * desks showing the same list would refetch each other forever. The audit trail is not
 * notified (every read appends to it). On the single-desk vault the core's own bus carries the
 * same notices (no triggers).
 */
export const m053: SchemaMigration = {
  version: 53,
  name: 'change_notices',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION kaiji_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE r jsonb;
         BEGIN
           IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
           PERFORM pg_notify('${NOTICE_CHANNEL}', TG_TABLE_NAME || ':' || coalesce(r ->> TG_ARGV[0], '')
             || CASE WHEN TG_NARGS > 1 THEN ':' || coalesce(r ->> TG_ARGV[1], '') ELSE '' END);
           RETURN NULL;
         END $$`,
      )
      .execute(db);
    for (const { table, key, caseKey, versioned } of NOTIFIED_TABLES) {
      const name = `${table}_notify`;
      const args = caseKey ? `'${key}', '${caseKey}'` : `'${key}'`;
      if (versioned) {
        await sql
          .raw(`CREATE TRIGGER ${name}_write AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kaiji_notify_change(${args})`)
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${name}_edit AFTER UPDATE ON ${table} FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION kaiji_notify_change(${args})`,
          )
          .execute(db);
      } else {
        await sql
          .raw(`CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kaiji_notify_change(${args})`)
          .execute(db);
      }
    }
  },
};

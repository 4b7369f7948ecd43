import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 6: on an office database the audit trail is append-only for everyone, the schema's
 * owner included (the app role also has no UPDATE/DELETE grant: office-roles.ts). On the
 * single-desk vault the whole file is the trust boundary (SQLCipher, S2) and nothing changes.
 */
export const m038: SchemaMigration = {
  version: 38,
  name: 'audit_append_only',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`CREATE OR REPLACE FUNCTION kaiji_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'AUDIT_APPEND_ONLY' USING ERRCODE = 'P0001'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION kaiji_audit_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION kaiji_audit_append_only()`.execute(db);
  },
};

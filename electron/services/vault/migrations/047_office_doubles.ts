import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { SchemaMigration } from './types';

/**
 * #16 item 4: SQLite's `real` is a 64-bit float, PostgreSQL's is 32 bits. A vault moved into an
 * office database kept OCR confidences to 7 digits only and failed its row-by-row check; on the
 * office database they are `double precision`, as on the vault. Nothing changes on SQLite.
 */
export const m047: SchemaMigration = {
  version: 47,
  name: 'office_doubles',
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) !== 'postgres') return;
    await sql`ALTER TABLE pages ALTER COLUMN ocr_confidence TYPE double precision`.execute(db);
    // Migration 024's update trigger names the column: dropped and made again exactly as 024 made it.
    await sql`DROP TRIGGER case_facts_case_fields_u ON case_fields`.execute(db);
    await sql`ALTER TABLE case_fields ALTER COLUMN confidence TYPE double precision`.execute(db);
    await sql`CREATE TRIGGER case_facts_case_fields_u AFTER UPDATE OF case_id, field, value, confidence, needs_review ON case_fields
      FOR EACH ROW EXECUTE FUNCTION case_facts_case_fields_u_fn()`.execute(db);
  },
};

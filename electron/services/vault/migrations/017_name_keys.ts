import { sql, type Kysely } from 'kysely';
import { nameKey } from '@shared/domain/names';
import type { SchemaMigration } from './types';

/**
 * Name keys (R3 and the case search) now fold variant kanji (髙/高, 﨑/崎, 邉/邊/辺 ...) and
 * small kana / the long-vowel mark: every stored key is recomputed from the stored spelling,
 * which itself stays exactly as the applicant wrote it. A later update of the variant table
 * (shared/domain/data/kanji-variants.json) needs another step like this one.
 */
export const m017: SchemaMigration = {
  version: 17,
  name: 'name_keys',
  async up(db: Kysely<unknown>) {
    const rows = await sql<{ id: string; subject_name: string; subject_kana: string }>`SELECT id, subject_name, subject_kana FROM cases`.execute(db);
    for (const r of rows.rows) {
      await sql`UPDATE cases SET subject_name_key = ${nameKey(r.subject_name)}, subject_kana_key = ${nameKey(r.subject_kana)} WHERE id = ${r.id}`.execute(db);
    }
  },
};

import type { Kysely } from 'kysely';

/** One numbered schema step. Steps only add; they never rewrite history. */
export interface SchemaMigration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

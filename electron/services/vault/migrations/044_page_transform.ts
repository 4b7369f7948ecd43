import type { Kysely } from 'kysely';
import type { SchemaMigration } from './types';

/**
 * A page stored as the scanner's JPEG plus the turn and deskew that make it upright (#15 item 6):
 * JSON `{ "turn": 0|90|180|270, "skew": degrees }`, null when the stored image is the page as is
 * (a PNG, or an upright JPEG). Set only where deriving the page from the JPEG gave exactly the
 * pixels the import worked on (keep-original.ts).
 */
export const m044: SchemaMigration = {
  version: 44,
  name: 'page_transform',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('pages').addColumn('image_transform', 'text').execute();
  },
};

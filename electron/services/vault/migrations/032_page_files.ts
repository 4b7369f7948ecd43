import type { Kysely } from 'kysely';
import { blobType } from './dialect';
import type { SchemaMigration } from './types';

/**
 * Page images move out of the database into individually encrypted files (#15 item 6): each row
 * names its file (content address) and holds the file's key. Rows of older vaults keep their image
 * in `image` until the page store moves them out at unlock (`PageStore.moveImagesOut`); new rows
 * leave `image` empty.
 */
export const m032: SchemaMigration = {
  version: 32,
  name: 'page_files',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('pages').addColumn('image_file', 'text').execute();
    await db.schema.alterTable('pages').addColumn('image_key', blobType(db)).execute();
  },
};

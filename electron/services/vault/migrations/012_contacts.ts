import type { Kysely } from 'kysely';
import { blobType, refuseChangesOnceIssued } from './dialect';
import type { SchemaMigration } from './types';

/**
 * Contacts (I1): requests that arrived by phone, e-mail, fax or at the desk, the guidance
 * letter each one is answered with, and the mailing of that letter. An issued guidance letter
 * never changes again (the service refuses; triggers refuse too, as for letters in 008).
 */
export const m012: SchemaMigration = {
  version: 12,
  name: 'contacts',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contact_no', 'text', (c) => c.notNull().unique())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('contacted_on', 'text', (c) => c.notNull())
      .addColumn('contacted_time', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('contact_detail', 'text', (c) => c.notNull())
      .addColumn('requested_kinds', 'text', (c) => c.notNull())
      .addColumn('request_note', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('guidance_state', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Today: contacts still owed their guidance letter, oldest first.
    await db.schema.createIndex('contacts_guidance_state').on('contacts').columns(['guidance_state', 'contacted_on']).execute();
    await db.schema
      .createTable('contact_letters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('draft', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text')
      .addColumn('issued_at', 'text')
      .addColumn('issued_by', 'text')
      .addColumn('pdf', blobType(db))
      .addColumn('sha256', 'text')
      .addColumn('page_count', 'integer')
      .execute();
    await db.schema.createIndex('contact_letters_contact').on('contact_letters').columns(['contact_id', 'created_at']).execute();
    await refuseChangesOnceIssued(db, 'contact_letters', { frozen: 'contact_letters_issued_frozen', kept: 'contact_letters_issued_kept' }, null);
    await db.schema
      .createTable('contact_mailings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('contact_letter_id', 'text', (c) => c.notNull().unique().references('contact_letters.id'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('tracking_no', 'text')
      .addColumn('tracking_status', 'text', (c) => c.notNull())
      .addColumn('tracking_override_reason', 'text')
      .addColumn('sent_on', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
